// The quick fix of schema-api-version, moved out of the api-version fixers; pure: plain edits, no LSP.
import type { Fixer } from '../quick-fix/types';
import { dataStrings } from '../quick-fix/types';
import { moveFix } from '../quick-fix/api-version';

/** `schema-api-version`: each apiVersion that serves the kind. */
export const fix: Fixer = (finding, context) => {
  const root = context.document.root;
  if (!root) {
    return [];
  }
  const allowed = dataStrings(finding, 'allowed');
  return allowed.flatMap((apiVersion) =>
    moveFix(finding, context, root, context.document.kind, apiVersion, allowed.length === 1),
  );
};
