// Turns file text into the immutable FileModel. This is the only place that calls the `yaml`
// parser; each document version is parsed once here and the result is shared by every feature.
// On an edit, only the documents whose text changed are parsed again (see chunks.ts).
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Node as YamlAstNode, Pair as YamlPair, Scalar } from 'yaml';
import type { ChunkDocument, ParsedChunks } from './chunks';
import { reuseChunk, splitChunks } from './chunks';
import type {
  DocumentClass,
  DocumentModel,
  FileModel,
  ParseIssue,
  ScalarNode,
  ScalarStyle,
  Span,
  YamlNode,
  PairNode,
} from './model';
import { computeLineStarts } from './spans';

/** Nesting deeper than this is cut off, so pathological input cannot exhaust the stack. */
const MAX_DEPTH = 200;

/** Parses every document of a file. Never throws on bad input: problems become ParseIssues. */
export function parseFile(uri: string, version: number, text: string): FileModel {
  return parseFileReusing(uri, version, text, undefined).model;
}

/**
 * Parses a file like `parseFile`, reusing the documents of `previous` (the chunks of an earlier
 * version) whose text did not change, so an edit costs a parse of the edited document only.
 * The result is the same as a full parse; the returned chunks serve the next version.
 */
export function parseFileReusing(
  uri: string,
  version: number,
  text: string,
  previous: ParsedChunks | undefined,
): { model: FileModel; chunks: ParsedChunks } {
  const lineStarts = computeLineStarts(text);
  const chunks = new Map<string, { start: number; documents: readonly ChunkDocument[] }>();
  const parsed: ChunkDocument[] = [];
  for (const [start, end] of splitChunks(text, lineStarts)) {
    const chunkText = text.slice(start, end);
    const documents = reuseChunk(previous, chunkText, start) ?? parseChunk(text, chunkText, start);
    chunks.set(chunkText, { start, documents });
    parsed.push(...documents);
  }
  const documents: DocumentModel[] = [];
  let previousEnd = 0;
  for (const [index, { root, errors, end }] of parsed.entries()) {
    // A document's range starts at its content; widen it back to the end of the previous one so
    // that the `---` marker and leading comments belong to it (completion needs that).
    const span: Span = [previousEnd, Math.max(previousEnd, end)];
    previousEnd = span[1];
    const docText = text.slice(span[0], span[1]);
    const { classification, apiVersion, kind } = classify(root, docText);
    documents.push({ index, span, root, errors, classification, apiVersion, kind });
  }
  if (documents.length === 0) {
    documents.push(emptyDocument(text.length));
  } else if (previousEnd < text.length) {
    // Trailing whitespace after the last document belongs to it.
    const last = documents[documents.length - 1]!;
    documents[documents.length - 1] = { ...last, span: [last.span[0], text.length] };
  }
  const model: FileModel = {
    uri,
    version,
    text,
    lineStarts,
    documents,
    hasKubernetes: documents.some((document) => document.classification === 'kubernetes'),
  };
  return { model, chunks };
}

/** Parses one chunk of the file; spans are offsets into the whole text (`base` is its start). */
function parseChunk(text: string, chunkText: string, base: number): ChunkDocument[] {
  // A byte-order mark is not content; the parser copes with it, but offsets stay those of the text.
  const astDocuments = parseAllDocuments(chunkText, {
    uniqueKeys: false,
    keepSourceTokens: false,
    prettyErrors: false,
  });
  const list = Array.isArray(astDocuments) ? astDocuments : [];
  return list.map((astDocument) => ({
    root: convertNode(astDocument.contents, 0, base),
    errors: collectIssues(astDocument.errors, text, base, base + chunkText.length),
    end: base + astDocument.range[2],
  }));
}

function emptyDocument(length: number): DocumentModel {
  return {
    index: 0,
    span: [0, length],
    root: null,
    errors: [],
    classification: 'empty',
    apiVersion: undefined,
    kind: undefined,
  };
}

interface ParserError {
  readonly pos: [number, number];
  readonly message: string;
  readonly code: string;
}

