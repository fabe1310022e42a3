// strimzi-delete-claim: a persistent-claim volume with `deleteClaim: true`. Strimzi then deletes
// the claims with the Kafka or node pool, so a mistaken `kubectl delete` or a GitOps prune takes
// the data with it (the disks too, under the default Delete reclaim policy).
import { asScalar, getPair } from '../../model';
import { storageSections } from '../support/strimzi';
import type { Rule, RuleFinding } from '../types';

export const strimziDeleteClaim: Rule = {
  id: 'strimzi-delete-claim',
  defaultSeverity: 'warning',
  description:
    'A Strimzi persistent-claim volume with deleteClaim: true, so deleting the resource deletes the data.',
  check({ document }) {
    const findings: RuleFinding[] = [];
    for (const section of storageSections(document)) {
      for (const volume of section.volumes) {
        const value = asScalar(getPair(volume.node, 'deleteClaim')?.value);
        if (volume.type === 'persistent-claim' && value?.value === true) {
          findings.push({
            span: value.span,
            message: `deleteClaim: true makes Strimzi delete the claims of these ${section.holds} when the resource is deleted: a mistaken kubectl delete or a GitOps prune then destroys the data (and the disks, under a Delete reclaim policy). Use deleteClaim: false and delete claims by hand when the data is really no longer needed.`,
          });
        }
      }
    }
    return findings;
  },
};
