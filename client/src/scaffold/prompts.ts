// The questions that turn into scaffold options, each with a validated default. Any cancelled
// question returns undefined, and the command stops there.
import type {
  ScaffoldOptionsInput,
  ScaffoldVariant,
  StorageClassChoice,
} from '../../../server/src/protocol';
import { defaultKafkaImage, scaffoldDefaults } from '../../../server/src/scaffold/defaults';
import { storageProviders } from '../../../server/src/scaffold/facts';
import {
  brokersWarning,
  checkBrokers,
  checkKafkaImage,
  checkNamespace,
  checkQuantity,
  checkStorageClassName,
  checkZookeeperImage,
  parseCount,
} from '../../../server/src/scaffold/option-checks';
import type { InputProvider, PickItem, QuestionId } from './input-provider';

const quorumSizes: readonly PickItem<number>[] = [
  { label: '3', description: 'tolerates 1 server down (default)', value: 3 },
  { label: '5', description: 'tolerates 2 servers down', value: 5 },
  { label: '7', description: 'tolerates 3 servers down', value: 7 },
];

function checkBrokerText(text: string): string | undefined {
  const brokers = parseCount(text);
  return brokers === undefined ? 'Enter a whole number of brokers, e.g. 3.' : checkBrokers(brokers);
}

async function askSize(
  inputs: InputProvider,
  id: QuestionId,
  what: string,
  value: string,
): Promise<string | undefined> {
  return inputs.text({
    id,
    title: `Scaffold Kafka: ${what}`,
    prompt: `${what} per pod, e.g. ${value}`,
    value,
    validate: (text) => checkQuantity(text.trim(), what, 1024),
  });
}

async function askStorageClass(
  inputs: InputProvider,
  knownNames: readonly string[],
): Promise<StorageClassChoice | undefined> {
  const other = { existing: '' };
  const items: PickItem<StorageClassChoice>[] = [
    ...Object.entries(storageProviders).map(([create, provider]) => ({
      label: `Create: ${provider.label}`,
      description: provider.className,
      detail: `${provider.provisioner}; reclaimPolicy Retain, WaitForFirstConsumer, expandable`,
      value: { create } as StorageClassChoice,
    })),
    ...knownNames.map((name) => ({ label: `Use existing: ${name}`, value: { existing: name } })),
    { label: 'Use another existing StorageClass…', value: other },
  ];
  const choice = await inputs.pick({
    id: 'storageClass',
    title: 'Scaffold Kafka: StorageClass',
    placeholder: 'Create a StorageClass for your cloud, or use one the cluster already has',
    items,
  });
  if (choice !== other) {
    return choice;
  }
  const name = await inputs.text({
    id: 'storageClassName',
    title: 'Scaffold Kafka: existing StorageClass',
    prompt: 'Name of a StorageClass that exists in the cluster (kubectl get storageclass)',
    value: '',
    validate: (text) => checkStorageClassName(text.trim()),
  });
  return name === undefined ? undefined : { existing: name.trim() };
}

/** Asks every option of the variant in turn; undefined as soon as one question is cancelled. */
export async function askScaffoldOptions(
  variant: ScaffoldVariant,
  inputs: InputProvider,
  knownStorageClasses: readonly string[],
): Promise<ScaffoldOptionsInput | undefined> {
  const zookeeper = variant === 'kafka-zookeeper';
  const strimzi = variant === 'kafka-strimzi';
  const namespace = await inputs.text({
    id: 'namespace',
    title: 'Scaffold Kafka: namespace',
    prompt: 'Namespace for every object of the set',
    value: scaffoldDefaults.namespace,
    validate: (text) => checkNamespace(text.trim()),
  });
  if (namespace === undefined) {
    return undefined;
  }
  const quorum = await inputs.pick({
    id: zookeeper ? 'zookeeperReplicas' : 'controllers',
    title: zookeeper ? 'Scaffold Kafka: ZooKeeper servers' : 'Scaffold Kafka: KRaft controllers',
    placeholder: 'An odd number: a majority must stay up',
    items: quorumSizes,
  });
  if (quorum === undefined) {
    return undefined;
  }
  const brokers = await inputs.text({
    id: 'brokers',
    title: 'Scaffold Kafka: brokers',
    prompt: 'Number of Kafka brokers (3 or more recommended)',
    value: String(scaffoldDefaults.brokers),
    validate: checkBrokerText,
    warn: (text) => brokersWarning(parseCount(text) ?? 3),
  });
  if (brokers === undefined) {
    return undefined;
  }
  const storageClass = await askStorageClass(inputs, knownStorageClasses);
  if (!storageClass) {
    return undefined;
  }
  const kafkaVolumeSize = await askSize(
    inputs,
    'kafkaVolumeSize',
    'Kafka volume size',
    scaffoldDefaults.kafkaVolumeSize,
  );
  if (kafkaVolumeSize === undefined) {
    return undefined;
  }
  const quorumVolumeSize = zookeeper
    ? await askSize(
        inputs,
        'zookeeperVolumeSize',
        'ZooKeeper volume size',
        scaffoldDefaults.zookeeperVolumeSize,
      )
    : await askSize(
        inputs,
        'controllerVolumeSize',
        'Controller volume size',
        scaffoldDefaults.controllerVolumeSize,
      );
  if (quorumVolumeSize === undefined) {
    return undefined;
  }
  // The Strimzi operator picks the Kafka image from the version the generator pins.
  const kafkaImage = strimzi
    ? ''
    : await inputs.text({
        id: 'kafkaImage',
        title: 'Scaffold Kafka: Kafka image',
        prompt: zookeeper
          ? 'Kafka image; ZooKeeper mode needs Kafka 3.9.x or older'
          : 'Kafka image (apache/kafka 4.x runs KRaft only)',
        value: defaultKafkaImage(variant),
        validate: (text) => checkKafkaImage(text.trim(), variant),
      });
  if (kafkaImage === undefined) {
    return undefined;
  }
  const zookeeperImage = zookeeper
    ? await inputs.text({
        id: 'zookeeperImage',
        title: 'Scaffold Kafka: ZooKeeper image',
        prompt: 'The official zookeeper image, 3.8 or 3.9',
        value: scaffoldDefaults.zookeeperImage,
        validate: (text) => checkZookeeperImage(text.trim()),
      })
    : '';
  if (zookeeperImage === undefined) {
    return undefined;
  }
  const antiAffinity = await inputs.pick({
    id: 'antiAffinity',
    title: 'Scaffold Kafka: spreading pods over nodes',
    placeholder: 'Pod anti-affinity over kubernetes.io/hostname',
    items: [
      {
        label: 'Required',
        description: 'never two pods of a kind on one node (default)',
        value: 'required' as const,
      },
      {
        label: 'Preferred',
        description: 'spread when possible; schedules on fewer nodes',
        value: 'preferred' as const,
      },
    ],
  });
  if (antiAffinity === undefined) {
    return undefined;
  }
  return {
    variant,
    namespace: namespace.trim(),
    ...(zookeeper ? { zookeeperReplicas: quorum } : { controllers: quorum }),
    brokers: parseCount(brokers),
    storageClass,
    kafkaVolumeSize: kafkaVolumeSize.trim(),
    ...(zookeeper
      ? { zookeeperVolumeSize: quorumVolumeSize.trim(), zookeeperImage: zookeeperImage.trim() }
      : { controllerVolumeSize: quorumVolumeSize.trim() }),
    ...(strimzi ? {} : { kafkaImage: kafkaImage.trim() }),
    antiAffinity,
  };
}
