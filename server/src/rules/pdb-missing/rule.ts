// pdb-missing: a replicated StatefulSet or Deployment that no PodDisruptionBudget protects can
// lose every pod at once in a node drain. Matching budgets in other namespaces are related.
import type { Rule } from '../types';
import { budgetSelects } from '../support/disruption-budget';
import {
  currentWorkload,
  describeObject,
  namesOfNamespaces,
  objectSpan,
  relatedTo,
} from '../support/locate';

const checkedKinds: ReadonlySet<string> = new Set(['StatefulSet', 'Deployment']);

export const pdbMissing: Rule = {
  id: 'pdb-missing',
  defaultSeverity: 'warning',
  description:
    'A StatefulSet or Deployment with 2 or more replicas that no PodDisruptionBudget in its namespace selects.',
  check(context) {
    const workload = currentWorkload(context);
    if (
      !workload ||
      !checkedKinds.has(workload.kind) ||
      (workload.replicas ?? 0) < 2 ||
      !context.index.isComplete()
    ) {
      return [];
    }
    // The workload's own namespace first: most workloads are covered there, and matching every
    // budget of the workspace against every workload made large files quadratic.
    const own = context.index.podDisruptionBudgets(context.namespace);
    if (own.some((pdb) => budgetSelects(pdb, workload.podLabels))) {
      return [];
    }
    const elsewhere = context.index
      .podDisruptionBudgets()
      .filter(
        (pdb) => pdb.namespace !== context.namespace && budgetSelects(pdb, workload.podLabels),
      );
    const hint =
      elsewhere.length > 0
        ? ` A matching budget exists in namespace ${namesOfNamespaces(elsewhere)}, but budgets only cover pods of their own namespace.`
        : '';
    return [
      {
        span: objectSpan(context.document),
        message: `${describeObject(workload)} runs ${workload.replicas} replicas but no PodDisruptionBudget in namespace "${context.namespace}" selects its pods, so a node drain can evict them all at once.${hint} Add a PodDisruptionBudget (e.g. maxUnavailable: 1) whose selector matches the pod labels.`,
        related: elsewhere.map((pdb) =>
          relatedTo(pdb, `${describeObject(pdb)} in namespace "${pdb.namespace}"`),
        ),
      },
    ];
  },
};
