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

test('anti-affinity-missing: adds the preferred term, also beside an existing nodeAffinity', () => {
  const text = `${statefulSet({ replicas: 3 })}---\n${service}`;
  const files = checkFix(text, 'anti-affinity-missing', 'Add a preferred podAntiAffinity');
  assert.ok(files[mainUri]!.includes(`    spec:\n      containers:`), 'containers untouched');
  assert.ok(files[mainUri]!.includes(spread.replace(/^ {6}/, '      ')), files[mainUri]);
  const nodeAffinity = `      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions:
                  - key: disk
                    operator: In
                    values: [ssd]
`;
  const beside = `${statefulSet({ replicas: 3, podSpec: nodeAffinity })}---\n${service}`;
  const after = checkFix(beside, 'anti-affinity-missing', 'Add a preferred podAntiAffinity')[
    mainUri
  ]!;
  assert.match(after, /values: \[ssd\]\n {8}podAntiAffinity:\n {10}preferredDuringScheduling/);
});
