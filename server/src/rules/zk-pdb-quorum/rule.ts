// zk-pdb-quorum: a PodDisruptionBudget over a ZooKeeper ensemble must not let a drain take more
// servers than the ensemble can lose while keeping a majority (1 of 3, 2 of 5).
import { getPair, getValue } from '../../model';
import type { Rule, RuleFinding } from '../types';
import { budgetSelects, minimumKept, percentOf } from '../support/disruption-budget';
import { currentObject, describeObject, relatedTo } from '../support/locate';
import { readPdbFacts } from '../support/object-facts';
import { workloadRuns } from '../support/stateful-software';
import { ensembleSizeOfWorkload } from '../support/zookeeper-ensemble';

/** How many of `replicas` pods the budget lets the eviction API take at once. */
function allowedDisruptions(
  maxUnavailable: number | string | undefined,
  minAvailable: number | string | undefined,
  replicas: number,
): number | undefined {
  if (maxUnavailable !== undefined) {
    const percent = percentOf(maxUnavailable);
    // The eviction API rounds a maxUnavailable percentage up.
    return typeof maxUnavailable === 'number'
      ? maxUnavailable
      : percent === undefined
        ? undefined
        : Math.ceil((percent * replicas) / 100);
  }
  if (minAvailable !== undefined) {
    const kept = minimumKept(minAvailable, replicas);
    return kept === undefined ? undefined : Math.max(0, replicas - kept);
  }
  return undefined;
}

export const zkPdbQuorum: Rule = {
  id: 'zk-pdb-quorum',
  defaultSeverity: 'warning',
  description:
    'A PodDisruptionBudget that lets voluntary evictions take a ZooKeeper ensemble below its quorum.',
  noQuickFix:
    "the budget and the ensemble size are coupled; which to change is the operator's call",
  check(context) {
    const object = currentObject(context);
    if (!object || object.kind !== 'PodDisruptionBudget') {
      return [];
    }
    const pdb = readPdbFacts(object, context.document);
    const spec = getValue(context.document.root, 'spec');
    const pair = getPair(
      spec,
      pdb.maxUnavailable !== undefined ? 'maxUnavailable' : 'minAvailable',
    );
    if (!pair?.value) {
      return [];
    }
    const findings: RuleFinding[] = [];
    const configMaps = context.index.configMaps(context.namespace);
    const selected = context.index
      .workloads(context.namespace)
      .filter(
        (workload) =>
          workload.replicas !== undefined &&
          budgetSelects(pdb, workload.podLabels) &&
          workloadRuns(workload, 'zookeeper'),
      );
    // The servers of one ensemble may live in several StatefulSets (its server list says how
    // many vote); the budget then covers the pods of all of them together.
    const judged = new Set<number>();
    for (const workload of selected) {
      const replicas = workload.replicas!;
      const listed = ensembleSizeOfWorkload(workload, configMaps);
      const ensemble = listed ?? replicas;
      const members =
        listed !== undefined && listed !== replicas
          ? selected.filter((other) => ensembleSizeOfWorkload(other, configMaps) === listed)
          : [workload];
      const pods = members.reduce((sum, member) => sum + member.replicas!, 0);
      // Ensembles under 3 servers have no quorum to protect; zk-ensemble-size reports them.
      if (ensemble < 3 || (listed !== undefined && judged.has(listed))) {
        continue;
      }
      if (listed !== undefined && members.length > 1) {
        judged.add(listed);
      }
      const allowed = allowedDisruptions(pdb.maxUnavailable, pdb.minAvailable, pods);
      const tolerable = ensemble - (Math.floor(ensemble / 2) + 1);
      if (allowed === undefined || allowed <= tolerable) {
        continue;
      }
      const where = members.map(describeObject).join(' and ');
      findings.push({
        span: pair.value.span,
        message: `This budget lets ${allowed} of the ${ensemble} ZooKeeper servers of ${where} be evicted at once, but the ensemble needs ${ensemble - tolerable} up for a quorum: a node drain can stop ZooKeeper and every Kafka broker with it. Allow at most ${tolerable} (e.g. maxUnavailable: ${tolerable}).`,
        related: members.map((member) =>
          relatedTo(member, `${describeObject(member)} runs ${member.replicas!} ZooKeeper servers`),
        ),
      });
    }
    return findings;
  },
};
