// pdb-blocks-eviction: a PodDisruptionBudget that allows no voluntary eviction at all makes node
// drains and cluster upgrades hang: maxUnavailable 0, minAvailable 100%, or minAvailable at or
// above the replica count of a workload it selects.
import { getPair, getValue } from '../../model';
import type { Rule, RuleFinding } from '../types';
import { budgetSelects, minimumKept, percentOf } from '../support/disruption-budget';
import { currentObject, describeObject, relatedTo } from '../support/locate';
import { readPdbFacts } from '../support/object-facts';

const advice =
  'Node drains and cluster upgrades will wait forever; allow at least one disruption (e.g. maxUnavailable: 1).';

export const pdbBlocksEviction: Rule = {
  id: 'pdb-blocks-eviction',
  defaultSeverity: 'warning',
  description:
    'A PodDisruptionBudget that never allows an eviction: maxUnavailable 0, minAvailable 100%, or minAvailable at least the replicas it selects.',
  noQuickFix:
    "the right budget depends on the workload's quorum or capacity, which the rule cannot know",
  check(context) {
    const object = currentObject(context);
    if (!object || object.kind !== 'PodDisruptionBudget') {
      return [];
    }
    const pdb = readPdbFacts(object, context.document);
    const spec = getValue(context.document.root, 'spec');
    const maxPair = getPair(spec, 'maxUnavailable');
    const minPair = getPair(spec, 'minAvailable');
    const findings: RuleFinding[] = [];
    if (maxPair?.value && (pdb.maxUnavailable === 0 || percentOf(pdb.maxUnavailable) === 0)) {
      findings.push({
        span: maxPair.value.span,
        message: `maxUnavailable ${String(pdb.maxUnavailable)} allows no pod to be evicted. ${advice}`,
      });
    }
    if (!minPair?.value || pdb.minAvailable === undefined) {
      return findings;
    }
    if (percentOf(pdb.minAvailable) === 100) {
      findings.push({
        span: minPair.value.span,
        message: `minAvailable 100% allows no pod to be evicted. ${advice}`,
      });
      return findings;
    }
    const minAvailable = pdb.minAvailable;
    const blocked = context.index.workloads(context.namespace).flatMap((workload) => {
      if (workload.replicas === undefined || !budgetSelects(pdb, workload.podLabels)) {
        return [];
      }
      const kept = minimumKept(minAvailable, workload.replicas);
      return kept !== undefined && kept >= workload.replicas ? [{ workload, kept }] : [];
    });
    const [first] = blocked;
    if (first) {
      // One finding per budget, naming the first workload it blocks and relating all of them.
      const { workload, kept } = first;
      const others = blocked.length > 1 ? ` (and ${blocked.length - 1} more workloads)` : '';
      findings.push({
        span: minPair.value.span,
        message: `minAvailable ${String(minAvailable)} requires ${kept} available pod${kept === 1 ? '' : 's'}, but ${describeObject(workload)} has ${workload.replicas === 1 ? 'only 1 replica' : `${workload.replicas} replicas`}${others}, so none of its pods can be evicted. ${advice}`,
        related: blocked.map(({ workload: each }) =>
          relatedTo(each, `${describeObject(each)} has ${each.replicas} replicas`),
        ),
      });
    }
    return findings;
  },
};
