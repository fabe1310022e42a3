// claim-storage-missing: a claim without `resources.requests.storage`, which every claim needs
// (the StatefulSet case is accepted by the API and fails only when pods are created).
import { getIn, scalarText } from '../../model';
import { closestKeySpan, declaredClaims, describeClaim } from '../claims';
import type { Rule, RuleFinding } from '../types';

export const claimStorageMissing: Rule = {
  id: 'claim-storage-missing',
  defaultSeverity: 'error',
  description:
    'A PersistentVolumeClaim or volumeClaimTemplate without `resources.requests.storage`.',
  check({ document }) {
    const findings: RuleFinding[] = [];
    for (const claim of declaredClaims(document)) {
      const storage = getIn(claim.spec, ['resources', 'requests', 'storage']);
      if (scalarText(storage) !== undefined) {
        continue;
      }
      const consequence =
        claim.source === 'PersistentVolumeClaim'
          ? 'the API server rejects it'
          : 'no claim can be created from it, so the StatefulSet pods never start';
      findings.push({
        span: closestKeySpan(claim, ['spec', 'resources', 'requests', 'storage']),
        message: `${describeClaim(claim)} requests no storage size: ${consequence}. Add \`resources.requests.storage\` (e.g. \`10Gi\`).`,
      });
    }
    return findings;
  },
};
