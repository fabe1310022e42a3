// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, fixesFor, mainUri } from '../../../../test/support/quick-fix-check';

test('schema-enum: one action per allowed value, the suggestion first and preferred', () => {
  const text = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnse]
  resources:
    requests:
      storage: 1Gi
`;
  const fixes = fixesFor(text, 'schema-enum');
  assert.equal(fixes[0]!.title, 'Change to `ReadWriteOnce`');
  assert.equal(fixes[0]!.isPreferred, true);
  assert.ok(fixes.some((fix) => fix.title === 'Change to `ReadWriteMany`'));
  assert.ok(
    checkFix(text, 'schema-enum', 'Change to `ReadWriteOncePod`')[mainUri]!.includes(
      '[ReadWriteOncePod]',
    ),
  );
});
