// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, mainUri } from '../../../../test/support/quick-fix-check';
import { nodePool } from '../../../../test/support/strimzi-manifests';

test('strimzi-ephemeral-storage: switch to persistent-claim storage', () => {
  const text = nodePool(
    '    type: jbod\n    volumes:\n      - id: 0\n        type: ephemeral\n        sizeLimit: 1Gi\n',
  );
  assert.equal(
    checkFix(text, 'strimzi-ephemeral-storage', 'Use persistent-claim storage')[mainUri],
    nodePool(
      '    type: jbod\n    volumes:\n      - id: 0\n        type: persistent-claim\n        size: 100Gi\n        deleteClaim: false\n',
    ),
  );
});
