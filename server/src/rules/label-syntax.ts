// label-syntax: label keys and values (in metadata.labels and selector matchLabels) that the
// API server rejects: the prefix must be a DNS subdomain, names and values at most 63 characters.
import type { PairNode } from '../model';
import { scalarText, walk } from '../model';
import type { Rule, RuleFinding } from './types';

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

/** Label maps live under `…metadata.labels` and `…matchLabels` anywhere in an object. */
function isLabelMap(path: readonly (string | number)[]): boolean {
  const last = path[path.length - 1];
  return (last === 'labels' && path[path.length - 2] === 'metadata') || last === 'matchLabels';
}

export const labelSyntax: Rule = {
  id: 'label-syntax',
  defaultSeverity: 'error',
  judges: 'fields',
  description: 'A label key or value that the API server rejects (length or characters).',
  check({ document }) {
    const findings: RuleFinding[] = [];
    walk(document.root, (node, path) => {
      if (node.type !== 'map' || !isLabelMap(path)) {
        return;
      }
      for (const pair of node.pairs) {
        findings.push(...checkPair(pair));
      }
    });
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
