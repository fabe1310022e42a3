// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, mainUri } from '../../../../test/support/quick-fix-check';

const claim = (spec: string): string => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
${spec}`;

test('claim-storage-missing: adds a storage request to a PVC', () => {
  const sized = claim('  accessModes: [ReadWriteOnce]\n');
  assert.equal(
    checkFix(
      sized,
      'claim-storage-missing',
      'Add a storage request (resources.requests.storage: 10Gi)',
    )[mainUri],
    `${sized}  resources:\n    requests:\n      storage: 10Gi\n`,
  );
});
