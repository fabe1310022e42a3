// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, mainUri } from '../../../../test/support/quick-fix-check';
import { headlessService, statefulSet } from '../../../../test/support/manifests';

const service = headlessService();

const spread = `      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                labelSelector:
                  matchLabels:
                    app: db
                topologyKey: kubernetes.io/hostname
`;

test('anti-affinity-selector-mismatch: selects the pod labels, or drops a foreign namespaces list', () => {
  const wrong = spread.replace('                    app: db', '                    app: web');
  const text = `${statefulSet({ replicas: 3, podSpec: wrong })}---\n${service}`;
  const files = checkFix(text, 'anti-affinity-selector-mismatch', 'Make the labelSelector select');
  assert.ok(files[mainUri]!.includes(spread), files[mainUri]);
  const missing = spread.replace(/ {16}labelSelector:\n {18}matchLabels:\n {20}app: db\n/, '');
  const added = checkFix(
    `${statefulSet({ replicas: 3, podSpec: missing })}---\n${service}`,
    'anti-affinity-selector-mismatch',
    'Make the labelSelector select',
  )[mainUri]!;
  assert.match(
    added,
    /topologyKey: kubernetes.io\/hostname\n {16}labelSelector:\n {18}matchLabels:\n {20}app: db\n/,
  );
  const foreign = spread.replace(
    '                topologyKey',
    '                namespaces: [other]\n                topologyKey',
  );
  const dropped = checkFix(
    `${statefulSet({ replicas: 3, podSpec: foreign })}---\n${service}`,
    'anti-affinity-selector-mismatch',
    'Remove the namespaces list',
  )[mainUri]!;
  assert.ok(dropped.includes(spread), dropped);
});
