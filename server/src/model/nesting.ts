// Guards the `yaml` composer against pathological nesting (`[[[[…`, 10,000 levels). The
// composer recurses once per level, and near the stack limit V8 can abort the whole process
// (not just throw), so too-deep documents are measured on the token tree and never composed.
import type { CST } from 'yaml';

/**
 * Documents nesting deeper than this are not composed. The composer overflows Node's default
 * stack at about 800 levels; this keeps a wide margin and still covers any real manifest.
 */
export const MAX_PARSE_DEPTH = 256;

export interface Nesting {
  /** The deepest collection level (0 for a scalar, 1 for a flat map or sequence). */
  readonly depth: number;
  /** The offset just past the last source character of the token tree. */
  readonly end: number;
  /** The first offset nested deeper than `limit`, when something is. */
  readonly beyondLimit: number | undefined;
}

/** Measures a token tree without recursion, so it is safe at any depth. */
export function measureNesting(root: CST.Token, limit = MAX_PARSE_DEPTH): Nesting {
  let depth = 0;
  let end = root.offset;
  let beyondLimit: number | undefined;
  const tokens: CST.Token[] = [root];
  const levels: number[] = [0];
  for (let token = tokens.pop(); token; token = tokens.pop()) {
    const level = levels.pop()!;
    depth = Math.max(depth, level);
    if (level > limit) {
      beyondLimit = Math.min(beyondLimit ?? token.offset, token.offset);
    }
    if ('source' in token) {
      end = Math.max(end, token.offset + token.source.length);
    }
    const before = tokens.length;
    pushChildren(token, tokens);
    const childLevel = isCollection(token) ? level + 1 : level;
    for (let i = before; i < tokens.length; i++) {
      levels.push(childLevel);
    }
  }
  return { depth, end, beyondLimit };
}

function isCollection(token: CST.Token): boolean {
  return (
    token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection'
  );
}

/** Appends the direct children of a token (in any order: only depth and extent matter). */
function pushChildren(token: CST.Token, into: CST.Token[]): void {
  switch (token.type) {
    case 'document':
      into.push(...token.start, ...(token.end ?? []));
      if (token.value) {
        into.push(token.value);
      }
      return;
    case 'block-scalar':
      into.push(...token.props);
      return;
    case 'alias':
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar':
    case 'doc-end':
      into.push(...(token.end ?? []));
      return;
    case 'flow-collection':
      into.push(token.start, ...token.end);
      pushItems(token.items, into);
      return;
    case 'block-map':
    case 'block-seq':
      pushItems(token.items, into);
      return;
    default:
      return;
  }
}

function pushItems(items: readonly CST.CollectionItem[], into: CST.Token[]): void {
  for (const item of items) {
    into.push(...item.start, ...(item.sep ?? []));
    if (item.key) {
      into.push(item.key);
    }
    if (item.value) {
      into.push(item.value);
    }
  }
}
