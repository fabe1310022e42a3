// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, mainUri } from '../../../../test/support/quick-fix-check';
import { kafkaCluster, nodePool } from '../../../../test/support/strimzi-manifests';

test('strimzi-cluster-not-found: change the label to the Kafka it most likely means', () => {
  const files = {
    [mainUri]: nodePool('    type: persistent-claim\n    size: 100Gi\n', 3, 'broker', 'my-clustr'),
    'file:///test/kafka.yaml': kafkaCluster(
      '  annotations:\n    strimzi.io/kraft: enabled\n    strimzi.io/node-pools: enabled\n',
    ),
  };
  assert.equal(
    checkFix(files, 'strimzi-cluster-not-found', "Change to 'my-cluster'")[mainUri],
    nodePool('    type: persistent-claim\n    size: 100Gi\n'),
  );
});
