// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, mainUri } from '../../../../test/support/quick-fix-check';

const configMap = (data: string): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n${data}`;

test('yaml-boolean-string: quotes the value, keeping its comment', () => {
  const text = configMap('    enabled: yes # keep\n');
  assert.match(
    checkFix(text, 'yaml-boolean-string', 'Quote the value as "yes"')[mainUri]!,
    /enabled: "yes" # keep/,
  );
});
