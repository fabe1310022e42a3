// service-selects-nothing: a Service whose selector matches no pod template in its namespace has
// no endpoints, so traffic to it fails. Pods get more labels than their template says (the
// controllers' pod-name and hashes, `kubectl label` in a start script) and operators create pods
// from custom resources, so those count as targets; what the workspace cannot see is an info.
import { getPair, getValue, scalarText } from '../../model';
import type { Rule, RuleFinding } from '../types';
import { formatLabels, readLabels, selectorFromLabels } from '../support/label-selector';
import { describeObject, relatedTo } from '../support/locate';
import { nothingSelected } from '../support/nothing-selected';

export const serviceSelectsNothing: Rule = {
  id: 'service-selects-nothing',
  defaultSeverity: 'warning',
  description: 'A Service whose selector matches the pods of no workload in its namespace.',
  noQuickFix: 'the intended workload is unknown; any guess would route traffic somewhere',
  check({ document, index, namespace }) {
    if (document.kind !== 'Service' || !index.isComplete()) {
      return [];
    }
    const spec = getValue(document.root, 'spec');
    const selectorPair = getPair(spec, 'selector');
    const selector = readLabels(selectorPair?.value);
    // ExternalName and selector-less Services have no pods by design.
    if (
      !selectorPair ||
      Object.keys(selector).length === 0 ||
      scalarText(getValue(spec, 'type')) === 'ExternalName'
    ) {
      return [];
    }
    const verdict = nothingSelected(selectorFromLabels(selector), index, namespace);
    const span = selectorPair.keySpan;
    switch (verdict.kind) {
      case 'selected':
        return [];
      case 'ordinal-out-of-range':
        return [
          {
            span,
            message: `This Service selects pod ordinal ${verdict.ordinal} of ${describeObject(verdict.workload)}, which runs only ${verdict.replicas} replica${verdict.replicas === 1 ? '' : 's'} (ordinals 0 to ${verdict.replicas - 1}), so it has no endpoints until the StatefulSet is scaled up.`,
            related: [relatedTo(verdict.workload, `${describeObject(verdict.workload)}`)],
          },
        ];
      case 'near': {
        const finding: RuleFinding = {
          span,
          message: `This Service selects no pods: no workload in namespace "${namespace}" has pod labels ${formatLabels(selector)}. ${verdict.workloads.map(describeObject).join(', ')} match${verdict.workloads.length === 1 ? 'es' : ''} only part of it. Fix the selector or the pod template labels.`,
          related: verdict.workloads.map((workload) =>
            relatedTo(
              workload,
              `${describeObject(workload)} pod labels: ${formatLabels(workload.podLabels)}`,
            ),
          ),
        };
        return [finding];
      }
      case 'elsewhere':
        return [
          {
            span,
            message: `This Service selects no pods: no workload in namespace "${namespace}" has pod labels ${formatLabels(selector)}; ${verdict.workloads.map((w) => `${describeObject(w)} in namespace "${w.namespace}"`).join(', ')} does, but a Service selects only pods of its own namespace.`,
            related: verdict.workloads.map((workload) =>
              relatedTo(workload, describeObject(workload)),
            ),
          },
        ];
      case 'unseen':
        return [
          {
            span,
            severity: 'info',
            message:
              `No workload in this workspace has pod labels ${formatLabels(selector)} (namespace "${namespace}"); pods created by an operator or another repository are not seen. ${verdict.note}`.trimEnd(),
          },
        ];
    }
  },
};
