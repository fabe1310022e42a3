// The quick fixes of a file's findings: each rule family's fixer, plus "disable for this line"
// for every rule. Add a fixer by adding it to its family's table and the family here.
import { documentAt } from '../../model';
import type { FileModel } from '../../model';
import { createContext } from '../../rules/run-rules';
import type { RunRulesOptions } from '../../rules/run-rules';
import type { Finding } from '../../rules/types';
import { apiVersionFixers } from './api-version';
import { availabilityFixers } from './availability';
import { legacyAnnotationFixers } from './legacy-annotations';
import { schemaFixers } from './schema';
import { storageFixers } from './storage';
import { strimziFixers } from './strimzi';
import { disableForLineFix } from './suppress';
import type { FixContext, Fixer, QuickFix } from './types';
import { wiringFixers } from './wiring';
import { detectLayout } from './yaml-text';

export type { QuickFix } from './types';
export type { FileEdit } from './edits';

const fixers: Readonly<Record<string, Fixer>> = {
  ...schemaFixers,
  ...apiVersionFixers,
  ...wiringFixers,
  ...availabilityFixers,
  ...storageFixers,
  ...strimziFixers,
  ...legacyAnnotationFixers,
};

/** The rule ids that have a fixer of their own (besides "disable for this line"). */
export const rulesWithQuickFixes: readonly string[] = Object.keys(fixers);

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
    const own = fixers[finding.ruleId]?.(finding, context) ?? [];
    const disable = rulesWithoutDisable.includes(finding.ruleId)
      ? []
      : disableForLineFix(finding, context);
    return [...own, ...disable];
  });
}
