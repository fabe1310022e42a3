import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ScaffoldOptionsInput } from '../protocol';
import { deriveClusterId, resolveScaffoldOptions } from './options';
import { checkQuantity, checkRelativeFolder, parseCount, quantityMebibytes } from './option-checks';
import { imageVersion, parseImage } from '../schema/image-reference';

function errorsOf(input: Partial<ScaffoldOptionsInput>): string[] {
  const { errors } = resolveScaffoldOptions({ variant: 'kafka-zookeeper', ...input });
  return errors.map((issue) => `${issue.option}: ${issue.message}`);
}

test('defaults are valid for both variants and need no warning', () => {
  for (const variant of ['kafka-zookeeper', 'kafka-kraft'] as const) {
    const { options, errors, warnings } = resolveScaffoldOptions({ variant });
    assert.deepEqual(errors, []);
    assert.deepEqual(warnings, []);
    assert.equal(options?.brokers, 3);
    assert.match(options?.kafkaImage ?? '', variant === 'kafka-zookeeper' ? /:3\.9\./ : /:4\./);
  }
});

test('ZooKeeper ensembles must be odd and at least 3', () => {
  assert.match(errorsOf({ zookeeperReplicas: 4 })[0] ?? '', /^zookeeperReplicas: .*must be odd/);
  assert.match(errorsOf({ zookeeperReplicas: 1 })[0] ?? '', /at least 3/);
  assert.match(errorsOf({ zookeeperReplicas: 2.5 })[0] ?? '', /at least 3/);
  assert.deepEqual(errorsOf({ zookeeperReplicas: 5 }), []);
});

test('KRaft controllers follow the same quorum rule; the ZooKeeper size is then ignored', () => {
  const { errors } = resolveScaffoldOptions({
    variant: 'kafka-kraft',
    controllers: 2,
    zookeeperReplicas: 4,
  });
  assert.deepEqual(
    errors.map((issue) => issue.option),
    ['controllers'],
  );
});

test('fewer than 3 brokers is allowed with a warning; 0 is an error', () => {
  const one = resolveScaffoldOptions({ variant: 'kafka-kraft', brokers: 1 });
  assert.deepEqual(one.errors, []);
  assert.match(one.warnings.join('\n'), /1 Kafka broker: .*replication factor 1/);
  assert.match(errorsOf({ brokers: 0 })[0] ?? '', /^brokers: /);
});

test('a Kafka 4 image cannot run the ZooKeeper variant', () => {
  assert.match(
    errorsOf({ kafkaImage: 'apache/kafka:4.0.1' })[0] ?? '',
    /^kafkaImage: Kafka 4\.0 cannot run with ZooKeeper.*3\.9\.x/,
  );
});

test('Bitnami images are refused, other images only warned about', () => {
  assert.match(errorsOf({ kafkaImage: 'docker.io/bitnami/kafka:3.9.0' })[0] ?? '', /Bitnami/);
  assert.match(errorsOf({ zookeeperImage: 'bitnamilegacy/zookeeper:3.9.3' })[0] ?? '', /Bitnami/);
  const mirror = resolveScaffoldOptions({
    variant: 'kafka-zookeeper',
    kafkaImage: 'registry.example.com:5000/apache/kafka:3.9.2',
    zookeeperImage: 'registry.example.com/library/zookeeper:3.9.4',
  });
  assert.deepEqual([...mirror.errors, ...mirror.warnings], []);
  const other = resolveScaffoldOptions({
    variant: 'kafka-kraft',
    kafkaImage: 'example/kafka:latest',
  });
  assert.match(other.warnings.join('\n'), /is not apache\/kafka/);
});

test('namespaces, sizes, storage class names and cluster ids are checked', () => {
  assert.match(errorsOf({ namespace: 'Kafka_NS' })[0] ?? '', /^namespace: /);
  assert.match(errorsOf({ kafkaVolumeSize: '100' })[0] ?? '', /^kafkaVolumeSize: .*e\.g\. 10Gi/);
  assert.match(errorsOf({ zookeeperVolumeSize: '100Mi' })[0] ?? '', /too small: use at least 1Gi/);
  assert.match(errorsOf({ storageClass: { existing: 'Fast SSD' } })[0] ?? '', /^storageClass: /);
  assert.match(errorsOf({ antiAffinity: 'sometimes' as 'required' })[0] ?? '', /^antiAffinity: /);
  const { errors } = resolveScaffoldOptions({ variant: 'kafka-kraft', clusterId: 'short' });
  assert.deepEqual(
    errors.map((issue) => issue.option),
    ['clusterId'],
  );
});

test('the derived cluster id is stable, 22 base64url characters, and differs per namespace', () => {
  assert.equal(deriveClusterId('kafka'), deriveClusterId('kafka'));
  assert.notEqual(deriveClusterId('kafka'), deriveClusterId('other'));
  for (const namespace of ['a', 'b', 'c', 'kafka', 'prod', 'staging']) {
    assert.match(deriveClusterId(namespace), /^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
  }
});

test('counts, quantities and image references parse strictly', () => {
  assert.equal(parseCount(' 5 '), 5);
  assert.equal(parseCount('3.5'), undefined);
  assert.equal(parseCount('3e0'), undefined);
  assert.equal(quantityMebibytes('2Gi'), 2048);
  assert.equal(quantityMebibytes('1.5Gi'), 1536);
  assert.equal(quantityMebibytes('2GB'), undefined);
  assert.equal(checkQuantity('512Mi', 'Memory', 512), undefined);
  assert.deepEqual(parseImage('apache/kafka:3.9.2'), {
    repository: 'apache/kafka',
    tag: '3.9.2',
    digest: undefined,
  });
  assert.equal(parseImage('localhost:5000/kafka')?.repository, 'localhost:5000/kafka');
  assert.equal(parseImage('Apache/Kafka'), undefined);
  assert.equal(parseImage('kafka:bad tag'), undefined);
  assert.deepEqual(imageVersion('zookeeper:3.8.6-jre-17'), [3, 8]);
  assert.equal(imageVersion('zookeeper:latest'), undefined);
});

test('target folders must stay inside the workspace folder', () => {
  assert.equal(checkRelativeFolder('k8s/kafka'), undefined);
  assert.equal(checkRelativeFolder('deploy\\kafka'), undefined);
  for (const bad of ['', '  ', '/etc/kafka', 'C:\\kafka', '../outside', 'k8s/../../x']) {
    assert.match(checkRelativeFolder(bad) ?? '', /folder/, bad);
  }
});
