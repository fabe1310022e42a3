// The scaffold questions with scripted answers: defaults give valid options, every question
// can be cancelled, and the answers reach the options the server validates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ScaffoldVariant } from '../../server/src/protocol';
import { resolveScaffoldOptions } from '../../server/src/scaffold/options';
import type {
  InputProvider,
  PickQuestion,
  QuestionId,
  TextQuestion,
} from '../../client/src/scaffold/input-provider';
import { askScaffoldOptions } from '../../client/src/scaffold/prompts';

/** Answers picks by label and texts by value; takes the default when a question has no answer. */
function scripted(
  answers: Partial<Record<QuestionId, string>>,
  cancelAt?: QuestionId,
): InputProvider & { asked: QuestionId[] } {
  const asked: QuestionId[] = [];
  return {
    asked,
    pick<T>(question: PickQuestion<T>): Promise<T | undefined> {
      asked.push(question.id);
      if (question.id === cancelAt) {
        return Promise.resolve(undefined);
      }
      const label = answers[question.id];
      const item =
        label === undefined ? question.items[0] : question.items.find((i) => i.label === label);
      assert.ok(item, `no item '${label}' in ${question.id}`);
      return Promise.resolve(item.value);
    },
    text(question: TextQuestion): Promise<string | undefined> {
      asked.push(question.id);
      if (question.id === cancelAt) {
        return Promise.resolve(undefined);
      }
      const value = answers[question.id] ?? question.value;
      assert.equal(question.validate(value), undefined, `${question.id}: '${value}' is rejected`);
      return Promise.resolve(value);
    },
    conflict: () => Promise.resolve('cancel'),
  };
}

for (const variant of [
  'kafka-zookeeper',
  'kafka-kraft',
  'kafka-strimzi',
] as const satisfies readonly ScaffoldVariant[]) {
  test(`${variant}: the defaults are valid options`, async () => {
    const inputs = scripted({});
    const options = await askScaffoldOptions(variant, inputs, []);
    assert.ok(options);
    const resolved = resolveScaffoldOptions(options);
    assert.deepEqual(resolved.errors, []);
    assert.deepEqual(resolved.warnings, []);
  });

  test(`${variant}: cancelling any question stops with no options`, async () => {
    const all = scripted({});
    await askScaffoldOptions(variant, all, []);
    assert.ok(all.asked.length >= 7, all.asked.join());
    for (const id of all.asked) {
      const inputs = scripted({}, id);
      assert.equal(await askScaffoldOptions(variant, inputs, []), undefined, id);
      assert.equal(inputs.asked.at(-1), id, 'nothing is asked after a cancel');
    }
  });
}

test('kafka-strimzi asks no image question: the operator release pins Kafka', async () => {
  const inputs = scripted({ controllers: '5' });
  const options = await askScaffoldOptions('kafka-strimzi', inputs, []);
  assert.ok(!inputs.asked.includes('kafkaImage') && !inputs.asked.includes('zookeeperImage'));
  assert.deepEqual(
    inputs.asked.filter((id) => id === 'controllers' || id === 'controllerVolumeSize'),
    ['controllers', 'controllerVolumeSize'],
  );
  assert.equal(options?.controllers, 5);
  assert.equal(options?.kafkaImage, undefined);
});

test('answers reach the options, including an existing StorageClass offered by the server', async () => {
  const options = await askScaffoldOptions(
    'kafka-zookeeper',
    scripted({
      namespace: 'streaming',
      zookeeperReplicas: '5',
      brokers: '1',
      storageClass: 'Use existing: managed-csi-premium',
      kafkaVolumeSize: '500Gi',
      antiAffinity: 'Preferred',
    }),
    ['managed-csi-premium'],
  );
  assert.deepEqual(options, {
    variant: 'kafka-zookeeper',
    namespace: 'streaming',
    zookeeperReplicas: 5,
    brokers: 1,
    storageClass: { existing: 'managed-csi-premium' },
    kafkaVolumeSize: '500Gi',
    zookeeperVolumeSize: '10Gi',
    zookeeperImage: 'zookeeper:3.8.6',
    kafkaImage: 'apache/kafka:3.9.2',
    antiAffinity: 'preferred',
  });
});

test('another existing StorageClass is asked by name; creating one needs no name', async () => {
  const other = await askScaffoldOptions(
    'kafka-kraft',
    scripted({ storageClass: 'Use another existing StorageClass…', storageClassName: 'gp3' }),
    [],
  );
  assert.deepEqual(other?.storageClass, { existing: 'gp3' });
  const aws = await askScaffoldOptions(
    'kafka-kraft',
    scripted({ storageClass: 'Create: AWS EBS (CSI, gp3)' }),
    [],
  );
  assert.deepEqual(aws?.storageClass, { create: 'aws-ebs-csi' });
});

test('the broker question rejects non-numbers and warns below 3', async () => {
  const inputs = scripted({});
  const questions: TextQuestion[] = [];
  const recording: InputProvider = {
    ...inputs,
    text: (question) => {
      questions.push(question);
      return inputs.text(question);
    },
  };
  await askScaffoldOptions('kafka-kraft', recording, []);
  const brokers = questions.find((question) => question.id === 'brokers');
  assert.ok(brokers);
  assert.match(brokers.validate('three') ?? '', /whole number/);
  assert.match(brokers.validate('0') ?? '', /from 1 to 999/);
  assert.equal(brokers.validate('2'), undefined);
  assert.match(brokers.warn?.('2') ?? '', /2 Kafka brokers/);
  assert.equal(brokers.warn?.('3'), undefined);
});
