// The facts that make the scaffold production-grade, checked on every variant the generator can
// produce (test/support/scaffold-variants.ts): encrypted, retained disks that bind where the pod
// runs; claims kept when the set is deleted or scaled; anti-affinity on the pods' own labels with
// full weight when preferred; broker, controller and server ids from the pod ordinal; and budgets
// that let a node drain without ever costing a quorum or the in-sync replicas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../model';
import type { YamlNode } from '../model';
import type { ScaffoldOptionsInput } from '../protocol';
import {
  goldenVariants,
  scaffoldMatrix,
  storageChoices,
  strimziMatrix,
} from '../../../test/support/scaffold-variants';
import { storageProviders } from './facts';
import { generateKafkaManifests } from './generate';

type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };
type PlainMap = { [key: string]: Plain };

/** The plain value of a model node, scalars as the YAML core schema reads them. */
function toPlain(node: YamlNode | null): Plain {
  if (node === null) {
    return null;
  }
  switch (node.type) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map':
      return Object.fromEntries(node.pairs.map((pair) => [pair.key ?? '', toPlain(pair.value)]));
    default:
      throw new Error('the scaffold writes no aliases');
  }
}

const generated = new Map<ScaffoldOptionsInput, Map<string, PlainMap>>();

/** Every generated object by kind and name (generated once per input for all tests). */
function objectsOf(input: ScaffoldOptionsInput): Map<string, PlainMap> {
  const known = generated.get(input);
  if (known) {
    return known;
  }
  const result = generateKafkaManifests(input);
  assert.deepEqual(result.errors, [], JSON.stringify(input));
  const objects = new Map<string, PlainMap>();
  for (const file of result.files) {
    for (const document of parseFile(`file:///scaffold/${file.path}`, 1, file.content).documents) {
      const object = toPlain(document.root) as PlainMap;
      const name = (object.metadata as PlainMap | undefined)?.name;
      objects.set(`${text(object.kind)}/${name === undefined ? '' : text(name)}`, object);
    }
  }
  generated.set(input, objects);
  return objects;
}

/** A scalar as text; anything else is a shape the scaffold should not have written. */
function text(value: Plain | undefined): string {
  assert.ok(
    typeof value === 'string' || typeof value === 'number',
    `not a scalar: ${JSON.stringify(value)}`,
  );
  return String(value);
}

const at = (value: Plain | undefined, ...path: (string | number)[]): Plain | undefined =>
  path.reduce<Plain | undefined>(
    (node, key) =>
      node !== null && typeof node === 'object' ? (node as Record<string, Plain>)[key] : undefined,
    value,
  );

const ofKind = (objects: Map<string, PlainMap>, kind: string): PlainMap[] =>
  [...objects.values()].filter((object) => object.kind === kind);

/** The shell script a container runs (`sh -c <script>`). */
const scriptOf = (statefulSet: PlainMap): string =>
  text(at(statefulSet, 'spec', 'template', 'spec', 'containers', 0, 'command', 2));

/** Encryption at rest per provider: AWS EBS needs the parameter; Azure Disk and GCE PD always encrypt. */
const encryption: Record<string, (parameters: PlainMap) => boolean> = {
  'aws-ebs-csi': (parameters) => parameters.encrypted === 'true',
  'azure-disk-csi': (parameters) => !('encrypted' in parameters),
  'gce-pd-csi': (parameters) => !('encrypted' in parameters),
};

const label = (input: ScaffoldOptionsInput): string => JSON.stringify(input);

test('created StorageClasses encrypt, retain and bind where the pod runs', () => {
  for (const input of scaffoldMatrix) {
    const classes = ofKind(objectsOf(input), 'StorageClass');
    const choice = input.storageClass!;
    if ('existing' in choice) {
      assert.deepEqual(classes, [], label(input));
      continue;
    }
    assert.equal(classes.length, 1, label(input));
    const storageClass = classes[0]!;
    const provider = storageProviders[choice.create];
    assert.equal(storageClass.provisioner, provider.provisioner, label(input));
    assert.equal(at(storageClass, 'metadata', 'name'), provider.className, label(input));
    const parameters = (storageClass.parameters ?? {}) as PlainMap;
    assert.ok(encryption[choice.create]!(parameters), `encryption at rest: ${label(input)}`);
    assert.equal(storageClass.reclaimPolicy, 'Retain', label(input));
    assert.equal(storageClass.volumeBindingMode, 'WaitForFirstConsumer', label(input));
    assert.equal(storageClass.allowVolumeExpansion, true, label(input));
  }
});

