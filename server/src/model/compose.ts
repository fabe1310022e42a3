// Runs the `yaml` parser and composer over one chunk of text, guarded against pathological
// nesting (`[[[[…`, 10,000 levels): the composer recurses once per level, and near the stack limit
// V8 can abort the whole process (not just throw), so too-deep documents are never composed.
import { Composer, Parser } from 'yaml';
import type { CST, Document as YamlDocument } from 'yaml';
import type { DocumentModel, ParseIssue, Span } from './model';

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

/**
 * Runs the parser and the composer over a chunk. A document nested deeper than MAX_PARSE_DEPTH
 * is composed without its content; `tooDeep` maps its position among the
 * chunk's documents to the offset where the limit is crossed.
 *
 * Stack traces are off meanwhile: the parser reports problems as Error objects, and capturing a
 * stack for each one costs more than the parse itself when a half-typed document has many. The
 * stacks are never read.
 */
export function composeChunk(chunkText: string): {
  astDocuments: YamlDocument.Parsed[];
  tooDeep: Map<number, number>;
} {
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return composeGuarded(chunkText);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

function composeGuarded(chunkText: string): ReturnType<typeof composeChunk> {
  const tooDeep = new Map<number, number>();
  let documentIndex = 0;
  const tokens: CST.Token[] = [];
  for (const token of new Parser().parse(chunkText)) {
    if (token.type !== 'document') {
      tokens.push(token);
      continue;
    }
    const index = documentIndex++;
    const nesting = token.value && measureNesting(token.value);
    if (nesting?.beyondLimit === undefined) {
      tokens.push(token);
      continue;
    }
    tooDeep.set(index, nesting.beyondLimit);
    // An empty scalar where the content ended keeps the document's range intact.
    const empty: CST.FlowScalar = { type: 'scalar', offset: nesting.end, indent: 0, source: '' };
    tokens.push({ ...token, value: empty });
  }
  const composer = new Composer({ uniqueKeys: false, keepSourceTokens: false });
  return { astDocuments: Array.from(composer.compose(tokens)), tooDeep };
}

/** A document the parser refused to descend into: no content, one issue that says why. */
export function tooDeepDocument(
  index: number,
  span: Span,
  at: number,
  errors: readonly ParseIssue[],
): DocumentModel {
  const issue: ParseIssue = {
    span: [at, at + 1],
    message: `This document nests more than ${MAX_PARSE_DEPTH} levels deep, so Kube Stateful does not read it`,
    code: 'NESTING_TOO_DEEP',
  };
  return {
    index,
    span,
    root: null,
    errors: [issue, ...errors],
    // Classified as other YAML: only reported in files that also hold Kubernetes objects.
    classification: 'other',
    apiVersion: undefined,
    kind: undefined,
  };
}
