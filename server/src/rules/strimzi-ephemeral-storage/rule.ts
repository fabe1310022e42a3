// strimzi-ephemeral-storage: `type: ephemeral` storage (an emptyDir) for the brokers or
// controllers of a Strimzi cluster with more than one node. Every pod restart empties its disk,
// and a restart of all pods at once (an upgrade gone wrong, a node pool replaced) loses every
// message and the KRaft metadata. A single-node cluster is a deliberate throwaway and is left alone.
import { getIn } from '../../model';
import { currentStrimzi } from '../support/strimzi-current';
import { countText, numberOf, storageSections, strimziKindOf } from '../support/strimzi';
import { strimziCluster } from '../support/strimzi-cluster';
import type { Rule, RuleContext, RuleFinding } from '../types';

/** How many nodes share the storage's fate: the pool's own count, or the whole cluster's. */
function nodesAtRisk(context: RuleContext, holds: string): number | undefined {
  const { document } = context;
  const kind = strimziKindOf(document);
  if (kind === 'Kafka') {
    const path =
      holds === 'ZooKeeper' ? ['spec', 'zookeeper', 'replicas'] : ['spec', 'kafka', 'replicas'];
    return numberOf(getIn(document.root, path));
  }
  const own = numberOf(getIn(document.root, ['spec', 'replicas']));
  const facts = currentStrimzi(context);
  const cluster =
    facts?.cluster !== undefined
      ? strimziCluster(context.index, facts.cluster, context.namespace, context.model.uri)
      : undefined;
  const total = cluster?.pools.reduce((nodes, pool) => nodes + (pool.replicas ?? 0), 0);
  return Math.max(own ?? 0, total ?? 0) || undefined;
}

export const strimziEphemeralStorage: Rule = {
  id: 'strimzi-ephemeral-storage',
  defaultSeverity: 'warning',
  description:
    'Ephemeral (emptyDir) storage for the brokers or controllers of a Strimzi cluster with more than one node.',
  check(context) {
    const findings: RuleFinding[] = [];
    for (const section of storageSections(context.document)) {
      const ephemeral = section.volumes.filter(
        (volume) => volume.type === 'ephemeral' && volume.typePair?.value,
      );
      const nodes = ephemeral.length > 0 ? nodesAtRisk(context, section.holds) : undefined;
      if (nodes === undefined || nodes < 2) {
        continue;
      }
      for (const volume of ephemeral) {
        findings.push({
          span: volume.typePair!.value!.span,
          message: `Ephemeral storage for ${section.holds} of a cluster with ${countText(nodes, 'node')}: it is an emptyDir, emptied whenever its pod is rescheduled, and restarting all pods at once loses every message${section.holds.includes('controller') || section.holds === 'ZooKeeper' ? ' and the cluster metadata' : ''}. Use type: persistent-claim with a size and deleteClaim: false.`,
        });
      }
    }
    return findings;
  },
};
