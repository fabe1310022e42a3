// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, mainUri } from '../../../../test/support/quick-fix-check';
import { nodePool } from '../../../../test/support/strimzi-manifests';

test('strimzi-jbod-volume-id: add the first free id', () => {
  const volumes = (second: string): string =>
    `    type: jbod\n    volumes:\n      - id: 0\n        type: persistent-claim\n        size: 100Gi\n      - type: persistent-claim\n        size: 100Gi\n${second}`;
  assert.equal(
    checkFix(nodePool(volumes('')), 'strimzi-jbod-volume-id', 'Add id: 1')[mainUri],
    nodePool(volumes('        id: 1\n')),
  );
});
