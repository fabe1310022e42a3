// zk-pdb-quorum: a PodDisruptionBudget over a ZooKeeper ensemble must not let a drain take more
// servers than the ensemble can lose while keeping a majority (1 of 3, 2 of 5).
import { getPair, getValue } from '../model';
import type { Rule, RuleFinding } from './types';
import { budgetSelects, minimumKept, percentOf } from './support/disruption-budget';
import { currentObject, describeObject, relatedTo } from './support/locate';
import { readPdbFacts } from './support/object-facts';
import { workloadRuns } from './support/stateful-software';

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
    for (const workload of context.index.workloads(context.namespace)) {
      const replicas = workload.replicas;
      // Ensembles under 3 servers have no quorum to protect; zk-ensemble-size reports them.
      if (
        !replicas ||
        replicas < 3 ||
        !budgetSelects(pdb, workload.podLabels) ||
        !workloadRuns(workload, 'zookeeper')
      ) {
        continue;
      }
      const allowed = allowedDisruptions(pdb.maxUnavailable, pdb.minAvailable, replicas);
      const tolerable = replicas - (Math.floor(replicas / 2) + 1);
      if (allowed === undefined || allowed <= tolerable) {
        continue;
      }
      findings.push({
        span: pair.value.span,
        message: `This budget lets ${allowed} of the ${replicas} ZooKeeper servers of ${describeObject(workload)} be evicted at once, but the ensemble needs ${replicas - tolerable} up for a quorum: a node drain can stop ZooKeeper and every Kafka broker with it. Allow at most ${tolerable} (e.g. maxUnavailable: ${tolerable}).`,
        related: [
          relatedTo(workload, `${describeObject(workload)} runs ${replicas} ZooKeeper servers`),
        ],
      });
    }
    return findings;
  },
};
