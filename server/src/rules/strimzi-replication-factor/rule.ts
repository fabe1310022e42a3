// strimzi-replication-factor: a Kafka's replication factors or min.insync.replicas above the
// brokers its node pools provide (the sum of the replicas of every pool with the broker role, in
// any file of the namespace): the internal topics cannot be created, or acks=all never succeeds.
import { currentStrimzi } from '../support/strimzi-current';
import { countText, kafkaConfigNumber, strimziKindOf } from '../support/strimzi';
import { strimziCluster } from '../support/strimzi-cluster';
import { relatedTo } from '../support/locate';
import type { Rule, RuleFinding } from '../types';

const settings = [
  ['default.replication.factor', 'topics created without an explicit replication factor fail'],
  [
    'offsets.topic.replication.factor',
    'the consumer offsets topic cannot be created, so consumer groups never work',
  ],
  [
    'transaction.state.log.replication.factor',
    'the transaction state log cannot be created, so transactions fail',
  ],
  ['min.insync.replicas', 'producers with acks=all can never write'],
  ['transaction.state.log.min.isr', 'transactional producers can never commit'],
] as const;

export const strimziReplicationFactor: Rule = {
  id: 'strimzi-replication-factor',
  defaultSeverity: 'error',
  description:
    "A Strimzi Kafka's replication factor or min.insync.replicas above the brokers of its node pools.",
  noQuickFix:
    "lowering a factor to the broker count can leave min.insync.replicas at or above it; which to change, or adding brokers, is the operator's call",
  check(context) {
    const facts = currentStrimzi(context);
    if (strimziKindOf(context.document) !== 'Kafka' || !facts || !context.index.isComplete()) {
      return [];
    }
    const cluster = strimziCluster(context.index, facts.name, context.namespace, context.model.uri);
    const brokers = cluster?.pools.length === 0 ? facts.replicas : cluster?.brokers;
    if (!cluster || !brokers) {
      return [];
    }
    const where =
      cluster.pools.length > 0
        ? `the ${countText(brokers, 'broker')} of its node pools (${cluster.brokerPools.map((pool) => pool.name).join(', ') || 'none with the broker role'})`
        : `its ${countText(brokers, 'broker')}`;
    const findings: RuleFinding[] = [];
    for (const [key, consequence] of settings) {
      const setting = kafkaConfigNumber(context.document, key);
      if (setting && setting.value > brokers) {
        findings.push({
          span: setting.node.span,
          message: `${key} ${setting.value} is more than ${where}: ${consequence}. Use at most ${brokers}, or add brokers.`,
          related: cluster.brokerPools.map((pool) =>
            relatedTo(pool, `node pool ${pool.name}: ${countText(pool.replicas ?? 0, 'broker')}`),
          ),
        });
      }
    }
    return findings;
  },
};
