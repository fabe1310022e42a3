// Quick fixes of the schema and YAML rules: rename an unknown key to its close match, pick an
// allowed value, quote a would-be boolean, fix a quantity, a kind or an apiVersion.
import { asMap, getPair } from '../../model';
import type { Finding } from '../../rules/types';
import { replaceScalar, replaceSpan } from './edits';
import type { Fixer, FixContext, QuickFix } from './types';
import { dataString, dataStrings, keyAt, quickFix, scalarAt } from './types';

/** `schema-unknown-field`: rename the key, unless the suggested key is already there. */
const renameUnknownField: Fixer = (finding, context) => {
  const suggestion = dataString(finding, 'suggestion');
  const located = keyAt(context, finding.span);
  const map = asMap(located?.steps[located.steps.length - 1]?.node);
  if (!suggestion || !located || !map || getPair(map, suggestion)) {
    return [];
  }
  return quickFix(
    finding,
    `Rename \`${located.pair.key ?? ''}\` to \`${suggestion}\``,
    [replaceSpan(context.model, located.pair.keySpan, suggestion)],
    true,
  );
};

/** Replaces the flagged scalar with each of `values`, the suggestion first and preferred. */
function replaceWithEach(
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

/** `schema-enum`: one action per allowed value. */
const pickAllowedValue: Fixer = (finding, context) =>
  replaceWithEach(
    finding,
    context,
    dataStrings(finding, 'allowed'),
    (value) => `Change to \`${value === '' ? '""' : value}\``,
    dataString(finding, 'suggestion'),
  );

/** `yaml-boolean-string` and `schema-type` (when quoting helps): quote the scalar as written. */
const quoteScalar: Fixer = (finding, context) => {
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
const useSuggestion: Fixer = (finding, context) => {
  const suggestion = dataString(finding, 'suggestion');
  return suggestion
    ? replaceWithEach(finding, context, [], (value) => `Change to \`${value}\``, suggestion)
    : [];
};

export const schemaFixers: Readonly<Record<string, Fixer>> = {
  'schema-unknown-field': renameUnknownField,
  'schema-enum': pickAllowedValue,
  'yaml-boolean-string': quoteScalar,
  'schema-type': quoteScalar,
  'invalid-quantity': useSuggestion,
  'schema-unknown-kind': useSuggestion,
};
