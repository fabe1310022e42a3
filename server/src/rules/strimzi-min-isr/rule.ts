// strimzi-min-isr: min.insync.replicas at or above the replication factor, in a Kafka's config or
// for a KafkaTopic (its own config, else its cluster's default): losing a single broker (a
// rolling update, a node drain) then blocks every producer with acks=all.
import { getIn } from '../../model';
import { relatedTo } from '../support/locate';
import { currentStrimzi } from '../support/strimzi-current';
import { kafkaConfigNumber, numberOf, strimziKindOf, topicConfigNumber } from '../support/strimzi';
import { kafkasNamed } from '../support/strimzi-cluster';
import type { Rule, RuleFinding } from '../types';

const pairs = [
  ['min.insync.replicas', 'default.replication.factor', 'new topics'],
  [
    'transaction.state.log.min.isr',
    'transaction.state.log.replication.factor',
    'the transaction state log',
  ],
] as const;

function advice(replication: number, what: string): string {
  return `losing a single broker blocks acks=all writes to ${what}, so every rolling update stops producers. Use ${replication - 1} (one less than the replication factor ${replication}).`;
}

export const strimziMinIsr: Rule = {
  id: 'strimzi-min-isr',
  defaultSeverity: 'warning',
  description:
    'A Strimzi Kafka or KafkaTopic whose min.insync.replicas is not below its replication factor.',
  check(context) {
    const { document } = context;
    const kind = strimziKindOf(document);
    const findings: RuleFinding[] = [];
    if (kind === 'Kafka') {
      for (const [isrKey, factorKey, what] of pairs) {
        const isr = kafkaConfigNumber(document, isrKey);
        const factor = kafkaConfigNumber(document, factorKey);
        // With a single replica, 1 is the only possible minimum; redundancy is another matter.
        if (isr && factor && factor.value >= 2 && isr.value >= factor.value) {
          findings.push({
            span: isr.node.span,
            data: { value: factor.value - 1 },
            message: `${isrKey} ${isr.value} is not below ${factorKey} ${factor.value}: ${advice(factor.value, what)}`,
          });
        }
      }
      return findings;
    }
    if (kind !== 'KafkaTopic') {
      return [];
    }
    const replicas = numberOf(getIn(document.root, ['spec', 'replicas']));
    if (replicas === undefined || replicas < 2) {
      return [];
    }
    const own = topicConfigNumber(document, 'min.insync.replicas');
    if (own) {
      if (own.value >= replicas) {
        findings.push({
          span: own.node.span,
          data: { value: replicas - 1 },
          message: `min.insync.replicas ${own.value} is not below this topic's replicas ${replicas}: ${advice(replicas, 'this topic')}`,
        });
      }
      return findings;
    }
    const cluster = currentStrimzi(context)?.cluster;
    const kafkas = cluster ? kafkasNamed(context.index, cluster, context.namespace) : [];
    const kafka = kafkas.length === 1 ? kafkas[0] : undefined;
    const inherited = kafka?.minInsyncReplicas;
    if (kafka && inherited !== undefined && inherited >= replicas) {
      findings.push({
        span: getIn(document.root, ['spec', 'replicas'])!.span,
        message: `This topic has ${replicas} replicas and inherits min.insync.replicas ${inherited} from Kafka ${kafka.name}: ${advice(replicas, 'this topic')} Or raise replicas to ${inherited + 1}.`,
        related: [relatedTo(kafka, `Kafka ${kafka.name} sets min.insync.replicas ${inherited}`)],
      });
    }
    return findings;
  },
};
