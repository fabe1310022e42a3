// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, mainUri } from '../../../../test/support/quick-fix-check';

test('invalid-quantity: uses the suggested quantity', () => {
  const pvc = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 10GB
`;
  assert.match(checkFix(pvc, 'invalid-quantity', 'Change to `10Gi`')[mainUri]!, /storage: 10Gi\n/);
});
