import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, fixesFor, mainUri } from '../../../../test/support/quick-fix-check';
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

test('pdb-missing: adds a policy/v1 budget with the pod labels after the workload', () => {
  const text = `${statefulSet({ replicas: 3, podSpec: spread })}---\n${service}`;
  const files = checkFix(text, 'pdb-missing', 'Add PodDisruptionBudget "db-pdb"');
  assert.ok(
    files[mainUri]!.includes(
      'memory: 1Gi\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: db-pdb\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: db\n---\napiVersion: v1\nkind: Service',
    ),
    files[mainUri],
  );
});

const budget = (policy: string): string => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: db
spec:
${policy}  selector:
    matchLabels:
      app: db
`;

test('pdb-policy: both set offers keeping either; neither set adds maxUnavailable', () => {
  const both = budget('  minAvailable: 2\n  maxUnavailable: 1\n');
  const titles = fixesFor(both, 'pdb-policy').map((fix) => fix.title);
  assert.deepEqual(titles.slice(0, 2), [
    'Keep maxUnavailable (remove minAvailable)',
    'Keep minAvailable (remove maxUnavailable)',
  ]);
  assert.equal(
    checkFix(both, 'pdb-policy', 'Keep maxUnavailable')[mainUri],
    budget('  maxUnavailable: 1\n'),
  );
  assert.equal(
    checkFix(both, 'pdb-policy', 'Keep minAvailable')[mainUri],
    budget('  minAvailable: 2\n'),
  );
  const neither = checkFix(budget(''), 'pdb-policy', 'Set maxUnavailable: 1')[mainUri]!;
  assert.match(neither, /matchLabels:\n {6}app: db\n {2}maxUnavailable: 1\n$/);
});

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
