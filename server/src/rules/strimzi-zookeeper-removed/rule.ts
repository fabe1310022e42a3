// strimzi-zookeeper-removed: `spec.zookeeper` on a Strimzi Kafka. Strimzi 0.46.0 removed support
// for ZooKeeper-based clusters (and for the migration to KRaft), so such a cluster cannot be
// managed by any current operator; the v1 API (Strimzi 0.49+) has no zookeeper field at all, so
// the API server drops it there (a warning too: kubectl apply succeeds).
import { asScalar, getPair, getValue } from '../../model';
import type { YamlNode } from '../../model';
import { strimziKindOf } from '../support/strimzi';
import type { Rule } from '../types';

function isNull(node: YamlNode): boolean {
  return asScalar(node)?.value === null;
}

export const strimziZookeeperRemoved: Rule = {
  id: 'strimzi-zookeeper-removed',
  defaultSeverity: 'warning',
  description:
    'A Strimzi Kafka with spec.zookeeper: Strimzi 0.46 and later run KRaft clusters only.',
  noQuickFix:
    'moving a Strimzi cluster to KRaft is a migration on Strimzi 0.45, not an edit of the manifest',
  check({ document }) {
    const pair = getPair(getValue(document.root, 'spec'), 'zookeeper');
    // `zookeeper: null` (or `~`) asks for nothing.
    if (strimziKindOf(document) !== 'Kafka' || !pair?.value || isNull(pair.value)) {
      return [];
    }
    if (document.apiVersion === 'kafka.strimzi.io/v1') {
      return [
        {
          span: pair.keySpan,
          message:
            'The kafka.strimzi.io/v1 Kafka has no zookeeper field: the API server drops it (kubectl only warns), because Strimzi removed ZooKeeper-based clusters in 0.46.0, before v1 existed. Remove spec.zookeeper and give the cluster KafkaNodePools with the controller role.',
        },
      ];
    }
    return [
      {
        span: pair.keySpan,
        message:
          'Strimzi 0.46.0 removed ZooKeeper-based clusters and the ZooKeeper-to-KRaft migration: this cluster runs only on Strimzi 0.45 or older, and must be migrated to KRaft (on 0.45) before the operator can be upgraded. Plan the migration (strimzi.io/kraft: migration), then remove spec.zookeeper.',
      },
    ];
  },
};
