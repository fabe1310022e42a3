// Which pods a Service or PodDisruptionBudget selects, beyond the labels written in pod
// templates: labels the controllers add to every pod (a StatefulSet pod's name and index, the
// revision hashes), labels a pod's own start script adds with `kubectl label`, and the pod labels
// of custom resources whose operator creates the pods. Shared by service- and pdb-selects-nothing.
import type { ConfigMapFacts, CustomResourceFacts, WorkloadFacts } from '../index-view';
import type { LabelSelector, Labels } from './label-selector';
import { selectorMatches } from './label-selector';

/** Labels the controllers add to every pod; templates never carry them. */
export const controllerLabelKeys: ReadonlySet<string> = new Set([
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'controller-revision-hash',
  'pod-template-hash',
]);

/** What a selector does to the pods of one workload. */
export type WorkloadSelection =
  | { readonly kind: 'selects' }
  /** It names a pod of the StatefulSet that does not exist (`web-3` of 3 replicas). */
  | { readonly kind: 'ordinal-out-of-range'; readonly ordinal: number; readonly replicas: number }
  | { readonly kind: 'none' };

/**
 * The selector's wanted values per key: `matchLabels`, and `In` expressions with one value.
 * Remembered per selector: rules match one selector against every workload of a namespace.
 */
function wantedValues(selector: LabelSelector): ReadonlyMap<string, string> {
  let wanted = wantedBySelector.get(selector);
  if (!wanted) {
    wanted = new Map(Object.entries(selector.matchLabels));
    for (const requirement of selector.matchExpressions) {
      if (requirement.operator === 'In' && requirement.values.length === 1) {
        wanted.set(requirement.key, requirement.values[0]!);
      }
    }
    wantedBySelector.set(selector, wanted);
  }
  return wanted;
}

const wantedBySelector = new WeakMap<LabelSelector, Map<string, string>>();
const hasOwn = (labels: Labels, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(labels, key);

/**
 * The text of the pod's start scripts (commands and mounted ConfigMap scripts), where a
 * `kubectl label pod` adds labels at run time (Yolean/kubernetes-kafka's `kafka-broker-id`).
 */
function runtimeLabelScripts(
  workload: WorkloadFacts,
  configMaps: readonly ConfigMapFacts[],
): string {
  const mounted = new Set(workload.configMapVolumes ?? []);
  return [
    ...workload.containers.map((container) => container.commandText ?? ''),
    ...configMaps
      .filter((configMap) => mounted.has(configMap.name))
      .flatMap((configMap) => configMap.files.map((file) => file.text)),
  ].join('\n');
}

function labelledAtRunTime(scripts: string, key: string): boolean {
  return /\bkubectl\b[^\n]*\blabel\b/.test(scripts) && scripts.includes(`${key}=`);
}

const none: WorkloadSelection = { kind: 'none' };

/** Ordinal of a StatefulSet pod name `<name>-<n>`, or undefined. */
function ordinalOf(podName: string, statefulSet: string): number | undefined {
  const match = /^(.*)-(\d+)$/.exec(podName);
  return match && match[1] === statefulSet ? Number(match[2]) : undefined;
}

/**
 * Whether `selector` selects pods of `workload` once the labels its pods get at run time are
 * added: the controllers' labels (checked against the StatefulSet's name and replicas) and the
 * labels a start script adds with `kubectl label`.
 */
export function selectionOf(
  selector: LabelSelector,
  workload: WorkloadFacts,
  configMaps: readonly ConfigMapFacts[],
): WorkloadSelection {
  const wanted = wantedValues(selector);
  // Each wanted value is required on its own, and the labels added below never replace one the
  // template has: a template label with another value rules the workload out. That is the usual
  // answer (other apps of the namespace), found without copying the labels.
  for (const [key, value] of wanted) {
    if (hasOwn(workload.podLabels, key) && workload.podLabels[key] !== value) {
      return none;
    }
  }
  const labels: Record<string, string> = { ...workload.podLabels };
  let outOfRange: WorkloadSelection | undefined;
  const replicas = workload.replicas ?? 1;
  let scripts: string | undefined;
  for (const [key, value] of wanted) {
    if (hasOwn(labels, key)) {
      continue;
    }
    if (key === 'statefulset.kubernetes.io/pod-name' && workload.kind === 'StatefulSet') {
      const ordinal = ordinalOf(value, workload.name);
      if (ordinal === undefined) {
        continue;
      }
      labels[key] = value;
      if (ordinal >= replicas && workload.replicas !== undefined) {
        outOfRange = { kind: 'ordinal-out-of-range', ordinal, replicas };
      }
    } else if (key === 'apps.kubernetes.io/pod-index' && workload.kind === 'StatefulSet') {
      if (!/^\d+$/.test(value)) {
        continue;
      }
      labels[key] = value;
      if (Number(value) >= replicas && workload.replicas !== undefined) {
        outOfRange = { kind: 'ordinal-out-of-range', ordinal: Number(value), replicas };
      }
    } else if (
      (key === 'controller-revision-hash' &&
        (workload.kind === 'StatefulSet' || workload.kind === 'DaemonSet')) ||
      (key === 'pod-template-hash' &&
        (workload.kind === 'Deployment' || workload.kind === 'ReplicaSet'))
    ) {
      labels[key] = value;
    } else {
      scripts ??= runtimeLabelScripts(workload, configMaps);
      if (labelledAtRunTime(scripts, key)) {
        labels[key] = value;
      }
    }
  }
  if (!selectorMatches(selector, labels)) {
    return none;
  }
  return outOfRange ?? { kind: 'selects' };
}

/** The custom resources whose operator-created pods carry labels the selector matches. */
export function customResourcesSelected(
  selector: LabelSelector,
  customResources: readonly CustomResourceFacts[],
): CustomResourceFacts[] {
  return customResources.filter((resource) =>
    resource.podLabelSets.some((labels: Labels) => selectorMatches(selector, labels)),
  );
}
