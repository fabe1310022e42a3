// How a PodDisruptionBudget selects pods and how many it lets go, shared by the pdb-* rules.
import type { PdbFacts } from '../index-view';
import type { Labels } from './label-selector';
import { isEmptySelector, selectorMatches } from './label-selector';

/**
 * Whether the budget covers pods with these labels. A missing selector covers nothing; an empty
 * one covers every pod of the namespace in policy/v1 but nothing in policy/v1beta1.
 */
export function budgetSelects(pdb: PdbFacts, labels: Labels): boolean {
  if (!pdb.selector) {
    return false;
  }
  if (isEmptySelector(pdb.selector)) {
    return pdb.apiVersion !== 'policy/v1beta1';
  }
  return selectorMatches(pdb.selector, labels);
}

/** A percentage such as `50%` as a number, or undefined for anything else. */
export function percentOf(value: number | string | undefined): number | undefined {
  const match = typeof value === 'string' ? /^(\d+)%$/.exec(value.trim()) : null;
  return match ? Number(match[1]) : undefined;
}

/**
 * The number of pods `minAvailable` keeps for a workload of `replicas` (percentages round up,
 * as the eviction API does), or undefined when the value cannot be read.
 */
export function minimumKept(minAvailable: number | string, replicas: number): number | undefined {
  if (typeof minAvailable === 'number') {
    return minAvailable;
  }
  const percent = percentOf(minAvailable);
  return percent === undefined ? undefined : Math.ceil((percent * replicas) / 100);
}
