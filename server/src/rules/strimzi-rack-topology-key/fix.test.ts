// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, fixesFor, mainUri } from '../../../../test/support/quick-fix-check';
import { kafkaCluster } from '../../../../test/support/strimzi-manifests';

test('strimzi-rack-topology-key: the intended well-known label; none for a custom label', () => {
  const rack = (key: string): string =>
    kafkaCluster(
      '  annotations:\n    strimzi.io/kraft: enabled\n    strimzi.io/node-pools: enabled\n',
      `    rack:\n      topologyKey: ${key}\n`,
    );
  assert.equal(
    checkFix(
      rack('failure-domain.beta.kubernetes.io/zone'),
      'strimzi-rack-topology-key',
      "Change to 'topology.kubernetes.io/zone'",
    )[mainUri],
    rack('topology.kubernetes.io/zone'),
  );
  assert.deepEqual(
    fixesFor(rack('example.com/rack'), 'strimzi-rack-topology-key').map((fix) => fix.title),
    ['Disable strimzi-rack-topology-key for this line'],
  );
});
