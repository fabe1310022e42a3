import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../model';
import { extractFacts } from '../../workspace-index/extract-facts';
import { WorkspaceIndex } from '../../workspace-index/workspace-index';
import { strimziCluster } from './strimzi-cluster';

const kafka = (name: string): string => `apiVersion: kafka.strimzi.io/v1
kind: Kafka
metadata:
  name: ${name}
spec:
  kafka:
    config:
      min.insync.replicas: "2"
`;

const pool = (name: string, replicas: number, roles: string, cluster = 'main'): string =>
  `apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaNodePool
metadata:
  name: ${name}
  labels:
    strimzi.io/cluster: ${cluster}
spec:
  replicas: ${replicas}
  roles: [${roles}]
`;

function indexOf(files: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [uri, text] of Object.entries(files)) {
    index.update(uri, extractFacts(parseFile(uri, 1, text)));
  }
  return index;
}

test('Strimzi resources are indexed with their cluster, replicas, roles and min ISR', () => {
  const facts = extractFacts(
    parseFile('file:///k/a.yaml', 1, `${kafka('main')}---\n${pool('broker', 3, 'broker')}`),
  );
  assert.deepEqual(
    facts.entries.map((entry) => entry.typed),
    [
      {
        category: 'strimzi',
        facts: {
          uri: 'file:///k/a.yaml',
          documentIndex: 0,
          apiVersion: 'kafka.strimzi.io/v1',
          kind: 'Kafka',
          name: 'main',
          namespace: '',
          nameRange: { start: { line: 3, character: 8 }, end: { line: 3, character: 12 } },
          podLabelSets: [],
          minInsyncReplicas: 2,
        },
      },
      {
        category: 'strimzi',
        facts: {
          uri: 'file:///k/a.yaml',
          documentIndex: 1,
          apiVersion: 'kafka.strimzi.io/v1beta2',
          kind: 'KafkaNodePool',
          name: 'broker',
          namespace: '',
          nameRange: { start: { line: 12, character: 8 }, end: { line: 12, character: 14 } },
          references: [
            {
              kind: 'Kafka',
              name: 'main',
              range: { start: { line: 14, character: 24 }, end: { line: 14, character: 28 } },
            },
          ],
          podLabelSets: [],
          cluster: 'main',
          replicas: 3,
          replicasRange: { start: { line: 16, character: 12 }, end: { line: 16, character: 13 } },
          roles: ['broker'],
        },
      },
    ],
  );
  // Another group's `Kafka` kind is not Strimzi's: a custom resource like any other.
  const confluent = extractFacts(
    parseFile(
      'file:///k/c.yaml',
      1,
      'apiVersion: platform.confluent.io/v1beta1\nkind: Kafka\nmetadata:\n  name: c\n',
    ),
  );
  assert.equal(confluent.entries[0]?.typed.category, 'customResource');
});

test('a cluster adds up the brokers and controllers of its pools across files', () => {
  const index = indexOf({
    'file:///k/kafka.yaml': kafka('main'),
    'file:///k/controllers.yaml': pool('controller', 3, 'controller'),
    'file:///k/brokers.yaml': `${pool('broker-a', 2, 'broker')}---\n${pool('broker-b', 2, 'broker')}`,
    'file:///k/dual.yaml': pool('dual', 1, 'controller, broker'),
    'file:///k/other.yaml': pool('broker', 5, 'broker', 'other'),
  });
  const cluster = strimziCluster(index.view(), 'main', 'default', 'file:///k/kafka.yaml');
  assert.equal(cluster?.kafka?.uri, 'file:///k/kafka.yaml');
  assert.equal(cluster?.brokers, 5);
  assert.equal(cluster?.controllers, 4);
  assert.deepEqual(cluster?.controllerPools.map((p) => p.name).sort(), ['controller', 'dual']);
});

test('a cluster defined in several files counts the copy in the checked file, else nothing', () => {
  const index = indexOf({
    'file:///k/small.yaml': `${kafka('main')}---\n${pool('broker', 1, 'broker, controller')}`,
    'file:///k/large.yaml': `${kafka('main')}---\n${pool('broker', 5, 'broker, controller')}`,
    'file:///k/topic.yaml':
      'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\n  labels:\n    strimzi.io/cluster: main\n',
  });
  assert.equal(strimziCluster(index.view(), 'main', 'default', 'file:///k/small.yaml')?.brokers, 1);
  assert.equal(strimziCluster(index.view(), 'main', 'default', 'file:///k/large.yaml')?.brokers, 5);
  assert.equal(strimziCluster(index.view(), 'main', 'default', 'file:///k/topic.yaml'), undefined);
});
