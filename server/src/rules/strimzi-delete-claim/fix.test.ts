// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, mainUri } from '../../../../test/support/quick-fix-check';
import { nodePool } from '../../../../test/support/strimzi-manifests';

test('strimzi-delete-claim: keep the claims', () => {
  const text = nodePool('    type: persistent-claim\n    size: 100Gi\n    deleteClaim: true\n');
  assert.equal(
    checkFix(text, 'strimzi-delete-claim', 'Set deleteClaim: false')[mainUri],
    nodePool('    type: persistent-claim\n    size: 100Gi\n    deleteClaim: false\n'),
  );
});
