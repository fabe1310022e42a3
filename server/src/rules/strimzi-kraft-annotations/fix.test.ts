// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, mainUri } from '../../../../test/support/quick-fix-check';
import { kafkaCluster, nodePool } from '../../../../test/support/strimzi-manifests';

test('strimzi-kraft-annotations: add the missing annotations, or set the one that is wrong', () => {
  const broker = nodePool('    type: persistent-claim\n    size: 100Gi\n')
    .replace('kafka.strimzi.io/v1', 'kafka.strimzi.io/v1beta2')
    .replace('roles: [broker]', 'roles: [controller, broker]');
  const files = (text: string): Record<string, string> => ({
    [mainUri]: text,
    'file:///test/pool.yaml': broker,
  });
  const fixed = checkFix(
    files(kafkaCluster()),
    'strimzi-kraft-annotations',
    'Add strimzi.io/kraft: enabled, strimzi.io/node-pools: enabled',
  )[mainUri];
  assert.equal(
    fixed,
    kafkaCluster(
      '  annotations:\n    strimzi.io/kraft: enabled\n    strimzi.io/node-pools: enabled\n',
    ),
  );
  const partly = kafkaCluster(
    '  annotations:\n    strimzi.io/kraft: disabled\n    strimzi.io/node-pools: enabled\n',
  );
  assert.equal(
    checkFix(files(partly), 'strimzi-kraft-annotations', 'Add strimzi.io/kraft: enabled')[mainUri],
    kafkaCluster(
      '  annotations:\n    strimzi.io/kraft: enabled\n    strimzi.io/node-pools: enabled\n',
    ),
  );
});
