// The one label-selector implementation: reads a selector node (matchLabels + matchExpressions)
// into plain data and matches it against a label map, with the API server's semantics.
import { asMap, getPair, getValue, scalarText, seqItems, stringMap } from '../../model';
import type { Span, YamlNode } from '../../model';

/** A label map such as `metadata.labels` or a Service's `spec.selector`. */
export type Labels = Readonly<Record<string, string>>;

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface SelectorRequirement {
  readonly key: string;
  /** As written; anything but the four known operators makes the selector invalid. */
  readonly operator: string;
  readonly values: readonly string[];
}

/** A `metav1.LabelSelector` as plain data. */
export interface LabelSelector {
  readonly matchLabels: Labels;
  readonly matchExpressions: readonly SelectorRequirement[];
}

/** Why a selector is rejected by the API server, with the span of the offending part. */
export interface SelectorProblem {
  readonly span: Span;
  readonly message: string;
}

const operators: ReadonlySet<string> = new Set<SelectorOperator>([
  'In',
  'NotIn',
  'Exists',
  'DoesNotExist',
]);

/** The scalar entries of a mapping as a label record. */
export function readLabels(node: YamlNode | null | undefined): Labels {
  return Object.fromEntries(stringMap(node));
}

/**
 * Reads a `LabelSelector` node. Returns undefined when the node is not a mapping (a missing
 * selector); `{}` reads as an empty selector, which selects everything.
 */
export function readLabelSelector(node: YamlNode | null | undefined): LabelSelector | undefined {
  const map = asMap(node);
  if (!map) {
    return undefined;
  }
  const matchExpressions = seqItems(getValue(map, 'matchExpressions')).map(readRequirement);
  return { matchLabels: readLabels(getValue(map, 'matchLabels')), matchExpressions };
}

function readRequirement(item: YamlNode): SelectorRequirement {
  return {
    key: scalarText(getValue(item, 'key')) ?? '',
    operator: scalarText(getValue(item, 'operator')) ?? '',
    values: seqItems(getValue(item, 'values'))
      .map((value) => scalarText(value))
      .filter((value): value is string => value !== undefined),
  };
}

/** A selector that matches exactly these labels, as a Service's or ReplicationController's does. */
export function selectorFromLabels(labels: Labels): LabelSelector {
  return { matchLabels: labels, matchExpressions: [] };
}

/** True when the selector has no requirement at all (it selects every pod). */
export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}

/** True when the API server would accept the selector's operators and value lists. */
export function isValidSelector(selector: LabelSelector): boolean {
  return selector.matchExpressions.every(
    (requirement) => requirementProblem(requirement) === undefined,
  );
}

/** Problems in a selector node's `matchExpressions`, for rules that report them in place. */
export function selectorProblems(node: YamlNode | null | undefined): SelectorProblem[] {
  const problems: SelectorProblem[] = [];
  for (const item of seqItems(getValue(node, 'matchExpressions'))) {
    const message = requirementProblem(readRequirement(item));
    if (message) {
      const pair = getPair(item, 'operator') ?? getPair(item, 'values');
      problems.push({ span: pair?.span ?? item.span, message });
    }
  }
  return problems;
}

/** Whether the selector selects a pod with these labels. An invalid selector selects nothing. */
export function selectorMatches(selector: LabelSelector, labels: Labels): boolean {
  // Rules match each selector against every workload of a namespace: no array per call.
  const matchLabels = selector.matchLabels;
  for (const key in matchLabels) {
    if (
      Object.prototype.hasOwnProperty.call(matchLabels, key) &&
      labels[key] !== matchLabels[key]
    ) {
      return false;
    }
  }
  return selector.matchExpressions.every((requirement) => requirementMatches(requirement, labels));
}

/** Whether a Service-style selector map (every pair must match) selects these labels. */
export function labelsMatch(selector: Labels, labels: Labels): boolean {
  return selectorMatches(selectorFromLabels(selector), labels);
}

function requirementMatches(requirement: SelectorRequirement, labels: Labels): boolean {
  if (requirementProblem(requirement) !== undefined) {
    return false;
  }
  const has = Object.prototype.hasOwnProperty.call(labels, requirement.key);
  switch (requirement.operator as SelectorOperator) {
    case 'In':
      return has && requirement.values.includes(labels[requirement.key]!);
    case 'NotIn':
      // As in the API server, a pod without the key satisfies NotIn.
      return !has || !requirement.values.includes(labels[requirement.key]!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

function requirementProblem(requirement: SelectorRequirement): string | undefined {
  if (!operators.has(requirement.operator)) {
    return `"${requirement.operator}" is not a selector operator; use In, NotIn, Exists or DoesNotExist.`;
  }
  const needsValues = requirement.operator === 'In' || requirement.operator === 'NotIn';
  if (needsValues && requirement.values.length === 0) {
    return `The ${requirement.operator} operator needs a non-empty values list.`;
  }
  if (!needsValues && requirement.values.length > 0) {
    return `The ${requirement.operator} operator takes no values; remove the values list.`;
  }
  return undefined;
}

/** `key=value, …` for messages; `none` for an empty map. */
export function formatLabels(labels: Labels): string {
  const pairs = Object.entries(labels).map(([key, value]) => `${key}=${value}`);
  return pairs.length > 0 ? pairs.join(', ') : 'none';
}
