// What the schema and YAML quick fixes share (each rule's own fix is its folder's fix.ts):
// replacing a scalar with suggested values, quoting a would-be boolean (schema-type,
// yaml-boolean-string) and taking a suggestion (invalid-quantity, schema-unknown-kind).
import type { Finding } from '../types';
import { replaceScalar, replaceSpan } from './edits';
import type { Fixer, FixContext, QuickFix } from './types';
import { dataString, quickFix, scalarAt } from './types';

/** Replaces the flagged scalar with each of `values`, the suggestion first and preferred. */
export function replaceWithEach(
  finding: Finding,
  context: FixContext,
  values: readonly string[],
  title: (value: string) => string,
  suggestion?: string,
): QuickFix[] {
  const scalar = scalarAt(context, finding.span);
  if (!scalar) {
    return [];
  }
  const ordered = suggestion
    ? [suggestion, ...values.filter((value) => value !== suggestion)]
    : values;
  return ordered.flatMap((value) =>
    quickFix(
      finding,
      title(value),
      [replaceScalar(context.model, scalar, value)],
      value === suggestion,
    ),
  );
}

/** `yaml-boolean-string` and `schema-type` (when quoting helps): quote the scalar as written. */
export const quoteScalar: Fixer = (finding, context) => {
  const scalar = scalarAt(context, finding.span);
  const quoted = dataString(finding, 'quoted');
  if (!scalar || !quoted) {
    return [];
  }
  return quickFix(
    finding,
    `Quote the value as ${quoted}`,
    [replaceSpan(context.model, scalar.span, quoted)],
    true,
  );
};

/** `invalid-quantity` and `schema-unknown-kind`: replace with the single suggestion. */
export const useSuggestion: Fixer = (finding, context) => {
  const suggestion = dataString(finding, 'suggestion');
  return suggestion
    ? replaceWithEach(finding, context, [], (value) => `Change to \`${value}\``, suggestion)
    : [];
};
