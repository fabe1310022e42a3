// The quick fixes of a file's findings: each rule's own fix (rules/<rule-id>/fix.ts, found
// through rules/fixes.ts), plus "disable for this line" for every rule. This only dispatches.
import { documentAt } from '../../model';
import type { FileModel } from '../../model';
import { createContext } from '../../rules/run-rules';
import type { RunRulesOptions } from '../../rules/run-rules';
import type { Finding } from '../../rules/types';
import { quickFixesByRule } from '../../rules/fixes';
import { disableForLineFix } from './suppress';
import type { FixContext, QuickFix } from '../../rules/quick-fix/types';
import { detectLayout } from '../../rules/quick-fix/yaml-text';

export type { QuickFix } from '../../rules/quick-fix/types';
export type { FileEdit } from '../../rules/quick-fix/edits';

/** The rule ids that have a fixer of their own (besides "disable for this line"). */
export const rulesWithQuickFixes: readonly string[] = Object.keys(quickFixesByRule);

/** Syntax errors are never silenced: kubectl cannot read the file either. */
export const rulesWithoutDisable: readonly string[] = ['yaml-syntax'];

export interface QuickFixOptions extends RunRulesOptions {
  /** Models of other files, for fixes that edit an object defined there. */
  readonly modelOf: (uri: string) => FileModel | undefined;
}

/** The fixes of `findings` (fresh from runRules on `model`), in finding order. */
export function quickFixesFor(
  model: FileModel,
  findings: readonly Finding[],
  options: QuickFixOptions,
): QuickFix[] {
  const layout = detectLayout(model);
  return findings.flatMap((finding) => {
    const document = documentAt(model, finding.span[0]);
    const context: FixContext = {
      ...createContext(model, document, options),
      layout,
      modelOf: options.modelOf,
    };
    const own = quickFixesByRule[finding.ruleId]?.(finding, context) ?? [];
    const disable = rulesWithoutDisable.includes(finding.ruleId)
      ? []
      : disableForLineFix(finding, context);
    return [...own, ...disable];
  });
}
