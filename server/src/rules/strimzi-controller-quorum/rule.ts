// strimzi-controller-quorum: the KRaft controllers of a Strimzi cluster (every node pool with the
// controller role, in any file of the namespace) must be an odd number of at least three: the
// metadata quorum needs a majority, so an even count adds no fault tolerance and one or two
// controllers tolerate no failure at all.
import { getIn } from '../../model';
import { objectSpan, relatedTo } from '../support/locate';
import { currentStrimzi } from '../support/strimzi-current';
import { countText, strimziKindOf } from '../support/strimzi';
import { strimziCluster } from '../support/strimzi-cluster';
import type { Rule } from '../types';

function problem(controllers: number): string | undefined {
  if (controllers === 1 || controllers === 2) {
    return `tolerates no controller failure: any restart or node drain stops metadata changes (topic creation, leader elections, broker registration). Use 3 controllers (tolerates 1 failure) or 5 (tolerates 2).`;
  }
  if (controllers % 2 === 0) {
    return `tolerates no more failures than ${controllers - 1} but needs a larger majority. Use ${controllers - 1} or ${controllers + 1} controllers.`;
  }
  return undefined;
}

export const strimziControllerQuorum: Rule = {
  id: 'strimzi-controller-quorum',
  defaultSeverity: 'warning',
  description:
    'A Strimzi cluster whose KRaft controllers (over all its node pools) are an even number or fewer than three.',
  check(context) {
    const facts = currentStrimzi(context);
    if (
      strimziKindOf(context.document) !== 'KafkaNodePool' ||
      !facts?.roles?.includes('controller') ||
      facts.cluster === undefined ||
      !context.index.isComplete()
    ) {
      return [];
    }
    const cluster = strimziCluster(
      context.index,
      facts.cluster,
      context.namespace,
      context.model.uri,
    );
    const controllers = cluster?.controllers;
    const nodes = cluster?.pools.reduce((total, pool) => total + (pool.replicas ?? 0), 0);
    // Zero is a deliberate scale-down and a single-node cluster a deliberate throwaway (as in
    // Strimzi's own kafka-single-node example); an unknown count cannot be judged.
    const message = controllers && nodes !== 1 ? problem(controllers) : undefined;
    if (!cluster || !controllers || !message) {
      return [];
    }
    const others = cluster.controllerPools.filter(
      (pool) => pool.uri !== context.model.uri || pool.name !== facts.name,
    );
    const pools =
      others.length > 0
        ? ` (node pools ${cluster.controllerPools.map((pool) => `${pool.name}: ${pool.replicas ?? '?'}`).join(', ')})`
        : '';
    // With one controller pool, its replicas are the quorum: the fix sets an odd size of 3 or more.
    const replicasNode = getIn(context.document.root, ['spec', 'replicas']);
    const sizes = [...new Set([Math.max(3, controllers - 1), controllers + 1])].filter(
      (size) => size >= 3 && size % 2 === 1,
    );
    return [
      {
        span: replicasNode?.span ?? objectSpan(context.document),
        ...(others.length === 0 && replicasNode ? { data: { replicas: sizes } } : {}),
        message: `Cluster ${facts.cluster} has ${countText(controllers, 'KRaft controller')}${pools}: a quorum of ${controllers} ${message}`,
        related: others.map((pool) =>
          relatedTo(pool, `node pool ${pool.name}: ${countText(pool.replicas ?? 0, 'controller')}`),
        ),
      },
    ];
  },
};
