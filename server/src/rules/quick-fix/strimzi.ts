// What the Strimzi quick fixes share (each rule's own fix is its folder's fix.ts): the default
// volume size, the intended cluster name or topology label, a replica count.
import { asMap, nodePathAt } from '../../model';
import type { MapNode, Span } from '../../model';
import { replaceScalar } from './edits';
import type { Fixer, FixContext } from './types';
import { dataString, quickFix, scalarAt } from './types';

/** The size a volume gets when the fix creates one; the user adjusts it. */
export const defaultStrimziVolumeSize = '100Gi';

/** The mapping that holds the key or value at `span` (a storage volume, for these rules). */
export function mapHolding(context: FixContext, span: Span): MapNode | undefined {
  const { steps, onKey } = nodePathAt(context.document.root, span[0]);
  const index = onKey ? steps.length - 1 : steps.length - 2;
  return asMap(steps[index]?.node);
}

export const useSuggestion: Fixer = (finding, context) => {
  const suggestion = dataString(finding, 'suggestion');
  const scalar = scalarAt(context, finding.span);
  return suggestion && scalar
    ? quickFix(
        finding,
        `Change to '${suggestion}'`,
        [replaceScalar(context.model, scalar, suggestion)],
        true,
      )
    : [];
};

/** `data.replicas`: the replica counts to offer, the first preferred. */
export const setReplicas: Fixer = (finding, context) => {
  const scalar = scalarAt(context, finding.span);
  const counts = Array.isArray(finding.data?.replicas)
    ? finding.data.replicas.filter((count): count is number => typeof count === 'number')
    : [];
  return scalar
    ? counts.flatMap((count, index) =>
        quickFix(
          finding,
          `Set replicas: ${count}`,
          [replaceScalar(context.model, scalar, count)],
          index === 0,
        ),
      )
    : [];
};
