// kafka-zookeeper-connect-unresolved: every host in zookeeper.connect should be a Service (or a
// pod of a Service) that exists in the workspace, in the namespace the name points to.
import { podTemplateSettings, relatedOfSetting, withFileSettings } from '../support/config-files';
import type { Rule, RuleFinding } from '../types';
import { kafkaProperties } from '../support/kafka-settings';
import { softwareContainers } from '../support/stateful-software';

/** The Services (name, namespace) a DNS name can resolve through, from a pod in `namespace`. */
function serviceCandidates(host: string, namespace: string): { name: string; namespace: string }[] {
  const labels = host.split('.');
  const svc = labels.indexOf('svc');
  if (svc === 2) {
    return [{ name: labels[0]!, namespace: labels[1]! }];
  }
  if (svc === 3) {
    return [{ name: labels[1]!, namespace: labels[2]! }];
  }
  switch (labels.length) {
    case 1:
      return [{ name: labels[0]!, namespace }];
    case 2:
      // `service.namespace`, or `pod.service` of the same namespace.
      return [
        { name: labels[0]!, namespace: labels[1]! },
        { name: labels[1]!, namespace },
      ];
    case 3:
      return [{ name: labels[1]!, namespace: labels[2]! }];
    default:
      return [];
  }
}

function isSkippedHost(host: string): boolean {
  return host === 'localhost' || /^[\d.]+$/.test(host) || host.includes(':') || /[$({]/.test(host);
}

export const kafkaZookeeperConnectUnresolved: Rule = {
  id: 'kafka-zookeeper-connect-unresolved',
  defaultSeverity: 'warning',
  description: 'zookeeper.connect names hosts that no Service in the workspace provides.',
  noQuickFix:
    'the ZooKeeper Service may live in another repository or cluster; the hosts cannot be guessed',
  check(context) {
    const found = softwareContainers(context.document, 'kafka');
    // Reporting a missing Service needs the whole workspace indexed.
    if (!found || !context.index.isComplete()) {
      return [];
    }
    const findings: RuleFinding[] = [];
    const mounted = podTemplateSettings(found.template, context.index, context.namespace);
    for (const container of found.containers) {
      const connect = withFileSettings(
        mounted.kafka,
        kafkaProperties(container.node, context.model.text),
      ).get('zookeeper.connect');
      if (!connect?.value || connect.dynamic) {
        continue;
      }
      const hosts = connect.value
        .split('/')[0]!
        .split(',')
        .map((entry) => entry.trim().replace(/:\d+$/, ''))
        .filter((host) => host && !isSkippedHost(host));
      const missing = new Map<string, string>();
      for (const host of hosts) {
        const candidates = serviceCandidates(host, context.namespace);
        const resolved = candidates.some((candidate) =>
          context.index
            .services(candidate.namespace)
            .some((service) => (service.deployedName ?? service.name) === candidate.name),
        );
        const first = candidates[0];
        const key = first && `Service ${first.name} in namespace ${first.namespace}`;
        if (!resolved && key && !missing.has(key)) {
          missing.set(key, host);
        }
      }
      if (missing.size > 0) {
        const [what, host] = [...missing.entries()][0]!;
        const more = missing.size > 1 ? ` (and ${missing.size - 1} more)` : '';
        findings.push({
          span: connect.span,
          ...relatedOfSetting(mounted, connect),
          message: `zookeeper.connect names ${host}, but the workspace has no ${what}${more}: the brokers cannot reach ZooKeeper. Check the Service name and the namespace in the host names.`,
        });
      }
    }
    return findings;
  },
};
