// schema-constraint: a value outside the limits a CRD schema states (`minimum`, `maximum`,
// `minLength`, `maxLength`, `pattern`); the API server validates them and rejects the object.
// Built-in kinds carry no such limits in our schema, so this fires on custom resources only.
import type { ScalarNode } from '../../model';
import { asScalar } from '../../model';
import type { FieldConstraints } from '../../schema/types';
import { schemaWalk, subjectOf } from '../schema-walk';
import type { Rule, RuleFinding } from '../types';

export const schemaConstraint: Rule = {
  id: 'schema-constraint',
  defaultSeverity: 'error',
  description:
    'A value outside the minimum, maximum, length or pattern its CustomResourceDefinition allows.',
  noQuickFix: "the right value within the CRD's limits depends on what the resource is for",
  check: (context) => {
    if (!context.kindInfo?.custom) {
      return [];
    }
    const findings: RuleFinding[] = [];
    for (const entry of schemaWalk(context).entries) {
      const constraints = entry.resolved.field?.constraints;
      const scalar = asScalar(entry.node);
      if (!constraints || !scalar || entry.resolved.via !== 'field' || entry.readOnly) {
        continue;
      }
      const problem = violation(scalar, constraints);
      if (problem) {
        findings.push({ span: scalar.span, message: `${subjectOf(entry)} ${problem}.` });
      }
    }
    return findings;
  },
};

const patterns = new Map<string, RegExp | null>();

/** The pattern as a JavaScript RegExp; null when it uses syntax JavaScript reads differently. */
function compile(pattern: string): RegExp | null {
  let regexp = patterns.get(pattern);
  if (regexp === undefined) {
    try {
      regexp = new RegExp(pattern, 'u');
    } catch {
      regexp = null;
    }
    patterns.set(pattern, regexp);
  }
  return regexp;
}

function violation(node: ScalarNode, limits: FieldConstraints): string | undefined {
  const value = node.value;
  if (typeof value === 'number') {
    if (limits.minimum !== undefined && value < limits.minimum) {
      return `must be at least ${limits.minimum}, not ${value}`;
    }
    if (limits.maximum !== undefined && value > limits.maximum) {
      return `must be at most ${limits.maximum}, not ${value}`;
    }
    return undefined;
  }
  if (typeof value !== 'string') {
    return undefined;
  }
  // Length is counted in characters (code points), as the API server does.
  const length = [...value].length;
  if (limits.maxLength !== undefined && length > limits.maxLength) {
    return `may have at most ${limits.maxLength} characters, not ${length}`;
  }
  if (limits.minLength !== undefined && length < limits.minLength) {
    return `needs at least ${limits.minLength} characters, not ${length}`;
  }
  const regexp = limits.pattern === undefined ? null : compile(limits.pattern);
  if (regexp && !regexp.test(value)) {
    return `must match the pattern \`${limits.pattern}\``;
  }
  return undefined;
}
