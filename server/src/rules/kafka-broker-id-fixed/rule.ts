// kafka-broker-id-fixed: every pod of a Kafka StatefulSet needs its own broker.id / node.id;
// a constant gives all replicas the same identity, so only one of them can run.
import { podTemplateSettings, relatedOfSetting, withFileSettings } from '../support/config-files';
import type { Rule, RuleFinding } from '../types';
import { kafkaProperties } from '../support/kafka-settings';
import { softwareContainers } from '../support/stateful-software';
import { replicasOf, replicatedKinds } from '../support/workload';

export const kafkaBrokerIdFixed: Rule = {
  id: 'kafka-broker-id-fixed',
  defaultSeverity: 'error',
  description: 'A constant broker.id or node.id in a Kafka workload with more than one replica.',
  noQuickFix: "the id derivation depends on the image's start script",
  check({ document, model, index, namespace }) {
    const found = replicatedKinds.has(document.kind ?? '')
      ? softwareContainers(document, 'kafka')
      : undefined;
    const replicas = replicasOf(document);
    if (!found || !replicas || replicas < 2) {
      return [];
    }
    const findings: RuleFinding[] = [];
    const mounted = podTemplateSettings(found.template, index, namespace);
    for (const container of found.containers) {
      const properties = withFileSettings(
        mounted.kafka,
        kafkaProperties(container.node, model.text),
      );
      for (const key of ['broker.id', 'node.id']) {
        const setting = properties.get(key);
        if (!setting || setting.dynamic) {
          continue;
        }
        findings.push({
          span: setting.span,
          ...relatedOfSetting(mounted, setting),
          message: `${setting.source} gives all ${replicas} replicas the same ${key} (${setting.value ?? ''}), so they register as one broker and only one can run. Derive it from the pod ordinal, e.g. \`export ${key === 'node.id' ? 'KAFKA_NODE_ID' : 'KAFKA_BROKER_ID'}=\${HOSTNAME##*-}\` in the command, or the apps.kubernetes.io/pod-index label through the downward API.`,
        });
      }
    }
    return findings;
  },
};
