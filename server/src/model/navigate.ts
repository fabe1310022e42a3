// Read-only helpers for walking the model: child lookup by key or path, the chain of nodes
// under an offset, and conversions of small subtrees (label maps, strings) into plain data.
import type {
  DocumentModel,
  FileModel,
  MapNode,
  PairNode,
  ScalarNode,
  SeqNode,
  YamlNode,
} from './model';

/** One step of a path: a mapping key or a sequence index. */
export type PathSegment = string | number;

export function asMap(node: YamlNode | null | undefined): MapNode | undefined {
  return node?.type === 'map' ? node : undefined;
}

export function asSeq(node: YamlNode | null | undefined): SeqNode | undefined {
  return node?.type === 'seq' ? node : undefined;
}

export function asScalar(node: YamlNode | null | undefined): ScalarNode | undefined {
  return node?.type === 'scalar' ? node : undefined;
}

/** The first pair with this key in a mapping (duplicates are a separate diagnostic). */
export function getPair(node: YamlNode | null | undefined, key: string): PairNode | undefined {
  const map = asMap(node);
  if (!map) {
    return undefined;
  }
  for (const pair of map.pairs) {
    if (pair.key === key) {
      return pair;
    }
  }
  return undefined;
}

/** The value under `key`, or undefined when the key is missing or has no value. */
export function getValue(node: YamlNode | null | undefined, key: string): YamlNode | undefined {
  return getPair(node, key)?.value ?? undefined;
}

/** Follows a path of keys and indexes from `node`. */
export function getIn(
  node: YamlNode | null | undefined,
  path: readonly PathSegment[],
): YamlNode | undefined {
  let current: YamlNode | null | undefined = node;
  for (const segment of path) {
    if (typeof segment === 'number') {
      current = asSeq(current)?.items[segment];
    } else {
      current = getValue(current, segment);
    }
    if (!current) {
      return undefined;
    }
  }
  return current ?? undefined;
}

/** The value as a string when it is a scalar (numbers and booleans rendered as written). */
export function scalarText(node: YamlNode | null | undefined): string | undefined {
  const scalar = asScalar(node);
  if (!scalar || scalar.value === null) {
    return undefined;
  }
  return typeof scalar.value === 'string' ? scalar.value : scalar.source;
}

export function scalarNumber(node: YamlNode | null | undefined): number | undefined {
  const scalar = asScalar(node);
  return typeof scalar?.value === 'number' ? scalar.value : undefined;
}

/** A mapping of scalar keys to scalar values, e.g. `metadata.labels`; other entries are ignored. */
export function stringMap(node: YamlNode | null | undefined): Map<string, string> {
  const result = new Map<string, string>();
  for (const pair of asMap(node)?.pairs ?? []) {
    const value = scalarText(pair.value);
    if (pair.key !== null && value !== undefined) {
      result.set(pair.key, value);
    }
  }
  return result;
}

/** The items of a sequence, or an empty list for anything else. */
export function seqItems(node: YamlNode | null | undefined): readonly YamlNode[] {
  return asSeq(node)?.items ?? [];
}

/** The document whose span contains `offset` (the last one for offsets past the end). */
export function documentAt(model: FileModel, offset: number): DocumentModel {
  for (const document of model.documents) {
    if (offset < document.span[1]) {
      return document;
    }
  }
  return model.documents[model.documents.length - 1]!;
}

/** One step of the chain from the root to the node under an offset. */
export interface PathStep {
  readonly node: YamlNode;
  /** The path from the document root to this node. */
  readonly path: readonly PathSegment[];
  /** The pair whose value is this node, when the node is a mapping value. */
  readonly pair?: PairNode;
}

/**
 * The chain of nodes from the root down to the deepest node whose span contains `offset`
 * (end-inclusive, so a cursor just after a value still belongs to it). Also reports whether the
 * offset is on a key of the deepest mapping.
 */
export function nodePathAt(
  root: YamlNode | null,
  offset: number,
): { steps: PathStep[]; onKey?: PairNode } {
  const steps: PathStep[] = [];
  if (!root) {
    return { steps };
  }
  let current: YamlNode = root;
  let path: PathSegment[] = [];
  steps.push({ node: root, path });
  for (;;) {
    let next: { node: YamlNode; segment: PathSegment; pair?: PairNode } | undefined;
    if (current.type === 'map') {
      for (const pair of current.pairs) {
        if (pair.key !== null && offset >= pair.keySpan[0] && offset <= pair.keySpan[1]) {
          return { steps, onKey: pair };
        }
        if (pair.value && offset >= pair.value.span[0] && offset <= pair.value.span[1]) {
          next = { node: pair.value, segment: pair.key ?? '', pair };
          break;
        }
      }
    } else if (current.type === 'seq') {
      for (const [index, item] of current.items.entries()) {
        if (offset >= item.span[0] && offset <= item.span[1]) {
          next = { node: item, segment: index };
          break;
        }
      }
    }
    if (!next) {
      return { steps };
    }
    path = [...path, next.segment];
    steps.push(next.pair ? { node: next.node, path, pair: next.pair } : { node: next.node, path });
    current = next.node;
  }
}

/** Depth-first visit of every node below (and including) `node`, with its path. */
export function walk(
  node: YamlNode | null | undefined,
  visit: (node: YamlNode, path: readonly PathSegment[], pair: PairNode | undefined) => void,
  path: readonly PathSegment[] = [],
  pair?: PairNode,
): void {
  if (!node) {
    return;
  }
  visit(node, path, pair);
  if (node.type === 'map') {
    for (const child of node.pairs) {
      if (child.value) {
        walk(child.value, visit, [...path, child.key ?? ''], child);
      }
    }
  } else if (node.type === 'seq') {
    node.items.forEach((item, index) => walk(item, visit, [...path, index]));
  }
}
