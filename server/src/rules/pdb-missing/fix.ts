// The quick fix of pdb-missing, moved out of the availability fixers; pure: plain edits, no LSP.
import { explicitNamespaceOf } from '../support/object-facts';
import { currentWorkload } from '../support/locate';
import { insertDocumentAfter } from '../quick-fix/edits';
import type { Fixer } from '../quick-fix/types';
import { quickFix } from '../quick-fix/types';
import { explicitNamespace, podSelectorLabels } from '../quick-fix/workload-labels';
import type { PlainMap } from '../quick-fix/yaml-text';

export const fix: Fixer = (finding, context) => {
  const workload = currentWorkload(context);
  if (!workload) {
    return [];
  }
  const labels = podSelectorLabels(workload);
  if (Object.keys(labels).length === 0) {
    return [];
  }
  const taken = new Set(
    context.index.podDisruptionBudgets(context.namespace).map((pdb) => pdb.name),
  );
  let name = `${workload.name}-pdb`;
  for (let n = 2; taken.has(name); n++) {
    name = `${workload.name}-pdb-${n}`;
  }
  const budget: PlainMap = {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name, ...explicitNamespace(explicitNamespaceOf(context.document)) },
    spec: { maxUnavailable: 1, selector: { matchLabels: labels } },
  };
  return quickFix(
    finding,
    `Add PodDisruptionBudget "${name}" (maxUnavailable: 1) for these pods`,
    [insertDocumentAfter(context, context.document, budget)],
    true,
  );
};
