// The quick fix of strimzi-min-isr, moved out of the strimzi fixers; pure: plain edits, no LSP.
import { replaceScalar } from '../quick-fix/edits';
import type { Fixer } from '../quick-fix/types';
import { quickFix, scalarAt } from '../quick-fix/types';

export const fix: Fixer = (finding, context) => {
  const value = finding.data?.value;
  const scalar = scalarAt(context, finding.span);
  return typeof value === 'number' && scalar
    ? quickFix(finding, `Set to ${value}`, [replaceScalar(context.model, scalar, value)], true)
    : [];
};
