// claim-access-modes-missing: a claim without accessModes. The API rejects such a
// PersistentVolumeClaim, but accepts a StatefulSet whose template lacks them (kubernetes#132211),
// so the StatefulSet's pods wait forever for claims that cannot be created.
import { getIn, seqItems } from '../../model';
import { closestKeySpan, declaredClaims, describeClaim } from '../claims';
import type { Rule, RuleFinding } from '../types';

export const claimAccessModesMissing: Rule = {
  id: 'claim-access-modes-missing',
  defaultSeverity: 'error',
  description: 'A PersistentVolumeClaim or volumeClaimTemplate without `accessModes`.',
  check({ document }) {
    const findings: RuleFinding[] = [];
    for (const claim of declaredClaims(document)) {
      const modes = getIn(claim.spec, ['accessModes']);
      if (modes !== undefined && seqItems(modes).length > 0) {
        continue;
      }
      const consequence =
        claim.source === 'PersistentVolumeClaim'
          ? 'the API server rejects it'
          : 'the StatefulSet is accepted but its claims cannot be created, so its pods never start';
      findings.push({
        span: closestKeySpan(claim, ['spec', 'accessModes']),
        message: `${describeClaim(claim)} has no accessModes: ${consequence}. Add \`accessModes: [ReadWriteOnce]\` (or the mode your storage supports).`,
      });
    }
    return findings;
  },
};
