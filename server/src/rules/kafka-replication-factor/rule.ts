// kafka-replication-factor: replication factors and min.insync.replicas must fit the brokers of
// the StatefulSet, and min.insync.replicas must stay below the replication factor, or a single
// broker loss stops every acks=all producer.
import { podTemplateSettings, relatedOfSetting, withFileSettings } from '../support/config-files';
import type { Rule, RuleFinding } from '../types';
import type { Setting } from '../support/kafka-settings';
import { kafkaProperties, settingNumber } from '../support/kafka-settings';
import { softwareContainers } from '../support/stateful-software';
import { replicasOf, replicatedKinds } from '../support/workload';

/** Each replication factor, what depends on it, and its min.insync.replicas partner. */
const factors = [
  { key: 'default.replication.factor', what: 'new topics', minIsr: 'min.insync.replicas' },
  {
    key: 'offsets.topic.replication.factor',
    what: 'the consumer offsets topic (consumer groups)',
    minIsr: undefined,
  },
  {
    key: 'transaction.state.log.replication.factor',
    what: 'the transaction state log',
    minIsr: 'transaction.state.log.min.isr',
  },
  {
    key: 'share.coordinator.state.topic.replication.factor',
    what: 'the share-group state topic',
    minIsr: 'share.coordinator.state.topic.min.isr',
  },
] as const;

function brokersText(brokers: number): string {
  return brokers === 1 ? '1 broker' : `${brokers} brokers`;
}

export const kafkaReplicationFactor: Rule = {
  id: 'kafka-replication-factor',
  defaultSeverity: 'error',
  description:
    'Kafka replication factors or min.insync.replicas above the broker count, or min.insync.replicas at or above the replication factor.',
  noQuickFix: 'the right replication and min ISR depend on the broker count the operator wants',
  check({ document, model, index, namespace }) {
    const found = replicatedKinds.has(document.kind ?? '')
      ? softwareContainers(document, 'kafka')
      : undefined;
    const brokers = replicasOf(document);
    if (!found || !brokers) {
      return [];
    }
    const findings: RuleFinding[] = [];
    const mounted = podTemplateSettings(found.template, index, namespace);
    for (const container of found.containers) {
      const properties = withFileSettings(
        mounted.kafka,
        kafkaProperties(container.node, model.text),
      );
      // Controller-only KRaft nodes host no topics.
      if (properties.get('process.roles')?.value?.trim() === 'controller') {
        continue;
      }
      const above = (key: string, setting: Setting, value: number, consequence: string): void => {
        findings.push({
          span: setting.span,
          ...relatedOfSetting(mounted, setting),
          message: `${key} ${value} is more than the ${brokersText(brokers)} of this StatefulSet: ${consequence} Use at most ${brokers}, or add brokers.`,
        });
      };
      const minIsrSetting = properties.get('min.insync.replicas');
      const minIsr = settingNumber(minIsrSetting);
      if (minIsrSetting && minIsr !== undefined && minIsr > brokers) {
        above(
          'min.insync.replicas',
          minIsrSetting,
          minIsr,
          'producers with acks=all can never write.',
        );
      }
      for (const factor of factors) {
        const setting = properties.get(factor.key);
        const replication = settingNumber(setting);
        if (!setting || replication === undefined) {
          continue;
        }
        if (replication > brokers) {
          above(factor.key, setting, replication, `${factor.what} cannot be created.`);
        }
        const isrSetting = factor.minIsr ? properties.get(factor.minIsr) : undefined;
        const isr = settingNumber(isrSetting);
        // With a single replica, 1 is the only possible minimum; redundancy is a separate matter.
        if (isrSetting && isr !== undefined && replication >= 2 && isr >= replication) {
          findings.push({
            span: isrSetting.span,
            ...relatedOfSetting(mounted, isrSetting),
            severity: 'warning',
            message: `${factor.minIsr} ${isr} is not below ${factor.key} ${replication}: losing a single broker blocks acks=all writes to ${factor.what}. Use ${replication - 1} (one less than the replication factor).`,
          });
        }
      }
    }
    return findings;
  },
};
