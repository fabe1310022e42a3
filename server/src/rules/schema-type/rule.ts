// schema-type: a value of the wrong type for its field (a string where an integer is expected,
// a mapping where a list is expected, …). int-or-string and quantities accept both forms;
// unquoted booleans where a string is expected are left to yaml-boolean-string.
import type { ScalarNode, YamlNode } from '../../model';
import { describeType } from '../../schema/resolve';
import type { FieldType, PrimitiveType } from '../../schema/types';
import { describeNode, isYaml11Boolean, schemaWalk, subjectOf } from '../schema-walk';
import type { Rule, RuleFinding } from '../types';

export const schemaType: Rule = {
  id: 'schema-type',
  defaultSeverity: 'error',
  judges: 'fields',
  description: 'A value has the wrong type for its field (e.g. a quoted number for `replicas`).',
  check: (context) => {
    if (!context.kindInfo) {
      return [];
    }
    const findings: RuleFinding[] = [];
    for (const entry of schemaWalk(context).entries) {
      const hint = typeMismatch(entry.node, entry.resolved.type);
      if (hint === undefined) {
        continue;
      }
      const expected = describeExpected(entry.resolved.type);
      findings.push({
        span: entry.node.span,
        message: `${subjectOf(entry)} expects ${expected}, found ${describeNode(entry.node)}${hint.text}`,
        ...(hint.quoted ? { data: { quoted: hint.quoted } } : {}),
      });
    }
    return findings;
  },
};

export interface Hint {
  readonly text: string;
  readonly quoted?: string;
}

const ok = undefined;

/**
 * Undefined when the node fits the type; otherwise the end of the message (a fix, if any).
 * `any` (free-form JSON such as a CRD schema's `items` or `default`, or a field that preserves
 * unknown fields) accepts every node: scalar, list or mapping.
 */
export function typeMismatch(node: YamlNode, type: FieldType): Hint | undefined {
  if (
    node.type === 'alias' ||
    (node.type === 'scalar' && node.value === null) ||
    (type.kind === 'primitive' && type.type === 'any')
  ) {
    return ok;
  }
  switch (type.kind) {
    case 'object':
    case 'map':
      return node.type === 'map' ? ok : { text: '.' };
    case 'array':
      return node.type === 'seq'
        ? ok
        : { text: node.type === 'map' ? ': start each item with `- `.' : '.' };
    case 'primitive':
      return node.type === 'scalar' ? scalarMismatch(node, type.type) : { text: '.' };
  }
}

function scalarMismatch(node: ScalarNode, type: PrimitiveType): Hint | undefined {
  const value = node.value;
  switch (type) {
    case 'string':
    case 'byte':
    case 'date-time':
      if (typeof value === 'string' || (typeof value === 'boolean' && isYaml11Boolean(node))) {
        return ok;
      }
      return { text: `: quote it ("${node.source}").`, quoted: `"${node.source}"` };
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? ok : numberHint(node, true);
    case 'number':
      return typeof value === 'number' ? ok : numberHint(node, false);
    case 'boolean':
      // kubectl reads yes/no/on/off as booleans, so they work there even though YAML 1.2 does not.
      return typeof value === 'boolean' || isYaml11Boolean(node)
        ? ok
        : { text: ': use true or false.' };
    case 'int-or-string':
      if (typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value))) {
        return ok;
      }
      return typeof value === 'boolean' && isYaml11Boolean(node)
        ? ok
        : { text: ': use a whole number or a string such as "25%".' };
    case 'quantity':
      // The quantity grammar itself is invalid-quantity's job.
      return typeof value === 'string' || typeof value === 'number'
        ? ok
        : { text: ': use a number or a quantity such as "500m" or "1Gi".' };
    case 'any':
      return ok;
  }
}

function numberHint(node: ScalarNode, integer: boolean): Hint {
  const text = typeof node.value === 'string' ? node.value.trim() : '';
  const numeric = integer ? /^[+-]?\d+$/.test(text) : text !== '' && !Number.isNaN(Number(text));
  return { text: numeric && node.style !== 'plain' ? ': remove the quotes.' : '.' };
}

function describeExpected(type: FieldType): string {
  switch (type.kind) {
    case 'object':
      return `a mapping (${describeType(type)})`;
    case 'map':
      return 'a mapping';
    case 'array':
      return `a list (${describeType(type)})`;
    case 'primitive':
      return primitiveWords[type.type];
  }
}

const primitiveWords: Readonly<Record<PrimitiveType, string>> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  'int-or-string': 'an integer or a string',
  quantity: 'a quantity',
  'date-time': 'a date-time string',
  byte: 'a base64 string',
  any: 'any value',
};