test('every StatefulSet keeps its claims, uses the chosen class and spreads its own pods', () => {
  for (const input of scaffoldMatrix) {
    const choice = input.storageClass!;
    const className =
      'existing' in choice ? choice.existing : storageProviders[choice.create].className;
    const statefulSets = ofKind(objectsOf(input), 'StatefulSet');
    assert.equal(statefulSets.length, 2, label(input));
    for (const statefulSet of statefulSets) {
      const what = `${text(at(statefulSet, 'metadata', 'name'))} ${label(input)}`;
      assert.deepEqual(
        at(statefulSet, 'spec', 'persistentVolumeClaimRetentionPolicy'),
        { whenDeleted: 'Retain', whenScaled: 'Retain' },
        what,
      );
      const templates = at(statefulSet, 'spec', 'volumeClaimTemplates') as PlainMap[];
      assert.ok(templates.length > 0, what);
      for (const template of templates) {
        assert.equal(at(template, 'spec', 'storageClassName'), className, what);
      }
      const selector = at(statefulSet, 'spec', 'selector', 'matchLabels');
      const antiAffinity = at(
        statefulSet,
        'spec',
        'template',
        'spec',
        'affinity',
        'podAntiAffinity',
      );
      const term = {
        labelSelector: { matchLabels: selector },
        topologyKey: 'kubernetes.io/hostname',
      };
      if (input.antiAffinity === 'preferred') {
        assert.deepEqual(
          antiAffinity,
          {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 100, podAffinityTerm: term },
            ],
          },
          what,
        );
      } else {
        assert.deepEqual(
          antiAffinity,
          { requiredDuringSchedulingIgnoredDuringExecution: [term] },
          what,
        );
      }
    }
  }
});

