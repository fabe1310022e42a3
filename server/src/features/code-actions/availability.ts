// Quick fixes of the availability rules: add a PodDisruptionBudget for a workload, keep one of a
// budget's two policies, add a preferred podAntiAffinity over nodes, make an anti-affinity
// term select the pod's own labels.
import { asMap, asSeq, getPair, getValue } from '../../model';
import { explicitNamespaceOf } from '../../rules/support/object-facts';
import { currentWorkload } from '../../rules/support/locate';
import { antiAffinityTerms } from '../../rules/support/spreading';
import { podTemplateOf } from '../../rules/support/workload';
import {
  appendToSeq,
  insertDocumentAfter,
  insertPairs,
  removePair,
  replacePairValue,
  setIn,
} from './edits';
import type { Fixer } from './types';
import { quickFix } from './types';
import { explicitNamespace, podSelectorLabels } from './workload-labels';
import type { PlainMap } from './yaml-text';

const addBudget: Fixer = (finding, context) => {
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

const fixBudgetPolicy: Fixer = (finding, context) => {
  const root = asMap(context.document.root);
  const spec = asMap(getValue(root, 'spec'));
  const min = getPair(spec, 'minAvailable');
  const max = getPair(spec, 'maxUnavailable');
  if (!root || !spec) {
    return [];
  }
  if (min && max) {
    return [
      ...quickFix(
        finding,
        'Keep maxUnavailable (remove minAvailable)',
        [removePair(context, spec, min)],
        true,
      ),
      ...quickFix(finding, 'Keep minAvailable (remove maxUnavailable)', [
        removePair(context, spec, max),
      ]),
    ];
  }
  if (!min && !max) {
    return quickFix(
      finding,
      'Set maxUnavailable: 1',
      [setIn(context, root, ['spec', 'maxUnavailable'], 1)],
      true,
    );
  }
  return [];
};

const hostnameKey = 'kubernetes.io/hostname';

const addAntiAffinity: Fixer = (finding, context) => {
  const template = podTemplateOf(context.document);
  const workload = currentWorkload(context);
  const spec = asMap(template?.spec);
  if (!template || !workload || !spec) {
    return [];
  }
  const labels = podSelectorLabels(workload);
  if (Object.keys(labels).length === 0) {
    return [];
  }
  const term: PlainMap = {
    weight: 100,
    podAffinityTerm: { labelSelector: { matchLabels: labels }, topologyKey: hostnameKey },
  };
  const path = ['affinity', 'podAntiAffinity', 'preferredDuringSchedulingIgnoredDuringExecution'];
  const existing = asSeq(getValue(getValue(getValue(spec, path[0]!), path[1]!), path[2]!));
  const edit = existing ? appendToSeq(context, existing, term) : setIn(context, spec, path, [term]);
  return quickFix(finding, `Add a preferred podAntiAffinity on ${hostnameKey}`, [edit], true);
};

const fixAntiAffinitySelector: Fixer = (finding, context) => {
  const template = podTemplateOf(context.document);
  const term = template
    ? antiAffinityTerms(template).find(
        (candidate) =>
          candidate.node.span[0] <= finding.span[0] && finding.span[1] <= candidate.node.span[1],
      )
    : undefined;
  const termMap = asMap(term?.node);
  const workload = currentWorkload(context);
  if (!termMap || !workload) {
    return [];
  }
  const namespaces = getPair(termMap, 'namespaces');
  if (namespaces && namespaces.keySpan[0] === finding.span[0]) {
    return quickFix(
      finding,
      `Remove the namespaces list (look in the pod's own namespace)`,
      [removePair(context, termMap, namespaces)],
      true,
    );
  }
  const labels = podSelectorLabels(workload);
  if (Object.keys(labels).length === 0) {
    return [];
  }
  const selectorPair = getPair(termMap, 'labelSelector');
  const selector = { matchLabels: labels };
  const edit = selectorPair
    ? replacePairValue(context, selectorPair, selector)
    : insertPairs(context, termMap, { labelSelector: selector });
  return quickFix(finding, "Make the labelSelector select the pod's own labels", [edit], true);
};

export const availabilityFixers: Readonly<Record<string, Fixer>> = {
  'pdb-missing': addBudget,
  'pdb-policy': fixBudgetPolicy,
  'anti-affinity-missing': addAntiAffinity,
  'anti-affinity-selector-mismatch': fixAntiAffinitySelector,
};
