// selector-mismatch: a controller's `spec.selector` must select its own pod template's labels,
// or the API server rejects it (apps/v1) and the controller could never find its pods.
import { getIn } from '../../model';
import type { Rule, RuleFinding } from '../types';
import {
  isEmptySelector,
  readLabelSelector,
  readLabels,
  selectorMatches,
  selectorProblems,
} from '../support/label-selector';
import type { Labels, LabelSelector, SelectorRequirement } from '../support/label-selector';
import { keySpanAt } from '../support/locate';
import { podTemplateOf } from '../support/workload';

const checkedKinds: ReadonlySet<string> = new Set([
  'StatefulSet',
  'Deployment',
  'DaemonSet',
  'ReplicaSet',
]);

export const selectorMismatch: Rule = {
  id: 'selector-mismatch',
  defaultSeverity: 'error',
  description:
    "A StatefulSet, Deployment, DaemonSet or ReplicaSet whose spec.selector does not select its pod template's labels.",
  check({ document }) {
    const template = podTemplateOf(document);
    const selectorNode = getIn(document.root, ['spec', 'selector']);
    if (!template || !checkedKinds.has(template.kind) || !selectorNode) {
      // A missing selector is a required-field error reported by schema validation.
      return [];
    }
    const span = keySpanAt(document.root, ['spec', 'selector']) ?? selectorNode.span;
    const problems = selectorProblems(selectorNode);
    if (problems.length > 0) {
      return problems.map((problem) => ({ span: problem.span, message: problem.message }));
    }
    const selector = readLabelSelector(selectorNode);
    if (!selector) {
      return [];
    }
    if (isEmptySelector(selector)) {
      return [
        {
          span,
          message: `spec.selector is empty, which the API server rejects for a ${template.kind}; select the pod template's labels with matchLabels.`,
        },
      ];
    }
    const labels = readLabels(template.labelsPair?.value);
    if (selectorMatches(selector, labels)) {
      return [];
    }
    const finding: RuleFinding = {
      span,
      message: `spec.selector does not select the pod template's labels: ${firstMismatch(selector, labels)}. The API server rejects this ${template.kind}; make spec.template.metadata.labels satisfy the selector.`,
    };
    return [finding];
  },
};

/** Names the first requirement the labels fail, for the message. */
function firstMismatch(selector: LabelSelector, labels: Labels): string {
  for (const [key, value] of Object.entries(selector.matchLabels)) {
    if (labels[key] === undefined) {
      return `the template has no label ${key} (the selector wants ${key}=${value})`;
    }
    if (labels[key] !== value) {
      return `the template's ${key} is "${labels[key]}" but the selector wants "${value}"`;
    }
  }
  const failing = selector.matchExpressions.find(
    (requirement) => !selectorMatches({ matchLabels: {}, matchExpressions: [requirement] }, labels),
  );
  return failing ? `the template's labels fail "${describeRequirement(failing)}"` : 'no match';
}

export function describeRequirement(requirement: SelectorRequirement): string {
  const values = requirement.values.length > 0 ? ` (${requirement.values.join(', ')})` : '';
  return `${requirement.key} ${requirement.operator}${values}`;
}
