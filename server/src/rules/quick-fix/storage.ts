// What the storage quick fixes share (each rule's own fix is its folder's fix.ts).
import { declaredClaims } from '../claims';
import type { DeclaredClaim } from '../claims';
import type { Finding } from '../types';
import type { FixContext } from './types';

/** The size a new claim asks for; the user adjusts it, a claim without one is rejected. */
export const defaultStorageRequest = '10Gi';

/** The claim (PVC or volumeClaimTemplate) a finding points into. */
export function claimOf(finding: Finding, context: FixContext): DeclaredClaim | undefined {
  return declaredClaims(context.document).find(
    (claim) => claim.node.span[0] <= finding.span[0] && finding.span[1] <= claim.node.span[1],
  );
}
