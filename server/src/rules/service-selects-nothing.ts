// service-selects-nothing: a Service whose selector matches no pod template in its namespace has
// no endpoints, so traffic to it fails. Workloads that match part of the selector are related.
import { getPair, getValue, scalarText } from '../model';
import type { Rule } from './types';
import { formatLabels, labelsMatch, readLabels } from './support/label-selector';
import { describeObject, relatedTo } from './support/locate';

export const serviceSelectsNothing: Rule = {
  id: 'service-selects-nothing',
  defaultSeverity: 'warning',
  description: 'A Service whose selector matches the pods of no workload in its namespace.',
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
    const workloads = index.workloads(namespace);
    if (workloads.some((workload) => labelsMatch(selector, workload.podLabels))) {
      return [];
    }
    // Workloads that satisfy part of the selector are the likely intended targets.
    const near = workloads.filter((workload) =>
      Object.entries(selector).some(([key, value]) => workload.podLabels[key] === value),
    );
    const hint =
      near.length > 0 ? ` ${near.map(describeObject).join(', ')} match only part of it.` : '';
    return [
      {
        span: selectorPair.keySpan,
        message: `This Service selects no pods: no workload in namespace "${namespace}" has pod labels ${formatLabels(selector)}.${hint} Fix the selector or the pod template labels.`,
        related: near.map((workload) =>
          relatedTo(
            workload,
            `${describeObject(workload)} pod labels: ${formatLabels(workload.podLabels)}`,
          ),
        ),
      },
    ];
  },
};
