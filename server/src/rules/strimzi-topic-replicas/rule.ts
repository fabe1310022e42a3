// strimzi-topic-replicas: a KafkaTopic asking for more replicas than its cluster has brokers (the
// nodes of every node pool with the broker role): the Topic Operator cannot create the topic.
import { getIn } from '../../model';
import { relatedTo } from '../support/locate';
import { currentStrimzi } from '../support/strimzi-current';
import { countText, numberOf, strimziKindOf } from '../support/strimzi';
import { strimziCluster } from '../support/strimzi-cluster';
import type { Rule } from '../types';

export const strimziTopicReplicas: Rule = {
  id: 'strimzi-topic-replicas',
  defaultSeverity: 'error',
  description: 'A KafkaTopic with more replicas than its cluster has brokers.',
  check(context) {
    const facts = currentStrimzi(context);
    const replicasNode = getIn(context.document.root, ['spec', 'replicas']);
    const replicas = numberOf(replicasNode);
    if (
      strimziKindOf(context.document) !== 'KafkaTopic' ||
      facts?.cluster === undefined ||
      !replicasNode ||
      replicas === undefined ||
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
    if (
      !cluster ||
      cluster.brokers === undefined ||
      cluster.brokers === 0 ||
      replicas <= cluster.brokers
    ) {
      return [];
    }
    return [
      {
        span: replicasNode.span,
        data: { replicas: [cluster.brokers] },
        message: `This topic asks for ${countText(replicas, 'replica')} but cluster ${facts.cluster} has ${countText(cluster.brokers, 'broker')}: the Topic Operator cannot create it. Use at most ${countText(cluster.brokers, 'replica')}, or add brokers.`,
        related: [
          ...(cluster.kafka ? [relatedTo(cluster.kafka, `Kafka ${cluster.kafka.name}`)] : []),
          ...cluster.brokerPools.map((pool) =>
            relatedTo(pool, `node pool ${pool.name}: ${countText(pool.replicas ?? 0, 'broker')}`),
          ),
        ],
      },
    ];
  },
};
