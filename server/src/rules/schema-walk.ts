// One schema-aware pass over a document, shared by the schema rules: every value node with the
// schema resolved at it, and every key the schema does not know. Computed once per document
// model (models are immutable) and cached, so five rules cost one walk.
import type { DocumentModel, MapNode, PairNode, PathSegment, YamlNode } from '../model';
import { resolvePath, step } from '../schema/resolve';
import type { ResolvedNode } from '../schema/resolve';
import type { ObjectSchema, Schema } from '../schema/types';
import type { RuleContext } from './types';

/** A value node the schema describes. */
export interface SchemaEntry {
  readonly node: YamlNode;
  readonly path: readonly PathSegment[];
  /** The pair whose value this node is; undefined for sequence items and the root. */
  readonly pair: PairNode | undefined;
  readonly resolved: ResolvedNode;
  /** True inside a server-owned field (`status`, read-only metadata). */
  readonly readOnly: boolean;
}

/** A key that is not a field of the object its mapping stands for. */
export interface UnknownKey {
  readonly pair: PairNode & { readonly key: string };
  readonly object: ObjectSchema;
  readonly path: readonly PathSegment[];
}

export interface SchemaWalk {
  readonly entries: readonly SchemaEntry[];
  readonly unknownKeys: readonly UnknownKey[];
}

/** The merge key (`<<: *base`): its fields come from elsewhere, so it is never checked. */
export const mergeKey = '<<';

const cache = new WeakMap<DocumentModel, { schema: Schema; patch: boolean; walk: SchemaWalk }>();

/**
 * Walks the document against its kind's schema (or the generic root of apiVersion, kind and
 * metadata when the kind is unknown). Aliases, merge keys and values below `any` are skipped.
 */
export function schemaWalk(context: RuleContext): SchemaWalk {
  // In a strategic-merge patch, `$patch`, `$setElementOrder/…` and `$retainKeys` are
  // directives, and `null` deletes the field: neither is a value of the field's type.
  const patch = context.role === 'patch';
  const cached = cache.get(context.document);
  if (cached && cached.schema === context.schema && cached.patch === patch) {
    return cached.walk;
  }
  const entries: SchemaEntry[] = [];
  const unknownKeys: UnknownKey[] = [];
  const { schema } = context;
  const root = context.document.root;
  const rootResolved = resolvePath(schema, context.kindInfo, []);
  if (root && rootResolved) {
    visit(root, [], undefined, rootResolved, false);
  }
  const walk = { entries, unknownKeys };
  cache.set(context.document, { schema, patch, walk });
  return walk;

  function visit(
    node: YamlNode,
    path: readonly PathSegment[],
    pair: PairNode | undefined,
    resolved: ResolvedNode,
    readOnly: boolean,
  ): void {
    if (node.type === 'alias') {
      return;
    }
    entries.push({ node, path, pair, resolved, readOnly });
    const type = resolved.type;
    if (node.type === 'map' && (type.kind === 'object' || type.kind === 'map')) {
      visitPairs(node, path, resolved, readOnly);
    } else if (node.type === 'seq' && type.kind === 'array') {
      node.items.forEach((item, index) => {
        const next = step(schema, resolved, index);
        if (next) {
          visit(item, [...path, index], undefined, next, readOnly);
        }
      });
    }
  }

  function visitPairs(
    node: MapNode,
    path: readonly PathSegment[],
    resolved: ResolvedNode,
    readOnly: boolean,
  ): void {
    for (const child of node.pairs) {
      if (child.key === null || child.key === mergeKey) {
        continue;
      }
      if (
        patch &&
        (child.key.startsWith('$') ||
          child.value === null ||
          (child.value.type === 'scalar' && child.value.value === null))
      ) {
        continue;
      }
      const next = step(schema, resolved, child.key);
      if (!next) {
        if (resolved.object && !resolved.object.open) {
          unknownKeys.push({
            pair: child as UnknownKey['pair'],
            object: resolved.object,
            path,
          });
        }
        continue;
      }
      if (child.value) {
        const childReadOnly = readOnly || (next.via === 'field' && next.field?.readOnly === true);
        visit(child.value, [...path, child.key], child, next, childReadOnly);
      }
    }
  }
}

/** True when a mapping takes fields from a merge key, so its fields cannot all be seen. */
export function hasMergeKey(node: MapNode): boolean {
  return node.pairs.some((pair) => pair.key === mergeKey);
}

/** How a message names the value of an entry: `replicas`, an item of `ports`, the value of `cpu`. */
export function subjectOf(entry: SchemaEntry): string {
  const name = entry.resolved.field?.name ?? entry.pair?.key ?? 'the document';
  switch (entry.resolved.via) {
    case 'item':
      return `an item of \`${name}\``;
    case 'map-value':
      return `\`${entry.pair?.key ?? ''}\` in \`${name}\``;
    default:
      return `\`${name}\``;
  }
}

/** What a node is, in words: a mapping, a list, a string, a number, a boolean, null. */
export function describeNode(node: YamlNode): string {
  switch (node.type) {
    case 'map':
      return 'a mapping';
    case 'seq':
      return 'a list';
    case 'alias':
      return 'an alias';
    case 'scalar':
      return node.value === null ? 'null' : `a ${typeof node.value}`;
  }
}

/**
 * Plain scalars that YAML 1.1 readers (kubectl, via go-yaml) read as booleans. YAML 1.2 makes
 * only true/false booleans, so the model keeps the others as strings.
 */
const yaml11Booleans = new Set(
  ['y', 'yes', 'n', 'no', 'true', 'false', 'on', 'off'].flatMap((word) => [
    word,
    word.toUpperCase(),
    word[0]!.toUpperCase() + word.slice(1),
  ]),
);

export function isYaml11Boolean(node: YamlNode): boolean {
  return (
    node.type === 'scalar' && node.style === 'plain' && !node.tag && yaml11Booleans.has(node.source)
  );
}