/** Keeps one issue per line: the parser often reports several errors for one mistake. */
function collectIssues(
  errors: readonly ParserError[],
  text: string,
  base: number,
  limit: number,
): ParseIssue[] {
  const issues: ParseIssue[] = [];
  const seenLines = new Set<number>();
  for (const error of errors) {
    const start = Math.min(base + error.pos[0], limit);
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    if (seenLines.has(lineStart)) {
      continue;
    }
    seenLines.add(lineStart);
    const end = Math.max(start, Math.min(base + error.pos[1], limit));
    issues.push({ span: [start, end], message: firstLine(error.message), code: error.code });
  }
  return issues;
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  // The parser appends "at line N, column M:"; the editor already shows the position.
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

function classify(
  root: YamlNode | null,
  docText: string,
): { classification: DocumentClass; apiVersion: string | undefined; kind: string | undefined } {
  if (docText.includes('{{')) {
    return { classification: 'helm', apiVersion: undefined, kind: undefined };
  }
  if (root === null || (root.type === 'scalar' && root.value === null)) {
    return { classification: 'empty', apiVersion: undefined, kind: undefined };
  }
  if (root.type !== 'map') {
    return { classification: 'other', apiVersion: undefined, kind: undefined };
  }
  let apiVersion: string | undefined;
  let kind: string | undefined;
  let hasApiVersion = false;
  let hasKind = false;
  for (const pair of root.pairs) {
    if (pair.key === 'apiVersion') {
      hasApiVersion = true;
      apiVersion = stringValue(pair.value);
    } else if (pair.key === 'kind') {
      hasKind = true;
      kind = stringValue(pair.value);
    }
  }
  const classification: DocumentClass =
    hasApiVersion && hasKind ? 'kubernetes' : hasApiVersion || hasKind ? 'partial' : 'other';
  return { classification, apiVersion, kind };
}

function stringValue(node: YamlNode | null): string | undefined {
  return node?.type === 'scalar' && typeof node.value === 'string' && node.value !== ''
    ? node.value
    : undefined;
}

function convertNode(
  node: YamlAstNode | null | undefined,
  depth: number,
  base: number,
): YamlNode | null {
  if (node === null || node === undefined || depth > MAX_DEPTH) {
    return null;
  }
  const range = node.range;
  const span: Span = range ? [base + range[0], base + range[1]] : [base, base];
  if (isScalar(node)) {
    return convertScalar(node, span);
  }
  if (isAlias(node)) {
    return { type: 'alias', span, name: node.source };
  }
  if (isMap(node)) {
    const pairs: PairNode[] = [];
    for (const item of node.items) {
      if (isPair(item)) {
        pairs.push(
          convertPair(item as YamlPair<YamlAstNode | null, YamlAstNode | null>, depth, base),
        );
      }
    }
    return { type: 'map', span, flow: node.flow === true, pairs };
  }
  if (isSeq(node)) {
    const items: YamlNode[] = [];
    for (const item of node.items) {
      const converted = convertNode(item as YamlAstNode | null, depth + 1, base);
      if (converted) {
        items.push(converted);
      } else if (isPair(item)) {
        // A flow sequence such as `[a: 1]` holds pairs; model each as a single-pair map.
        const pair = convertPair(
          item as YamlPair<YamlAstNode | null, YamlAstNode | null>,
          depth,
          base,
        );
        items.push({ type: 'map', span: pair.span, flow: true, pairs: [pair] });
      }
    }
    return { type: 'seq', span, flow: node.flow === true, items };
  }
  return null;
}

function convertPair(
  pair: YamlPair<YamlAstNode | null, YamlAstNode | null>,
  depth: number,
  base: number,
): PairNode {
  const keyNode = pair.key;
  const value = convertNode(pair.value, depth + 1, base);
  let key: string | null = null;
  let keySpan: Span = value ? [value.span[0], value.span[0]] : [base, base];
  if (keyNode && keyNode.range) {
    keySpan = [base + keyNode.range[0], base + keyNode.range[1]];
    key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
  }
  // An empty value (`key:`) is a null scalar with an empty range; the model says "no value".
  const hasValue = value !== null && !(value.type === 'scalar' && value.span[0] === value.span[1]);
  const end = hasValue ? Math.max(keySpan[1], value.span[1]) : keySpan[1];
  return { key, keySpan, value: hasValue ? value : null, span: [keySpan[0], end] };
}

function convertScalar(node: Scalar, span: Span): ScalarNode {
  const style = scalarStyle(node.type);
  const raw: unknown = node.value;
  let value: ScalarNode['value'];
  if (raw === null || raw === undefined) {
    value = null;
  } else if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') {
    value = raw;
  } else if (typeof raw === 'bigint') {
    value = Number(raw);
  } else {
    // Timestamps and binary tags resolve to objects; the model keeps their source text.
    value = typeof node.source === 'string' ? node.source : JSON.stringify(raw);
  }
  const source = typeof node.source === 'string' ? node.source : String(value);
  const tag = typeof node.tag === 'string' ? node.tag : undefined;
  return tag
    ? { type: 'scalar', span, value, source, style, tag }
    : { type: 'scalar', span, value, source, style };
}

function scalarStyle(type: Scalar['type']): ScalarStyle {
  switch (type) {
    case 'QUOTE_SINGLE':
      return 'single';
    case 'QUOTE_DOUBLE':
      return 'double';
    case 'BLOCK_LITERAL':
      return 'literal';
    case 'BLOCK_FOLDED':
      return 'folded';
    default:
      return 'plain';
  }
}
