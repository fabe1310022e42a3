// The wiring lens texts and where each part leads, on StatefulSets and a Deployment with a claim.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../model';
import { indexForFixture } from '../../../test/support/fixture-index';
import { wiringLenses } from './code-lens';

const zk = `apiVersion: v1
kind: Service
metadata:
  name: zk-hs
  namespace: kafka
spec:
  clusterIP: None
  selector:
    app: zk
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
provisioner: ebs.csi.aws.com
reclaimPolicy: Retain
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: zk-pdb
  namespace: kafka
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app: zk
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: zk
  namespace: kafka
spec:
  serviceName: zk-hs
  replicas: 3
  selector:
    matchLabels:
      app: zk
  template:
    metadata:
      labels:
        app: zk
    spec:
      containers:
        - name: zk
          image: zookeeper:3.9
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        storageClassName: fast
        resources:
          requests:
            storage: 10Gi
`;

/** Each lens as its parts' texts, with `→ <line>` for an object target and `fix <rule>` for a ✗. */
function lensesOf(text: string): string[][] {
  const model = parseFile('file:///zk.yaml', 1, text);
  return wiringLenses(model, indexForFixture([model]), 'default').map((lens) =>
    lens.parts.map((part) => {
      const target = part.target;
      const where =
        target === undefined
          ? ''
          : target.kind === 'object'
            ? ` → ${target.range.start.line}`
            : target.kind === 'fix'
              ? ` fix ${target.ruleId}`
              : ' (opens the topology)';
      return `${part.text}${where}`;
    }),
  );
}

test('a fully wired StatefulSet: each part leads to its Service, budget and StorageClass', () => {
  assert.deepEqual(lensesOf(zk), [
    [
      '3 pods',
      'headless `zk-hs` ✓ → 3',
      'PDB `zk-pdb` (1 may be down) → 20',
      '3 × 10Gi on `fast` (Retain) → 13',
      'Show topology (opens the topology)',
    ],
  ]);
  const model = parseFile('file:///zk.yaml', 1, zk);
  const [lens] = wiringLenses(model, indexForFixture([model]), 'default');
  // The lens sits on the StatefulSet's first line and its fixes are looked for in the object.
  assert.equal(zk.slice(lens!.span[0], lens!.span[0] + 10), 'apiVersion');
  assert.equal(lens!.objectRange.start.line, 28);
});

test('missing wiring shows ✗ parts that lead to the quick fix of their rule', () => {
  const bare = zk.slice(zk.indexOf('apiVersion: apps/v1'));
  assert.deepEqual(lensesOf(bare), [
    [
      '3 pods',
      'headless `zk-hs` ✗ not found fix sts-service-not-found',
      'no PDB ✗ fix pdb-missing',
      '3 × 10Gi on `fast`',
      'Show topology (opens the topology)',
    ],
  ]);
  assert.deepEqual(
    lensesOf(zk.replace('clusterIP: None', 'clusterIP: 10.0.0.1'))[0]![1],
    '`zk-hs` ✗ not headless fix sts-service-not-headless',
  );
  assert.deepEqual(
    lensesOf(bare.replace('  serviceName: zk-hs\n', ''))[0]![1],
    'no serviceName ✗ fix sts-service-name-missing',
  );
  // One replica has nothing to keep available, so no budget is asked for.
  assert.deepEqual(lensesOf(bare.replace('replicas: 3', 'replicas: 1'))[0]!.slice(0, 3), [
    '1 pod',
    'headless `zk-hs` ✗ not found fix sts-service-not-found',
    '1 × 10Gi on `fast`',
  ]);
});

test('a Deployment gets a lens only when it mounts a claim, whose size is not multiplied', () => {
  const deployment = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: uploads
spec:
  accessModes: [ReadWriteMany]
  resources:
    requests:
      storage: 5Gi
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
      volumes:
        - name: uploads
          persistentVolumeClaim:
            claimName: uploads
`;
  assert.deepEqual(lensesOf(deployment), [
    ['2 pods', 'no PDB ✗ fix pdb-missing', '5Gi on the default class → 3'],
  ]);
  assert.deepEqual(
    lensesOf(deployment.slice(deployment.indexOf('---') + 4).replace(/ {6}volumes:[^]*$/, '')),
    [],
  );
});
