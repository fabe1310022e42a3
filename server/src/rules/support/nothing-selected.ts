// The shared verdict of service-selects-nothing and pdb-selects-nothing: does a selector select
// pods of this workspace (workloads, with the labels pods get at run time, or operator-created
// pods of custom resources), nearly select some workload (a likely typo), or select pods the
// workspace cannot see (an operator's, another repository's)?
import type { IndexView, WorkloadFacts } from '../index-view';
import type { LabelSelector } from './label-selector';
import { suggestField } from '../schema-unknown-field/rule';
import { describeObject } from './locate';
import { controllerLabelKeys, customResourcesSelected, selectionOf } from './pod-selection';

export type SelectionVerdict =
  | { readonly kind: 'selected' }
  | {
      readonly kind: 'ordinal-out-of-range';
      readonly workload: WorkloadFacts;
      readonly ordinal: number;
      readonly replicas: number;
    }
  /** Workloads that match part of the selector: the selector or the labels likely have a typo. */
  | { readonly kind: 'near'; readonly workloads: readonly WorkloadFacts[] }
  /** Workloads of other namespaces match: a Service or budget only selects its own namespace's pods. */
  | { readonly kind: 'elsewhere'; readonly workloads: readonly WorkloadFacts[] }
  /** Nothing here matches, and the pods may come from elsewhere; `note` says why to think so. */
  | { readonly kind: 'unseen'; readonly note: string };

export function nothingSelected(
  selector: LabelSelector,
  index: IndexView,
  namespace: string,
): SelectionVerdict {
  const workloads = index.workloads(namespace);
  const configMaps = index.configMaps(namespace);
  let outOfRange: SelectionVerdict | undefined;
  for (const workload of workloads) {
    const selection = selectionOf(selector, workload, configMaps);
    if (selection.kind === 'selects') {
      return { kind: 'selected' };
    }
    if (selection.kind === 'ordinal-out-of-range') {
      outOfRange ??= {
        kind: 'ordinal-out-of-range',
        workload,
        ordinal: selection.ordinal,
        replicas: selection.replicas,
      };
    }
  }
  if (outOfRange) {
    return outOfRange;
  }
  const customResources = index.customResources(namespace);
  if (customResourcesSelected(selector, customResources).length > 0) {
    return { kind: 'selected' };
  }
  // Workloads that satisfy part of the selector are the likely intended targets; the labels
  // the controllers add do not count as a shared part.
  const pairs = Object.entries(selector.matchLabels).filter(
    ([key]) => !controllerLabelKeys.has(key),
  );
  // A value one typo away from a workload's (`zookeper` for `zookeeper`) counts too.
  const near = workloads.filter((workload) =>
    pairs.some(([key, value]) => {
      const actual = workload.podLabels[key];
      return actual !== undefined && (actual === value || suggestField(value, [actual]) === actual);
    }),
  );
  if (near.length > 0 && customResources.length === 0) {
    return { kind: 'near', workloads: near };
  }
  const elsewhere = index
    .workloads()
    .filter(
      (workload) =>
        workload.namespace !== namespace && selectionOf(selector, workload, []).kind !== 'none',
    );
  if (elsewhere.length > 0) {
    return { kind: 'elsewhere', workloads: elsewhere };
  }
  const shown = customResources.slice(0, 3).map(describeObject).join(', ');
  const more = customResources.length > 3 ? ` and ${customResources.length - 3} more` : '';
  return {
    kind: 'unseen',
    note:
      customResources.length > 0
        ? `This namespace holds custom resources (${shown}${more}) whose operator may create them.`
        : '',
  };
}
