// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, fixesFor, mainUri } from '../../../../test/support/quick-fix-check';
import { nodePool } from '../../../../test/support/strimzi-manifests';

test('strimzi-controller-quorum: an odd quorum of three or more for a single controller pool', () => {
  const controllers = (replicas: number): string =>
    nodePool('    type: persistent-claim\n    size: 10Gi\n', replicas, 'controller').replace(
      'roles: [broker]',
      'roles: [controller]',
    );
  assert.deepEqual(
    fixesFor(controllers(4), 'strimzi-controller-quorum').map((fix) => fix.title),
    ['Set replicas: 3', 'Set replicas: 5', 'Disable strimzi-controller-quorum for this line'],
  );
  assert.equal(
    checkFix(controllers(2), 'strimzi-controller-quorum', 'Set replicas: 3')[mainUri],
    controllers(3),
  );
});
