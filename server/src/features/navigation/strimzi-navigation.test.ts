import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../model';
import { indexForFixture } from '../../../../test/support/fixture-index';
import { documentSymbols } from '../symbols';
import { definitionAt, referencesAt } from './navigation';

const kafkaUri = 'file:///work/kafka.yaml';
const poolUri = 'file:///work/pool.yaml';
const topicUri = 'file:///work/topics.yaml';

const kafka = `apiVersion: kafka.strimzi.io/v1
kind: Kafka
metadata:
  name: main
  namespace: kafka
spec:
  kafka:
    listeners: []
---
apiVersion: platform.confluent.io/v1beta1
kind: Kafka
metadata:
  name: main
  namespace: kafka
`;
const pool = `apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata:
  name: broker
  namespace: kafka
  labels:
    strimzi.io/cluster: main
spec:
  replicas: 3
  roles: [broker]
  storage:
    type: jbod
    volumes:
      - id: 0
        type: persistent-claim
        size: 100Gi
`;
const topics = `apiVersion: kafka.strimzi.io/v1
kind: KafkaTopic
metadata:
  name: orders
  namespace: kafka
  labels:
    strimzi.io/cluster: main
spec:
  replicas: 3
`;

const models = [
  parseFile(kafkaUri, 1, kafka),
  parseFile(poolUri, 1, pool),
  parseFile(topicUri, 1, topics),
];
const index = indexForFixture(models);
const context = (uri: string) => ({
  model: models.find((model) => model.uri === uri)!,
  index,
  defaultNamespace: 'default',
});

test('go to definition on strimzi.io/cluster jumps to the Strimzi Kafka only', () => {
  const result = definitionAt(
    context(poolUri),
    pool.indexOf('cluster: main') + 'cluster: m'.length,
  );
  assert.equal(result?.site.type, 'reference');
  assert.deepEqual(
    result?.targets.map((target) => [
      target.uri,
      target.kind,
      target.name,
      target.range.start.line,
    ]),
    [[kafkaUri, 'Kafka', 'main', 3]],
  );
});

test("find references on a Kafka's name lists its node pools and topics", () => {
  const found = referencesAt(context(kafkaUri), kafka.indexOf('main') + 1, false);
  assert.deepEqual(found.map((target) => [target.uri, target.range.start.line]).sort(), [
    [poolUri, 6],
    [topicUri, 6],
  ]);
  // The other group's Kafka of the same name is not a declaration Strimzi labels point at.
  const confluent = kafka.lastIndexOf('name: main') + 'name: m'.length;
  assert.deepEqual(referencesAt(context(kafkaUri), confluent, true), []);
});

test('the outline shows Strimzi resources with their storage volumes', () => {
  const symbols = documentSymbols(models[1]!, 'default');
  assert.deepEqual(
    symbols.map((symbol) => [
      symbol.name,
      symbol.detail,
      symbol.children.map((c) => [c.name, c.detail]),
    ]),
    [['KafkaNodePool broker', 'kafka', [['volume 0', 'persistent-claim · 100Gi']]]],
  );
});
