// sts-service-name-missing: a StatefulSet without `spec.serviceName` gets no governing Service,
// so its pods have no stable DNS names (`<pod>.<service>`), which peers of a cluster rely on.
import { getPair, scalarText } from '../../model';
import type { Rule } from '../types';
import { keySpanAt, objectSpan } from '../support/locate';

export const stsServiceNameMissing: Rule = {
  id: 'sts-service-name-missing',
  defaultSeverity: 'warning',
  description:
    'A StatefulSet without spec.serviceName, so its pods get no stable network identity.',
  noQuickFix:
    "the headless Service's name is a design choice; sts-service-not-found offers to create one once named",
  check({ document }) {
    if (document.kind !== 'StatefulSet') {
      return [];
    }
    const spec = getPair(document.root, 'spec');
    const pair = getPair(spec?.value, 'serviceName');
    if (pair && scalarText(pair.value)) {
      return [];
    }
    return [
      {
        span: (pair ? pair.keySpan : keySpanAt(document.root, ['spec'])) ?? objectSpan(document),
        message:
          'This StatefulSet has no spec.serviceName, so its pods get no stable DNS names (pod-0.<service>); set it to a headless Service (clusterIP: None) that selects these pods.',
      },
    ];
  },
};
