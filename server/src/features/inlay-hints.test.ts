// The texts of the inlay hints, on a ZooKeeper StatefulSet with its headless Service and budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../model';
import { indexForFixture } from '../../../test/support/fixture-index';
import {
  claimedStorageHint,
  disruptionHint,
  dnsNamesHint,
  formatBytes,
  inlayHints,
  podsThatMayBeDown,
} from './inlay-hints';

const zk = `apiVersion: apps/v1
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
        resources:
          requests:
            storage: 10Gi
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
`;

/** The hints of `text` as `line text|label` pairs: the line up to the hint, then its label. */
function hintsOf(text: string, defaultNamespace = 'default'): string[] {
  const model = parseFile('file:///zk.yaml', 1, text);
  return inlayHints(model, indexForFixture([model]), defaultNamespace).map((hint) => {
    const lineStart = text.lastIndexOf('\n', hint.offset - 1) + 1;
    return `${text.slice(lineStart, hint.offset)}|${hint.label}`;
  });
}

test('a StatefulSet shows its pod DNS names, its claimed storage, and its budget what may go', () => {
  assert.deepEqual(hintsOf(zk), [
    '  serviceName: zk-hs|zk-0.zk-hs.kafka.svc.cluster.local … zk-2',
    '  replicas: 3|3 × 10Gi = 30Gi',
    '  maxUnavailable: 1|1 of 3 pods may be down (StatefulSet zk)',
  ]);
});

test('without metadata.namespace the file default namespace names the pods', () => {
  const text = zk.replace('  namespace: kafka\nspec:\n  serviceName', 'spec:\n  serviceName');
  assert.equal(
    hintsOf(text, 'data')[0],
    '  serviceName: zk-hs|zk-0.zk-hs.data.svc.cluster.local … zk-2',
  );
});

test('only the hints inside the requested span are returned', () => {
  const model = parseFile('file:///zk.yaml', 1, zk);
  const start = zk.indexOf('  replicas');
  const hints = inlayHints(model, indexForFixture([model]), 'default', [start, start + 20]);
  assert.deepEqual(
    hints.map((hint) => hint.label),
    ['3 × 10Gi = 30Gi'],
  );
});

test('DNS names: one pod is named in full, many are shortened, the tooltip lists them', () => {
  assert.equal(dnsNamesHint('db', 1, 'db-hs', 'ns')?.label, 'db-0.db-hs.ns.svc.cluster.local');
  const many = dnsNamesHint('kafka', 25, 'kafka-hs', 'ns');
  assert.equal(many?.label, 'kafka-0.kafka-hs.ns.svc.cluster.local … kafka-24');
  assert.match(many.tooltip, /- `kafka-19\.kafka-hs\.ns\.svc\.cluster\.local`\n- … and 5 more$/);
  assert.equal(dnsNamesHint('db', 0, 'db-hs', 'ns'), undefined);
  assert.equal(dnsNamesHint('db', 3, '', 'ns'), undefined);
});

test('claimed storage keeps a shared unit and sums mixed units in bytes', () => {
  const claim = (storage: string): { claim: string; storage: string } => ({ claim: 'c', storage });
  assert.equal(claimedStorageHint(3, [claim('500Mi')])?.label, '3 × 500Mi = 1500Mi');
  assert.equal(
    claimedStorageHint(3, [claim('10Gi'), claim('1Gi')])?.label,
    '3 × (10Gi + 1Gi) = 33Gi',
  );
  assert.equal(
    claimedStorageHint(2, [claim('1Gi'), claim('512Mi')])?.label,
    '2 × (1Gi + 512Mi) = 3Gi',
  );
  assert.equal(claimedStorageHint(3, [claim('1G')])?.label, '3 × 1G = 3G');
  assert.equal(claimedStorageHint(3, [claim('1.5Gi')])?.label, '3 × 1.5Gi = 4.5Gi');
  // A claim without a readable size would make any total a lie.
  assert.equal(claimedStorageHint(3, [claim('10Gi'), claim('')]), undefined);
  assert.equal(claimedStorageHint(3, [claim('ten')]), undefined);
  assert.equal(formatBytes(3 * 10 * 2 ** 30), '30Gi');
  assert.equal(formatBytes(1000), '1000');
  assert.equal(formatBytes(3 * 10 ** 9), '≈2.79Gi');
});

test('pods a budget lets go: maxUnavailable caps, minAvailable subtracts, percentages round up', () => {
  assert.equal(podsThatMayBeDown({ maxUnavailable: 1 }, 3), 1);
  assert.equal(podsThatMayBeDown({ maxUnavailable: 5 }, 3), 3);
  assert.equal(podsThatMayBeDown({ maxUnavailable: '50%' }, 3), 2);
  assert.equal(podsThatMayBeDown({ minAvailable: 2 }, 3), 1);
  assert.equal(podsThatMayBeDown({ minAvailable: '50%' }, 3), 1);
  assert.equal(podsThatMayBeDown({ minAvailable: 5 }, 3), 0);
  assert.equal(podsThatMayBeDown({ minAvailable: 'most' }, 3), undefined);
  assert.equal(podsThatMayBeDown({}, 3), undefined);
});

test('a budget over several workloads counts their pods together, and says when it selects none', () => {
  const text = `${zk}---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: zk-admin
  namespace: kafka
spec:
  replicas: 2
  selector:
    matchLabels:
      app: zk
  template:
    metadata:
      labels:
        app: zk
    spec:
      containers:
        - name: admin
          image: busybox
`;
  assert.equal(
    hintsOf(text.replace('maxUnavailable: 1', 'minAvailable: 60%'))[2],
    '  minAvailable: 60%|2 of 5 pods may be down (StatefulSet zk, Deployment zk-admin)',
  );
  assert.equal(
    hintsOf(zk.replace(/app: zk\n$/, 'app: other\n'))[2],
    '  maxUnavailable: 1|selects no workload',
  );
  const model = parseFile('file:///zk.yaml', 1, zk);
  const index = indexForFixture([model]);
  const [budget] = index.podDisruptionBudgets('kafka');
  // While the workspace is being indexed, a budget that seems to select nothing stays quiet.
  assert.equal(
    disruptionHint(
      { ...budget!, selector: { matchLabels: { app: 'x' }, matchExpressions: [] } },
      [],
      false,
    ),
    undefined,
  );
});
