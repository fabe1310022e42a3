// The quick fix of strimzi-delete-claim, moved out of the strimzi fixers; pure: plain edits, no LSP.
import { replaceScalar } from '../quick-fix/edits';
import type { Fixer } from '../quick-fix/types';
import { quickFix, scalarAt } from '../quick-fix/types';

export const fix: Fixer = (finding, context) => {
  const value = scalarAt(context, finding.span);
  return value
    ? quickFix(
        finding,
        'Set deleteClaim: false',
        [replaceScalar(context.model, value, false)],
        true,
      )
    : [];
};
