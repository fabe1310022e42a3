// The quick fix of schema-unknown-field, moved out of the schema fixers; pure: plain edits, no LSP.
import { asMap, getPair } from '../../model';
import { replaceSpan } from '../quick-fix/edits';
import type { Fixer } from '../quick-fix/types';
import { dataString, keyAt, quickFix } from '../quick-fix/types';

/** `schema-unknown-field`: rename the key, unless the suggested key is already there. */
export const fix: Fixer = (finding, context) => {
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
