// pdb-selects-nothing: a PodDisruptionBudget whose selector matches no workload's pods in its
// namespace protects nothing, usually because of a label typo.
import { getPair, getValue } from '../model';
import type { Rule } from './types';
import { budgetSelects } from './support/disruption-budget';
import { currentObject, keySpanAt, objectSpan } from './support/locate';
import { readPdbFacts } from './support/object-facts';

export const pdbSelectsNothing: Rule = {
  id: 'pdb-selects-nothing',
  defaultSeverity: 'warning',
  description:
    'A PodDisruptionBudget whose selector matches the pods of no workload in its namespace.',
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
    const workloads = context.index.workloads(context.namespace);
    if (workloads.some((workload) => budgetSelects(pdb, workload.podLabels))) {
      return [];
    }
    return [
      {
        span: selectorPair?.keySpan ?? objectSpan(context.document),
        message: `This PodDisruptionBudget's selector matches the pods of no workload in namespace "${context.namespace}", so it protects nothing; make it match the pod template labels of the workload it is meant for.`,
      },
    ];
  },
};
