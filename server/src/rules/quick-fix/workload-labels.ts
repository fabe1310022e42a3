// The labels fixes use to select a workload's pods: its selector's matchLabels when that is all
// the selector says (they never change), else the pod template's labels.
import type { WorkloadFacts } from '../index-view';
import { isEmptySelector } from '../support/label-selector';
import type { Labels } from '../support/label-selector';

export function podSelectorLabels(workload: WorkloadFacts): Labels {
  const selector = workload.selector;
  if (
    selector &&
    !isEmptySelector(selector) &&
    selector.matchExpressions.length === 0 &&
    Object.entries(selector.matchLabels).every(([key, value]) => workload.podLabels[key] === value)
  ) {
    return selector.matchLabels;
  }
  return workload.podLabels;
}

/** The namespace a new object next to `workload` should state: only one the workload states. */
export function explicitNamespace(namespace: string | undefined): { namespace?: string } {
  return namespace ? { namespace } : {};
}
