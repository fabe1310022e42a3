// schema-required: a mapping lacks a field its type requires (a StatefulSet spec without
// `selector`, a container without `name`). One finding per incomplete mapping, on the key that
// introduces it; for a list item (which has no key) on the item's first key; for the document
// root on the `kind` value. Mappings filled by a merge key (`<<`) and server-owned parts are skipped.
import { getPair } from '../../model';
import type { MapNode, Span } from '../../model';
import { fieldsOf, typeDisplayName } from '../../schema/resolve';
import { hasMergeKey, schemaWalk } from '../schema-walk';
import type { SchemaEntry } from '../schema-walk';
import type { Rule, RuleFinding } from '../types';

export const schemaRequired: Rule = {
  id: 'schema-required',
  defaultSeverity: 'error',
  description: 'A required field is missing (e.g. `selector` in a StatefulSet spec).',
  noQuickFix: 'the missing value (a selector, a container, an image) cannot be guessed',
  check: (context) => {
    if (!context.kindInfo) {
      return [];
    }
    const findings: RuleFinding[] = [];
    for (const entry of schemaWalk(context).entries) {
      const object = entry.resolved.object;
      if (entry.node.type !== 'map' || !object || entry.readOnly || hasMergeKey(entry.node)) {
        continue;
      }
      const present = new Set(entry.node.pairs.map((pair) => pair.key));
      const missing = fieldsOf(context.schema, object)
        .filter((field) => field.required && !present.has(field.name))
        .map((field) => field.name);
      if (missing.length === 0) {
        continue;
      }
      const list = missing.map((name) => `\`${name}\``).join(', ');
      findings.push({
        span: anchorOf(entry, entry.node),
        message: `${typeDisplayName(object.name)} is missing required field${missing.length > 1 ? 's' : ''} ${list}: add ${missing.length > 1 ? 'them' : 'it'}.`,
        data: { missing },
      });
    }
    return findings;
  },
};

function anchorOf(entry: SchemaEntry, node: MapNode): Span {
  if (entry.pair) {
    return entry.pair.keySpan;
  }
  if (entry.path.length === 0) {
    return getPair(node, 'kind')?.value?.span ?? node.span;
  }
  return node.pairs[0]?.keySpan ?? node.span;
}
