// A Strimzi cluster as the workspace index knows it: its Kafka and the node pools labelled with
// its name, counted as brokers and controllers. When a workspace holds the same cluster more than
// once (alternative examples, overlays), the copy in the file being checked wins, and a count
// that stays ambiguous is not made at all: rules never guess.
import type { IndexView, StrimziFacts } from '../index-view';
import { strimziKindOf } from './strimzi';

export interface StrimziCluster {
  /** The Kafka, when exactly one is known (or one is in the checked file). */
  readonly kafka: StrimziFacts | undefined;
  /** The cluster's node pools, one per pool name. */
  readonly pools: readonly StrimziFacts[];
  /** Nodes with the broker role; undefined when some count is unknown. */
  readonly brokers: number | undefined;
  readonly brokerPools: readonly StrimziFacts[];
  /** Nodes with the controller role (KRaft); undefined when some count is unknown. */
  readonly controllers: number | undefined;
  readonly controllerPools: readonly StrimziFacts[];
}

/** The Strimzi `Kafka` objects named `name` in `namespace`. */
export function kafkasNamed(index: IndexView, name: string, namespace: string): StrimziFacts[] {
  return index
    .strimziResources(namespace)
    .filter((object) => strimziKindOf(object) === 'Kafka' && object.name === name);
}

/** Every Strimzi `Kafka` of the workspace. */
export function allKafkas(index: IndexView): StrimziFacts[] {
  return index.strimziResources().filter((object) => strimziKindOf(object) === 'Kafka');
}

function sum(pools: readonly StrimziFacts[]): number | undefined {
  let total = 0;
  for (const pool of pools) {
    if (pool.replicas === undefined) {
      return undefined;
    }
    total += pool.replicas;
  }
  return total;
}

/**
 * The cluster `name` in `namespace`, seen from the file `uri`; undefined when the index cannot
 * tell which objects make it up (duplicates outside the checked file).
 */
export function strimziCluster(
  index: IndexView,
  name: string,
  namespace: string,
  uri: string,
): StrimziCluster | undefined {
  const kafkas = kafkasNamed(index, name, namespace);
  let pools = index
    .strimziResources(namespace)
    .filter((object) => strimziKindOf(object) === 'KafkaNodePool' && object.cluster === name);
  let kafka = kafkas.length === 1 ? kafkas[0] : undefined;
  if (kafkas.length > 1) {
    // Several definitions of one cluster: only the copy in this file (with its pools) is known.
    kafka = kafkas.find((candidate) => candidate.uri === uri);
    pools = pools.filter((pool) => pool.uri === uri);
    if (!kafka) {
      return undefined;
    }
  }
  const names = new Set(pools.map((pool) => pool.name));
  if (names.size !== pools.length) {
    const local = pools.filter((pool) => pool.uri === uri);
    if (new Set(local.map((pool) => pool.name)).size !== local.length || local.length === 0) {
      return undefined;
    }
    pools = local;
  }
  const brokerPools = pools.filter((pool) => pool.roles?.includes('broker'));
  const controllerPools = pools.filter((pool) => pool.roles?.includes('controller'));
  // A cluster without node pools sets its broker count on the Kafka itself.
  const brokers = pools.length > 0 ? sum(brokerPools) : kafka?.replicas;
  return {
    kafka,
    pools,
    brokers,
    brokerPools,
    controllers: pools.length > 0 ? sum(controllerPools) : undefined,
    controllerPools,
  };
}