test('broker, controller and ZooKeeper server ids come from the pod ordinal', () => {
  for (const input of scaffoldMatrix) {
    const objects = objectsOf(input);
    const broker = objects.get('StatefulSet/kafka')!;
    if (input.variant === 'kafka-zookeeper') {
      assert.match(scriptOf(broker), /^export KAFKA_BROKER_ID=\$\{HOSTNAME##\*-\}$/m, label(input));
      const zookeeper = objects.get('StatefulSet/zookeeper')!;
      assert.match(scriptOf(zookeeper), /^export ZOO_MY_ID=\$\(\(\$\{HOSTNAME##\*-\} \+ 1\)\)$/m);
      const env = at(zookeeper, 'spec', 'template', 'spec', 'containers', 0, 'env') as PlainMap[];
      const servers = text(env.find((item) => item.name === 'ZOO_SERVERS')?.value).split(' ');
      assert.deepEqual(
        servers.map((server) =>
          /^server\.(\d+)=zookeeper-(\d+)\./.exec(server)?.slice(1).map(Number),
        ),
        Array.from({ length: input.zookeeperReplicas! }, (_, i) => [i + 1, i]),
        label(input),
      );
    } else {
      assert.match(scriptOf(broker), /^export KAFKA_NODE_ID=\$\{HOSTNAME##\*-\}$/m, label(input));
      const controller = objects.get('StatefulSet/kafka-controller')!;
      assert.match(
        scriptOf(controller),
        /^export KAFKA_NODE_ID=\$\(\(1000 \+ \$\{HOSTNAME##\*-\}\)\)$/m,
        label(input),
      );
      const env = at(controller, 'spec', 'template', 'spec', 'containers', 0, 'env') as PlainMap[];
      const voters = text(
        env.find((item) => item.name === 'KAFKA_CONTROLLER_QUORUM_VOTERS')?.value,
      );
      assert.deepEqual(
        voters
          .split(',')
          .map((voter) => /^(\d+)@kafka-controller-(\d+)\./.exec(voter)?.slice(1).map(Number)),
        Array.from({ length: input.controllers! }, (_, i) => [1000 + i, i]),
        label(input),
      );
    }
  }
});

test('budgets allow a drain and never cost a quorum or the in-sync replicas', () => {
  for (const input of scaffoldMatrix) {
    const objects = objectsOf(input);
    const budgets = ofKind(objects, 'PodDisruptionBudget');
    assert.equal(budgets.length, 2, label(input));
    for (const statefulSet of ofKind(objects, 'StatefulSet')) {
      const name = text(at(statefulSet, 'metadata', 'name'));
      const what = `${name} ${label(input)}`;
      const replicas = Number(at(statefulSet, 'spec', 'replicas'));
      const selector = at(statefulSet, 'spec', 'selector', 'matchLabels');
      const budget = budgets.find(
        (item) =>
          JSON.stringify(at(item, 'spec', 'selector', 'matchLabels')) === JSON.stringify(selector),
      );
      assert.ok(budget, `no budget selects ${what}`);
      assert.equal(at(budget, 'spec', 'minAvailable'), undefined, what);
      const maxUnavailable = at(budget, 'spec', 'maxUnavailable');
      assert.ok(
        Number.isInteger(maxUnavailable) && (maxUnavailable as number) >= 1,
        `a drain can evict: ${what}`,
      );
      const left = replicas - (maxUnavailable as number);
      if (name === 'kafka') {
        assert.equal(replicas, input.brokers, what);
        const env = at(
          statefulSet,
          'spec',
          'template',
          'spec',
          'containers',
          0,
          'env',
        ) as PlainMap[];
        const minIsr = Number(env.find((item) => item.name === 'KAFKA_MIN_INSYNC_REPLICAS')?.value);
        if (replicas >= 2) {
          assert.ok(left >= minIsr, `${left} brokers left, min.insync.replicas ${minIsr}: ${what}`);
        }
      } else {
        assert.equal(
          replicas,
          input.variant === 'kafka-zookeeper' ? input.zookeeperReplicas : input.controllers,
          what,
        );
        const majority = Math.floor(replicas / 2) + 1;
        assert.ok(
          left >= majority,
          `${left} of ${replicas} left, quorum needs ${majority}: ${what}`,
        );
      }
    }
  }
});

test('the golden variants show every value of every choice at least once', () => {
  const golden = Object.values(goldenVariants);
  const shown = (pick: (input: ScaffoldOptionsInput) => unknown): Set<string> =>
    new Set(golden.map((input) => JSON.stringify(pick(input))));
  const storage = shown((input) => input.storageClass ?? { create: 'azure-disk-csi' });
  for (const choice of storageChoices) {
    const kind = 'existing' in choice ? 'existing' : choice.create;
    assert.ok(
      [...storage].some((item) => item.includes(kind)),
      `no golden variant with StorageClass ${kind}`,
    );
  }
  assert.deepEqual([...shown((input) => input.variant)].sort(), [
    '"kafka-kraft"',
    '"kafka-strimzi"',
    '"kafka-zookeeper"',
  ]);
  assert.deepEqual([...shown((input) => input.antiAffinity ?? 'required')].sort(), [
    '"preferred"',
    '"required"',
  ]);
  const zookeeper = golden.filter((input) => input.variant === 'kafka-zookeeper');
  const kraft = golden.filter((input) => input.variant === 'kafka-kraft');
  const values = (
    list: ScaffoldOptionsInput[],
    pick: (input: ScaffoldOptionsInput) => number | undefined,
    fallback: number,
  ): number[] => [...new Set(list.map((input) => pick(input) ?? fallback))].sort();
  assert.deepEqual(
    values(zookeeper, (input) => input.zookeeperReplicas, 3),
    [3, 5],
  );
  assert.deepEqual(
    values(kraft, (input) => input.controllers, 3),
    [3, 5],
  );
  assert.deepEqual(
    values(golden, (input) => input.brokers, 3),
    [1, 2, 3, 5],
  );
  for (const option of [
    'namespace',
    'kafkaVolumeSize',
    'kafkaMemory',
    'zookeeperVolumeSize',
    'zookeeperMemory',
    'controllerVolumeSize',
    'controllerMemory',
    'clusterId',
    'clusterDomain',
  ] as const) {
    assert.ok(
      golden.some((input) => input[option] !== undefined),
      `no golden variant sets ${option}`,
    );
  }
});

test('Strimzi: node pools keep their claims on the chosen class, spread their own pods, and the quorum and replication fit', () => {
  for (const input of strimziMatrix) {
    const objects = objectsOf(input);
    const choice = input.storageClass!;
    const className =
      'existing' in choice ? choice.existing : storageProviders[choice.create].className;
    const pools = ofKind(objects, 'KafkaNodePool');
    assert.deepEqual(
      pools.map((pool) => [at(pool, 'metadata', 'name'), at(pool, 'spec', 'replicas')]),
      [
        ['controller', input.controllers],
        ['broker', input.brokers],
      ],
      label(input),
    );
    for (const pool of pools) {
      const name = text(at(pool, 'metadata', 'name'));
      const what = `${name} ${label(input)}`;
      assert.equal(at(pool, 'metadata', 'labels', 'strimzi.io/cluster'), 'kafka', what);
      assert.deepEqual(at(pool, 'spec', 'roles'), [name], what);
      const volumes = at(pool, 'spec', 'storage', 'volumes') as PlainMap[];
      for (const volume of volumes) {
        assert.equal(volume.type, 'persistent-claim', what);
        assert.equal(volume.deleteClaim, false, what);
        assert.equal(volume.class, className, what);
      }
      const term = {
        labelSelector: {
          matchLabels: { 'strimzi.io/cluster': 'kafka', 'strimzi.io/pool-name': name },
        },
        topologyKey: 'kubernetes.io/hostname',
      };
      assert.deepEqual(
        at(pool, 'spec', 'template', 'pod', 'affinity', 'podAntiAffinity'),
        input.antiAffinity === 'preferred'
          ? {
              preferredDuringSchedulingIgnoredDuringExecution: [
                { weight: 100, podAffinityTerm: term },
              ],
            }
          : { requiredDuringSchedulingIgnoredDuringExecution: [term] },
        what,
      );
    }
    assert.equal(input.controllers! % 2, 1, label(input));
    const config = at(objects.get('Kafka/kafka'), 'spec', 'kafka', 'config') as PlainMap;
    const factor = Number(config['default.replication.factor']);
    const minIsr = Number(config['min.insync.replicas']);
    assert.ok(factor <= input.brokers!, label(input));
    assert.ok(minIsr < factor || factor === 1, label(input));
    const topic = objects.get('KafkaTopic/sample-topic')!;
    assert.ok(Number(at(topic, 'spec', 'replicas')) <= input.brokers!, label(input));
  }
});
