// kafka-zookeeper-mode-removed: Kafka 4.0 removed ZooKeeper mode, so a 4.x broker configured
// with zookeeper.connect does not start. The last line with ZooKeeper is 3.9.x.
import { getIn, scalarText } from '../../model';
import { podTemplateSettings, relatedOfSetting, withFileSettings } from '../support/config-files';
import type { Rule, RuleFinding } from '../types';
import { kafkaMajorVersion, kafkaProperties } from '../support/kafka-settings';
import { softwareContainers } from '../support/stateful-software';

export const kafkaZookeeperModeRemoved: Rule = {
  id: 'kafka-zookeeper-mode-removed',
  defaultSeverity: 'error',
  description: 'ZooKeeper settings on a Kafka 4.x image, which has no ZooKeeper mode any more.',
  noQuickFix: 'moving to KRaft is a migration, not an edit of the manifest',
  check({ document, model, index, namespace }) {
    const found = softwareContainers(document, 'kafka');
    if (!found) {
      return [];
    }
    const findings: RuleFinding[] = [];
    const mounted = podTemplateSettings(found.template, index, namespace);
    for (const container of found.containers) {
      const image = scalarText(getIn(container.node, ['image']));
      const major = kafkaMajorVersion(image);
      const connect = withFileSettings(
        mounted.kafka,
        kafkaProperties(container.node, model.text),
      ).get('zookeeper.connect');
      if (major === undefined || major < 4 || !connect) {
        continue;
      }
      findings.push({
        span: connect.span,
        ...relatedOfSetting(mounted, connect),
        message: `${image} runs Kafka ${major}.x, which removed ZooKeeper mode (Kafka 4.0): ${connect.source} is not supported and the broker will not start. Pin Kafka 3.9.x while the cluster uses ZooKeeper, or migrate to KRaft (process.roles, controller.quorum.voters) first.`,
      });
    }
    return findings;
  },
};
