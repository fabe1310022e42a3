// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, mainUri } from '../../../../test/support/quick-fix-check';
import { nodePool } from '../../../../test/support/strimzi-manifests';

test('strimzi-storage-size: correct the quantity, or add a missing size', () => {
  assert.equal(
    checkFix(
      nodePool('    type: persistent-claim\n    size: 100GB\n'),
      'strimzi-storage-size',
      "Change to '100Gi'",
    )[mainUri],
    nodePool('    type: persistent-claim\n    size: 100Gi\n'),
  );
  assert.equal(
    checkFix(nodePool('    type: persistent-claim\n'), 'strimzi-storage-size', 'Add size: 100Gi')[
      mainUri
    ],
    nodePool('    type: persistent-claim\n    size: 100Gi\n'),
  );
});
