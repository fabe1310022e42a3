// Peer-list completion: the generated ZOO_SERVERS, quorum voters and zookeeper.connect values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../model';
import { withCursor } from '../../../test/support/cursor';
import { indexForFixture } from '../../../test/support/fixture-index';
import { defaultSettings } from '../protocol';
import { runRules } from '../rules/run-rules';
import { loadSchema } from '../schema';
import { peerListProposals, settingFor } from './peer-lists';

const zookeeper = (image: string, variable = 'ZOO_SERVERS'): string => `apiVersion: apps/v1
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
          image: ${image}
          ports:
            - name: client
              containerPort: 2181
            - name: peer
              containerPort: 2888
            - name: election
              containerPort: 3888
          env:
            - name: ${variable}
              value: $0
`;

/** The proposals' insert texts at `$0` of `text`, with the other documents of `others` indexed. */
function proposalsAt(text: string, others = ''): string[] {
  const { text: clean, offset } = withCursor(text);
  const model = parseFile('file:///a.yaml', 1, clean);
  const other = parseFile('file:///b.yaml', 1, others);
  return peerListProposals(model, offset, indexForFixture([model, other]), 'default').map(
    (proposal) => proposal.insertText,
  );
}

test('the official zookeeper image gets server.<id>=host:peer:election;client, ids from 1', () => {
  // A plain scalar: it has neither `: ` nor ` #`, so it goes in without quotes.
  assert.deepEqual(proposalsAt(zookeeper('zookeeper:3.9')), [
    'server.1=zk-0.zk-hs.kafka.svc.cluster.local:2888:3888;2181 server.2=zk-1.zk-hs.kafka.svc.cluster.local:2888:3888;2181 server.3=zk-2.zk-hs.kafka.svc.cluster.local:2888:3888;2181',
  ]);
});

test('the bitnami zookeeper image gets host:peer:election::id, comma-separated', () => {
  assert.deepEqual(proposalsAt(zookeeper('bitnami/zookeeper:3.9')), [
    'zk-0.zk-hs.kafka.svc.cluster.local:2888:3888::1,zk-1.zk-hs.kafka.svc.cluster.local:2888:3888::2,zk-2.zk-hs.kafka.svc.cluster.local:2888:3888::3',
  ]);
});

test('Kafka gets the ZooKeeper ensemble of its namespace as zookeeper.connect', () => {
  const kafka = zookeeper('apache/kafka:3.9.0', 'KAFKA_ZOOKEEPER_CONNECT')
    .replace('name: zk\n  namespace', 'name: kafka\n  namespace')
    .replace('serviceName: zk-hs', 'serviceName: kafka-hs');
  const ensemble = zookeeper('zookeeper:3.9').replace('$0', "''");
  assert.deepEqual(proposalsAt(kafka, ensemble), [
    'zk-0.zk-hs.kafka.svc.cluster.local:2181,zk-1.zk-hs.kafka.svc.cluster.local:2181,zk-2.zk-hs.kafka.svc.cluster.local:2181',
  ]);
  // No ZooKeeper StatefulSet in the namespace: nothing to propose.
  assert.deepEqual(proposalsAt(kafka), []);
});

test('KRaft controllers get id@host:port voters from their own pods', () => {
  const controllers = zookeeper('apache/kafka:3.9.0', 'KAFKA_CONTROLLER_QUORUM_VOTERS')
    .replace('name: client', 'name: controller')
    .replace('containerPort: 2181', 'containerPort: 9093');
  assert.deepEqual(proposalsAt(controllers), [
    '0@zk-0.zk-hs.kafka.svc.cluster.local:9093,1@zk-1.zk-hs.kafka.svc.cluster.local:9093,2@zk-2.zk-hs.kafka.svc.cluster.local:9093',
  ]);
});

test('other variables, keys and StatefulSets without a Service get nothing', () => {
  assert.deepEqual(proposalsAt(zookeeper('zookeeper:3.9', 'ZOO_MY_ID')), []);
  assert.deepEqual(
    proposalsAt(zookeeper('zookeeper:3.9').replace('  serviceName: zk-hs\n', '')),
    [],
  );
  assert.deepEqual(proposalsAt(zookeeper('zookeeper:3.9').replace('value: $0', 'valu$0')), []);
  assert.equal(
    settingFor('ZOO_SERVERS', 'docker.io/library/zookeeper:3.8')?.image?.source.includes('library'),
    true,
  );
  assert.equal(
    settingFor('ZOO_SERVERS', 'bitnami/zookeeper:3.8')?.image?.source,
    'bitnami\\/zookeeper',
  );
});

test('the generated ZOO_SERVERS satisfies zk-servers-mismatch for both images', () => {
  for (const image of ['zookeeper:3.9', 'bitnami/zookeeper:3.9']) {
    const text = zookeeper(image);
    const [value] = proposalsAt(text);
    assert.ok(value, image);
    const model = parseFile('file:///a.yaml', 1, text.replace('$0', value));
    const findings = runRules(model, {
      schema: loadSchema(),
      settings: defaultSettings,
      index: indexForFixture([model]),
    });
    assert.deepEqual(
      findings.filter((finding) => finding.ruleId.startsWith('zk-')).map((f) => f.message),
      [],
      image,
    );
    // And the mismatch rule does read it: one pod fewer in the list is reported.
    const short = value.replace(/[ ,][^ ,]*$/, '');
    const shortModel = parseFile('file:///a.yaml', 1, text.replace('$0', short));
    const shortFindings = runRules(shortModel, {
      schema: loadSchema(),
      settings: defaultSettings,
      index: indexForFixture([shortModel]),
    });
    assert.ok(
      shortFindings.some((finding) => finding.ruleId === 'zk-servers-mismatch'),
      `${image}: ${JSON.stringify(shortFindings.map((f) => f.ruleId))}`,
    );
  }
});
