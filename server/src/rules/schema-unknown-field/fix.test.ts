// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, fixesFor, mainUri } from '../../../../test/support/quick-fix-check';

const configMap = (data: string): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n${data}`;

test('schema-unknown-field: renames the key, but not onto a key that exists', () => {
  const text = configMap('    app: c\n').replace('  labels:', '  lables: # typo');
  assert.match(
    checkFix(text, 'schema-unknown-field', 'Rename `lables` to `labels`')[mainUri]!,
    / {2}labels: # typo\n/,
  );
  const taken = configMap('    app: c\n').replace('  labels:', '  Labels: {}\n  labels:');
  const titles = fixesFor(taken, 'schema-unknown-field').map((fix) => fix.title);
  assert.deepEqual(titles, ['Disable schema-unknown-field for this line']);
});
