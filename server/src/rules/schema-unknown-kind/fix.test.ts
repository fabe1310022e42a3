// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, mainUri } from '../../../../test/support/quick-fix-check';

const configMap = (data: string): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n${data}`;

test('schema-unknown-kind: changes to the close kind', () => {
  const text = configMap('    app: c\n').replace('kind: ConfigMap', 'kind: ConfigMpa');
  assert.match(
    checkFix(text, 'schema-unknown-kind', 'Change to `ConfigMap`')[mainUri]!,
    /kind: ConfigMap\n/,
  );
});
