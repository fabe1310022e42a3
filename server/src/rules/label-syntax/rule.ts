// label-syntax: label keys and values (in metadata.labels and selector matchLabels) that the
// API server rejects: the prefix must be a DNS subdomain, names and values at most 63 characters.
// Only where the schema says a label map is: never a key of the same name in a CRD's schema.
import type { PairNode } from '../../model';
import { scalarText } from '../../model';
import type { ResolvedNode } from '../../schema/resolve';
import { schemaWalk } from '../schema-walk';
import type { Rule, RuleFinding } from '../types';

const nameCharset = /^[a-zA-Z0-9]([-_.a-zA-Z0-9]*[a-zA-Z0-9])?$/;
const dnsSubdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Why a label key is invalid, or undefined when it is valid. */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.indexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined) {
    if (prefix.length === 0) {
      return 'the prefix before `/` is empty';
    }
    if (prefix.length > 253) {
      return `the prefix has ${prefix.length} characters, more than 253`;
    }
    if (!dnsSubdomain.test(prefix)) {
      return `the prefix \`${prefix}\` is not a DNS subdomain (lowercase letters, digits, \`-\` and \`.\`)`;
    }
  }
  return nameProblem(name, 'name');
}

/** Why a label value is invalid, or undefined when it is valid (the empty value is allowed). */
export function labelValueProblem(value: string): string | undefined {
  return value === '' ? undefined : nameProblem(value, 'value');
}

function nameProblem(text: string, what: 'name' | 'value'): string | undefined {
  if (text.length === 0) {
    return `the ${what} is empty`;
  }
  if (text.length > 63) {
    return `the ${what} has ${text.length} characters, more than 63`;
  }
  if (!nameCharset.test(text)) {
    return `the ${what} must start and end with a letter or digit and contain only letters, digits, \`-\`, \`_\` and \`.\``;
  }
  return undefined;
}

/**
 * A label map is the `labels` field of object metadata or the `matchLabels` field of a label
 * selector, as the schema resolves them; a mapping key that merely has the same name (a CRD
 * schema property, a ConfigMap's data) is not one.
 */
function isLabelMap(resolved: ResolvedNode): boolean {
  const field = resolved.field?.name;
  const parent = resolved.parent?.name;
  return (
    resolved.via === 'field' &&
    ((field === 'labels' && parent === 'V1ObjectMeta') ||
      (field === 'matchLabels' && parent === 'V1LabelSelector'))
  );
}

export const labelSyntax: Rule = {
  id: 'label-syntax',
  defaultSeverity: 'error',
  judges: 'fields',
  description: 'A label key or value that the API server rejects (length or characters).',
  noQuickFix:
    "the valid spelling of a label is the author's choice, and selectors elsewhere may use it",
  check(context) {
    const findings: RuleFinding[] = [];
    for (const { node, resolved } of schemaWalk(context).entries) {
      if (node.type === 'map' && isLabelMap(resolved)) {
        for (const pair of node.pairs) {
          findings.push(...checkPair(pair));
        }
      }
    }
    return findings;
  },
};

function checkPair(pair: PairNode): RuleFinding[] {
  const findings: RuleFinding[] = [];
  if (pair.key !== null) {
    const problem = labelKeyProblem(pair.key);
    if (problem) {
      findings.push({
        span: pair.keySpan,
        message: `Invalid label key \`${pair.key}\`: ${problem}. The API server rejects the object; rename the key.`,
      });
    }
  }
  const value = pair.value ? scalarText(pair.value) : '';
  const problem = value === undefined ? undefined : labelValueProblem(value);
  if (problem && pair.value) {
    findings.push({
      span: pair.value.span,
      message: `Invalid label value \`${value}\`: ${problem}. The API server rejects the object; change the value (quote it if it is meant as text).`,
    });
  }
  return findings;
}
