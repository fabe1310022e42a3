// Completion of a pod's own address: KAFKA_ADVERTISED_LISTENERS for apache/kafka, cp-kafka and
// Bitnami, RABBITMQ_NODENAME, and the peer lists of Cassandra and Elasticsearch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../model';
import { withCursor } from '../../../test/support/cursor';
import { indexForFixture } from '../../../test/support/fixture-index';
import { defaultSettings } from '../protocol';
import { runRules } from '../rules/run-rules';
import { loadSchema } from '../schema';
import { peerListProposals } from './peer-lists';
import type { CompletionProposal } from './completion';

/** A three-replica StatefulSet `kafka` in namespace `kafka` with `env` (indented list items). */
const statefulSet = (
  image: string,
  env: string,
  kind = 'StatefulSet',
): string => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: kafka
  namespace: kafka
spec:
  serviceName: kafka-hs
  replicas: 3
  selector:
    matchLabels:
      app: kafka
  template:
    metadata:
      labels:
        app: kafka
    spec:
      containers:
        - name: kafka
          image: ${image}
          ports:
            - name: broker
              containerPort: 9092
          env:
${env}`;

const podName = (variable: string): string => `            - name: ${variable}
              valueFrom:
                fieldRef:
                  fieldPath: metadata.name
`;

function proposalsAt(text: string): { clean: string; proposals: CompletionProposal[] } {
  const { text: clean, offset } = withCursor(text);
  const model = parseFile('file:///a.yaml', 1, clean);
  return {
    clean,
    proposals: peerListProposals(model, offset, indexForFixture([model]), 'default'),
  };
}

test('apache/kafka: each non-controller listener at the pod name from an earlier env entry', () => {
  const { proposals } = proposalsAt(
    statefulSet(
      'apache/kafka:3.9.0',
      `${podName('POD_NAME')}            - name: KAFKA_LISTENERS
              value: PLAINTEXT://:9092,CONTROLLER://:9093
            - name: KAFKA_CONTROLLER_LISTENER_NAMES
              value: CONTROLLER
            - name: KAFKA_ADVERTISED_LISTENERS
              value: $0
`,
    ),
  );
  assert.deepEqual(
    proposals.map((proposal) => [proposal.insertText, proposal.additionalEdits]),
    [['PLAINTEXT://$(POD_NAME).kafka-hs.kafka.svc.cluster.local:9092', undefined]],
  );
});

test('Bitnami: KAFKA_CFG_ names, the pod variable as written, external listeners left out', () => {
  const { proposals } = proposalsAt(
    statefulSet(
      'bitnami/kafka:3.7',
      `${podName('MY_POD_NAME')}            - name: KAFKA_CFG_LISTENERS
              value: INTERNAL://:9092,EXTERNAL://:9094,CONTROLLER://:9093
            - name: KAFKA_CFG_CONTROLLER_LISTENER_NAMES
              value: CONTROLLER
            - name: KAFKA_CFG_ADVERTISED_LISTENERS
              value: $0
`,
    ),
  );
  assert.deepEqual(
    proposals.map((proposal) => proposal.insertText),
    ['INTERNAL://$(MY_POD_NAME).kafka-hs.kafka.svc.cluster.local:9092'],
  );
});

test('cp-kafka without a pod-name entry: PLAINTEXT on the broker port, POD_NAME added above', () => {
  // A pod-name entry after the edited one does not count: `$(VAR)` expands earlier entries only.
  const { clean, proposals } = proposalsAt(
    statefulSet(
      'confluentinc/cp-kafka:7.6.1',
      `            - name: KAFKA_ADVERTISED_LISTENERS
              value: $0
${podName('POD_NAME')}`,
    ),
  );
  const [proposal] = proposals;
  assert.ok(proposal);
  assert.equal(
    proposal.insertText,
    'PLAINTEXT://$(POD_NAME).kafka-hs.kafka.svc.cluster.local:9092',
  );
  assert.match(proposal.detail ?? '', /adds POD_NAME above/);
  const [edit] = proposal.additionalEdits ?? [];
  assert.ok(edit);
  // Apply both edits (the later one first) and read the env list back.
  let applied =
    clean.slice(0, proposal.replace[0]) + proposal.insertText + clean.slice(proposal.replace[1]);
  applied = applied.slice(0, edit.span[0]) + edit.newText + applied.slice(edit.span[1]);
  assert.ok(
    applied.includes(`          env:
            - name: POD_NAME
              valueFrom:
                fieldRef:
                  fieldPath: metadata.name
            - name: KAFKA_ADVERTISED_LISTENERS
              value: PLAINTEXT://$(POD_NAME).kafka-hs.kafka.svc.cluster.local:9092
`),
    applied,
  );
  const model = parseFile('file:///a.yaml', 2, applied);
  const errors = runRules(model, {
    schema: loadSchema(),
    settings: defaultSettings,
    index: indexForFixture([model]),
  }).filter((finding) => finding.severity === 'error');
  assert.deepEqual(errors, []);
});

test('RabbitMQ node names, official and Bitnami', () => {
  const env = (
    variable: string,
  ): string => `${podName('MY_POD_NAME')}            - name: ${variable}
              value: $0
`;
  assert.deepEqual(
    proposalsAt(statefulSet('rabbitmq:3.13', env('RABBITMQ_NODENAME'))).proposals.map(
      (proposal) => proposal.insertText,
    ),
    ['rabbit@$(MY_POD_NAME).kafka-hs.kafka.svc.cluster.local'],
  );
  assert.deepEqual(
    proposalsAt(statefulSet('bitnami/rabbitmq:3.13', env('RABBITMQ_NODE_NAME'))).proposals.map(
      (proposal) => proposal.insertText,
    ),
    ['rabbit@$(MY_POD_NAME).kafka-hs.kafka.svc.cluster.local'],
  );
  // RABBITMQ_NODE_NAME means nothing to the official image.
  assert.deepEqual(
    proposalsAt(statefulSet('rabbitmq:3.13', env('RABBITMQ_NODE_NAME'))).proposals,
    [],
  );
});

test('a Deployment has no stable pod names to advertise', () => {
  const text = statefulSet(
    'apache/kafka:3.9.0',
    `${podName('POD_NAME')}            - name: KAFKA_ADVERTISED_LISTENERS
              value: $0
`,
    'Deployment',
  );
  assert.deepEqual(proposalsAt(text).proposals, []);
});

test('Cassandra seeds the first pod; Elasticsearch lists node names and seed hosts', () => {
  const one = (image: string, variable: string): string[] =>
    proposalsAt(
      statefulSet(
        image,
        `            - name: ${variable}
              value: $0
`,
      ),
    ).proposals.map((proposal) => proposal.insertText);
  assert.deepEqual(one('cassandra:5.0', 'CASSANDRA_SEEDS'), [
    'kafka-0.kafka-hs.kafka.svc.cluster.local',
  ]);
  const elastic = 'docker.elastic.co/elasticsearch/elasticsearch:8.15.0';
  assert.deepEqual(one(elastic, 'cluster.initial_master_nodes'), ['kafka-0,kafka-1,kafka-2']);
  assert.deepEqual(one(elastic, 'discovery.seed_hosts'), [
    'kafka-0.kafka-hs.kafka.svc.cluster.local,kafka-1.kafka-hs.kafka.svc.cluster.local,kafka-2.kafka-hs.kafka.svc.cluster.local',
  ]);
  // The Elasticsearch settings mean nothing in other images.
  assert.deepEqual(one('busybox', 'cluster.initial_master_nodes'), []);
});
