// zk-ensemble-size: a ZooKeeper ensemble needs a majority of its servers up, so only odd sizes of
// three or more add fault tolerance; one or two servers (or any even count) are a trap.
import { getIn, scalarText } from '../../model';
import type { Rule } from '../types';
import { podTemplateSettings } from '../support/config-files';
import { zookeeperSettings } from '../support/kafka-settings';
import { ensembleSizeOfSettings } from '../support/zookeeper-ensemble';
import { objectSpan } from '../support/locate';
import { softwareContainers } from '../support/stateful-software';
import { replicasOf, replicatedKinds } from '../support/workload';

function problem(servers: number): string | undefined {
  if (servers === 1) {
    return 'A ZooKeeper ensemble of 1 server has no fault tolerance: any restart or node drain stops everything that depends on it (Kafka brokers included). Use 3 servers (tolerates 1 failure) or 5 (tolerates 2).';
  }
  if (servers === 2) {
    return 'A ZooKeeper ensemble of 2 servers needs both for a majority, so it tolerates no failure and is twice as likely to lose quorum as 1 server. Use 3 servers (tolerates 1 failure) or 5.';
  }
  if (servers % 2 === 0) {
    return `A ZooKeeper ensemble of ${servers} servers tolerates no more failures than ${servers - 1} but needs a larger majority to write. Use ${servers - 1} or ${servers + 1} servers.`;
  }
  return undefined;
}

export const zkEnsembleSize: Rule = {
  id: 'zk-ensemble-size',
  defaultSeverity: 'warning',
  description: 'A ZooKeeper StatefulSet with an even number of servers or fewer than three.',
  noQuickFix:
    'resizing an ensemble changes its server list and capacity; the rule reports, the operator decides',
  check({ document, model, index, namespace }) {
    const found = replicatedKinds.has(document.kind ?? '')
      ? softwareContainers(document, 'zookeeper')
      : undefined;
    if (!found) {
      return [];
    }
    const replicas = replicasOf(document);
    // Zero replicas is a deliberate scale-down; a non-number cannot be judged.
    if (!replicas) {
      return [];
    }
    // One ensemble may span several StatefulSets; its server list, when there is one, says how
    // many servers vote.
    const mounted = podTemplateSettings(found.template, index, namespace);
    const listed = found.containers
      .map((container) =>
        ensembleSizeOfSettings(
          mounted.zookeeper,
          zookeeperSettings(container.node, model.text),
          scalarText(getIn(document.root, ['metadata', 'name'])) ?? '',
        ),
      )
      .find((size) => size !== undefined);
    const message =
      listed !== undefined && listed !== replicas
        ? problem(listed)?.replace(
            'A ZooKeeper ensemble of',
            'The server list names an ensemble of',
          )
        : problem(replicas);
    if (!message) {
      return [];
    }
    const span = getIn(document.root, ['spec', 'replicas'])?.span ?? objectSpan(document);
    return [{ span, message }];
  },
};
