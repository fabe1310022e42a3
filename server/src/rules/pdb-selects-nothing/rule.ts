// pdb-selects-nothing: a PodDisruptionBudget whose selector matches no workload's pods in its
// namespace protects nothing, usually because of a label typo. Pods that operators create from
// custom resources count; what the workspace cannot see is at most an info.
import { getPair, getValue } from '../../model';
import type { Rule } from '../types';
import { isEmptySelector } from '../support/label-selector';
import { currentObject, describeObject, keySpanAt, objectSpan, relatedTo } from '../support/locate';
import { nothingSelected } from '../support/nothing-selected';
import { readPdbFacts } from '../support/object-facts';

export const pdbSelectsNothing: Rule = {
  id: 'pdb-selects-nothing',
  defaultSeverity: 'warning',
  description:
    'A PodDisruptionBudget whose selector matches the pods of no workload in its namespace.',
  noQuickFix: 'the intended workload is unknown; guessing a selector could protect the wrong pods',
  check(context) {
    const object = currentObject(context);
    if (!object || object.kind !== 'PodDisruptionBudget' || !context.index.isComplete()) {
      return [];
    }
    const pdb = readPdbFacts(object, context.document);
    const selectorPair = getPair(getValue(context.document.root, 'spec'), 'selector');
    if (!pdb.selector) {
      return [
        {
          span: keySpanAt(context.document.root, ['spec']) ?? objectSpan(context.document),
          message:
            'This PodDisruptionBudget has no spec.selector, so it covers no pods; add a selector that matches the pod labels of the workload it protects.',
        },
      ];
    }
    const span = selectorPair?.keySpan ?? objectSpan(context.document);
    if (isEmptySelector(pdb.selector)) {
      // policy/v1 covers every pod of the namespace; policy/v1beta1 covers none.
      return pdb.apiVersion === 'policy/v1beta1'
        ? [
            {
              span,
              message:
                'In policy/v1beta1 an empty selector covers no pods, so this budget protects nothing; select the pod labels of the workload it is meant for.',
            },
          ]
        : [];
    }
    const verdict = nothingSelected(pdb.selector, context.index, context.namespace);
    switch (verdict.kind) {
      case 'selected':
        return [];
      case 'ordinal-out-of-range':
        return [
          {
            span,
            message: `This PodDisruptionBudget selects only pod ordinal ${verdict.ordinal} of ${describeObject(verdict.workload)}, which runs ${verdict.replicas} replica${verdict.replicas === 1 ? '' : 's'}, so it protects nothing.`,
            related: [relatedTo(verdict.workload, describeObject(verdict.workload))],
          },
        ];
      case 'near':
        return [
          {
            span,
            message: `This PodDisruptionBudget's selector matches the pods of no workload in namespace "${context.namespace}", so it protects nothing; ${verdict.workloads.map(describeObject).join(', ')} match${verdict.workloads.length === 1 ? 'es' : ''} only part of it. Make it match the pod template labels of the workload it is meant for.`,
            related: verdict.workloads.map((workload) =>
              relatedTo(workload, `${describeObject(workload)}`),
            ),
          },
        ];
      case 'elsewhere':
        return [
          {
            span,
            message: `This PodDisruptionBudget's selector matches the pods of no workload in namespace "${context.namespace}"; ${verdict.workloads.map((w) => `${describeObject(w)} in namespace "${w.namespace}"`).join(', ')} matches, but a budget covers only pods of its own namespace.`,
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
              `No workload in this workspace has pods this PodDisruptionBudget selects (namespace "${context.namespace}"); pods created by an operator or another repository are not seen. ${verdict.note}`.trimEnd(),
          },
        ];
    }
  },
};
