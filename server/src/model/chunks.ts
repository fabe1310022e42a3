// Splits a file at its `---` document markers into chunks that are parsed independently, and
// reuses the parsed documents of chunks whose text did not change since the previous version
// (moving their spans when an edit before them changed the length of the text).
import type { ParseIssue, PairNode, Span, YamlNode } from './model';

/** One parsed document before spans are widened and documents are classified. */
export interface ChunkDocument {
  readonly root: YamlNode | null;
  readonly errors: readonly ParseIssue[];
  /** Where the document's content (with its trailing comments) ends. */
  readonly end: number;
}

/** The parsed documents of each chunk of one version, keyed by the chunk's text. */
export type ParsedChunks = ReadonlyMap<
  string,
  { readonly start: number; readonly documents: readonly ChunkDocument[] }
>;

/**
 * The `[start, end)` ranges of the chunks: a new one begins at every line that starts with a
 * `---` marker. YAML forbids such a line inside any scalar or collection, so a document never
 * spans two chunks. Directives (`%YAML`, `%TAG`) apply across documents, so a file with any
 * line starting with `%` stays one chunk.
 */
export function splitChunks(text: string, lineStarts: readonly number[]): Span[] {
  const boundaries: number[] = [];
  for (const start of lineStarts) {
    const first = text.charCodeAt(start);
    if (first === 37 /* % */) {
      return [[0, text.length]];
    }
    if (first === 45 /* - */ && text.startsWith('---', start) && start > 0) {
      const after = text.charCodeAt(start + 3);
      // A marker is followed by a space, a tab, a line break or the end of the text.
      if (Number.isNaN(after) || after === 32 || after === 9 || after === 10 || after === 13) {
        boundaries.push(start);
      }
    }
  }
  const chunks: Span[] = [];
  let previous = 0;
  for (const boundary of [...boundaries, text.length]) {
    if (boundary > previous) {
      chunks.push([previous, boundary]);
    }
    previous = boundary;
  }
  return chunks;
}

/** The previous version's documents for a chunk with the same text, moved to `start`. */
export function reuseChunk(
  previous: ParsedChunks | undefined,
  chunkText: string,
  start: number,
): readonly ChunkDocument[] | undefined {
  const found = previous?.get(chunkText);
  if (!found) {
    return undefined;
  }
  const delta = start - found.start;
  if (delta === 0) {
    return found.documents;
  }
  return found.documents.map((document) => ({
    root: document.root && shiftNode(document.root, delta),
    errors: document.errors.map((issue) => ({ ...issue, span: shiftSpan(issue.span, delta) })),
    end: document.end + delta,
  }));
}

function shiftSpan(span: Span, delta: number): Span {
  return [span[0] + delta, span[1] + delta];
}

function shiftNode(node: YamlNode, delta: number): YamlNode {
  const span = shiftSpan(node.span, delta);
  switch (node.type) {
    case 'map':
      return { ...node, span, pairs: node.pairs.map((pair) => shiftPair(pair, delta)) };
    case 'seq':
      return { ...node, span, items: node.items.map((item) => shiftNode(item, delta)) };
    default:
      return { ...node, span };
  }
}

function shiftPair(pair: PairNode, delta: number): PairNode {
  return {
    key: pair.key,
    keySpan: shiftSpan(pair.keySpan, delta),
    value: pair.value && shiftNode(pair.value, delta),
    span: shiftSpan(pair.span, delta),
  };
}
