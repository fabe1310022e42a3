// The topology builder: pods drawn per StatefulSet are capped, namespaces filter, findings land
// on the object of their document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../model';
import { indexForFixture } from '../../../test/support/fixture-index';
import { buildTopology, maxPodsDrawn } from './topology';

const text = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: big
  namespace: a
spec:
  serviceName: big
  replicas: 12
  selector:
    matchLabels: { app: big }
  template:
    metadata:
      labels: { app: big }
    spec:
      containers:
        - name: big
          image: busybox
---
apiVersion: v1
kind: Service
metadata:
  name: other
  namespace: b
spec:
  selector: { app: big }
`;

test('at most maxPodsDrawn pods per StatefulSet, and a namespace shows only its objects', () => {
  const model = parseFile('file:///t.yaml', 1, text);
  const index = indexForFixture([model]);
  const all = buildTopology(index, []);
  assert.equal(all.nodes.filter((node) => node.kind === 'Pod').length, maxPodsDrawn);
  // The Service in namespace b does not select pods of namespace a.
  assert.ok(!all.edges.some((edge) => edge.kind === 'selects'));
  assert.deepEqual(
    buildTopology(index, [], 'b').nodes.map((node) => node.id),
    ['Service/b/other'],
  );
});

test('findings land on the object of their document, with the worst severity', () => {
  const model = parseFile('file:///t.yaml', 1, text);
  const topology = buildTopology(indexForFixture([model]), [
    { uri: 'file:///t.yaml', documentIndex: 1, severity: 'info', ruleId: 'x', message: 'm' },
    { uri: 'file:///t.yaml', documentIndex: 1, severity: 'warning', ruleId: 'y', message: 'n' },
  ]);
  const service = topology.nodes.find((node) => node.kind === 'Service');
  assert.equal(service?.worst, 'warning');
  assert.deepEqual(
    service.findings.map((f) => f.ruleId),
    ['x', 'y'],
  );
  assert.equal(topology.nodes.find((node) => node.kind === 'StatefulSet')?.worst, undefined);
});

test('an object defined twice (two projects, one namespace) is one node with its edges once', () => {
  const first = parseFile('file:///a/t.yaml', 1, text);
  const second = parseFile('file:///b/t.yaml', 1, text);
  const topology = buildTopology(indexForFixture([first, second]), [], 'a');
  const edges = topology.edges.map((edge) => `${edge.from} ${edge.kind} ${edge.to}`);
  assert.deepEqual(edges, [...new Set(edges)]);
  assert.equal(topology.nodes.filter((node) => node.kind === 'StatefulSet').length, 1);
  assert.ok(edges.includes('StatefulSet/a/big runs Pod/a/big-0'), edges.join('\n'));
});
