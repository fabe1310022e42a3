// The quick fix of schema-enum, moved out of the schema fixers; pure: plain edits, no LSP.
import type { Fixer } from '../quick-fix/types';
import { dataString, dataStrings } from '../quick-fix/types';
import { replaceWithEach } from '../quick-fix/schema';

/** `schema-enum`: one action per allowed value. */
export const fix: Fixer = (finding, context) =>
  replaceWithEach(
    finding,
    context,
    dataStrings(finding, 'allowed'),
    (value) => `Change to \`${value === '' ? '""' : value}\``,
    dataString(finding, 'suggestion'),
  );
