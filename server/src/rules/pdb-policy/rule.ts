// pdb-policy: a PodDisruptionBudget needs exactly one of minAvailable and maxUnavailable; with
// neither it allows nothing useful, with both the API server rejects it.
import { getPair, getValue } from '../../model';
import type { Rule } from '../types';
import { keySpanAt, objectSpan } from '../support/locate';

export const pdbPolicy: Rule = {
  id: 'pdb-policy',
  defaultSeverity: 'warning',
  description:
    'A PodDisruptionBudget with neither minAvailable nor maxUnavailable (warning), or with both (error).',
  check({ document }) {
    if (document.kind !== 'PodDisruptionBudget') {
      return [];
    }
    const spec = getValue(document.root, 'spec');
    const min = getPair(spec, 'minAvailable');
    const max = getPair(spec, 'maxUnavailable');
    if (min && max) {
      const second = min.keySpan[0] > max.keySpan[0] ? min : max;
      return [
        {
          span: second.keySpan,
          severity: 'error',
          message:
            'minAvailable and maxUnavailable cannot both be set; the API server rejects this PodDisruptionBudget. Keep one (maxUnavailable: 1 suits most StatefulSets).',
        },
      ];
    }
    if (!min && !max) {
      return [
        {
          span: keySpanAt(document.root, ['spec']) ?? objectSpan(document),
          message:
            'This PodDisruptionBudget sets neither minAvailable nor maxUnavailable, so it does not limit disruptions in a useful way; set one of them (e.g. maxUnavailable: 1).',
        },
      ];
    }
    return [];
  },
};
