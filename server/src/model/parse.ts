// Turns file text into the immutable FileModel: cuts it into chunks at `---` lines, reuses the
// chunks of the previous version an edit did not touch, and parses the rest (compose.ts calls the
// `yaml` parser, from-ast.ts converts its AST). The result is shared by every feature.
import type { DocumentClass, DocumentModel, FileModel, ParseIssue, Span, YamlNode } from './model';
import { composeChunk, tooDeepDocument } from './compose';
import { convertNode } from './from-ast';
import { computeLineStarts } from './spans';
import { repairQuotedContinuations } from './lenient-quotes';

/**
 * Parses every document of a file. Never throws on bad input: problems become ParseIssues.
 *
 * The text is cut into chunks at `---` lines and each chunk is parsed on its own. Given the
 * previous model of the same file, chunks whose text did not change are reused (shifted when
 * their offset moved), so typing in one document of a 200-document file re-parses one document.
 */
export function parseFile(
  uri: string,
  version: number,
  text: string,
  previous?: FileModel,
): FileModel {
  const lineStarts = computeLineStarts(text);
  const oldRecords = (previous && chunkRecords.get(previous)) ?? [];
  const chunks = splitIntoChunks(text, lineStarts);
  const records: ChunkRecord[] = [];
  const documents: DocumentModel[] = [];
  for (const [position, [start, end]] of chunks.entries()) {
    const chunkText = text.slice(start, end);
    const old = reusableChunk(oldRecords, chunks.length, position, chunkText);
    let chunkDocuments: readonly DocumentModel[];
    if (old && old.start === start) {
      chunkDocuments = old.documents;
    } else if (old) {
      chunkDocuments = old.documents.map((document) => {
        const shifted = shiftDocument(document, start - old.start);
        origins.set(shifted, { document, delta: start - old.start });
        return shifted;
      });
    } else {
      chunkDocuments = parseChunk(chunkText, start);
    }
    // Documents are numbered across the file; a reused chunk keeps its objects only when its
    // documents also kept their numbers.
    const numbered = chunkDocuments.map((document, offset) => {
      const index = documents.length + offset;
      if (document.index === index) {
        return document;
      }
      const renumbered = { ...document, index };
      origins.set(renumbered, origins.get(document) ?? { document, delta: 0 });
      return renumbered;
    });
    documents.push(...numbered);
    records.push({ start, text: chunkText, documents: numbered });
  }
  if (documents.length === 0) {
    documents.push(emptyDocument(text.length));
  }
  const model: FileModel = {
    uri,
    version,
    text,
    lineStarts,
    documents,
    hasKubernetes: documents.some((document) => document.classification === 'kubernetes'),
  };
  chunkRecords.set(model, records);
  return model;
}

/**
 * The previous version's chunk with the same text, looked for where an edit leaves it: at the
 * same position counted from the start (chunks before the edit) or from the end (chunks after
 * it). Comparing two candidates avoids hashing every chunk's text on every keystroke; a chunk
 * moved elsewhere (cut and pasted) is parsed again.
 */
function reusableChunk(
  oldRecords: readonly ChunkRecord[],
  chunkCount: number,
  position: number,
  chunkText: string,
): ChunkRecord | undefined {
  const fromStart = oldRecords[position];
  if (fromStart?.text === chunkText) {
    return fromStart;
  }
  const fromEnd = oldRecords[position + oldRecords.length - chunkCount];
  return fromEnd?.text === chunkText ? fromEnd : undefined;
}

/** A chunk of text (from one `---` line to the next) and the documents parsed from it. */
interface ChunkRecord {
  readonly start: number;
  readonly text: string;
  readonly documents: readonly DocumentModel[];
}

/** Where a reused document came from: the previous version's document and how far it moved. */
export interface DocumentOrigin {
  readonly document: DocumentModel;
  /** Offset change; the text is identical, so line numbers move by a whole number of lines. */
  readonly delta: number;
}

const origins = new WeakMap<DocumentModel, DocumentOrigin>();

/**
 * The document of the previous version this one was copied from (same text, moved), so caches
 * of per-document results can be carried over instead of recomputed.
 */
export function originOf(document: DocumentModel): DocumentOrigin | undefined {
  return origins.get(document);
}

/** Remembers each model's chunks so the next version of the file can reuse them. */
const chunkRecords = new WeakMap<FileModel, readonly ChunkRecord[]>();

const documentMarker = /^---(?:[ \t]|$)/;

/**
 * Cuts the text at `---` lines. A leading chunk of only comments joins the next one (the parser
 * treats such comments as part of the first document). Directives (`%YAML`) apply across a
 * marker, so a file with directives is parsed as one chunk.
 */
function splitIntoChunks(text: string, lineStarts: readonly number[]): Span[] {
  const cuts: number[] = [];
  for (const lineStart of lineStarts) {
    const first = text.charCodeAt(lineStart);
    if (first === 37 /* % */) {
      return [[0, text.length]];
    }
    if (
      first === 45 /* - */ &&
      lineStart > 0 &&
      documentMarker.test(lineEndSlice(text, lineStart))
    ) {
      cuts.push(lineStart);
    }
  }
  const chunks: Span[] = [];
  let start = 0;
  for (const cut of cuts) {
    if (chunks.length === 0 && isOnlyComments(text.slice(start, cut))) {
      continue;
    }
    chunks.push([start, cut]);
    start = cut;
  }
  chunks.push([start, text.length]);
  return chunks;
}

function lineEndSlice(text: string, lineStart: number): string {
  return text.slice(lineStart, lineStart + 4).replace(/\r?\n.*$/s, '');
}

function isOnlyComments(chunk: string): boolean {
  return chunk.split(/\r?\n|\r/).every((line) => /^\s*(#.*)?$/.test(line));
}

/**
 * Parses one chunk. When the only trouble is a quoted scalar whose continuation lines are not
 * indented deeper than its key (kubectl reads it; YAML 1.2 does not), the chunk is read with
 * those lines re-indented, positions mapped back, and a portability warning instead of errors.
 */
function parseChunk(chunkText: string, base: number): DocumentModel[] {
  const strict = parseChunkStrict(chunkText, base);
  const unclosed = (documents: readonly DocumentModel[]): boolean =>
    documents.some((document) =>
      document.errors.some(
        (error) => error.code === 'MISSING_CHAR' && /closing ['"]?quote/.test(error.message),
      ),
    );
  if (!unclosed(strict)) {
    return strict;
  }
  const repair = repairQuotedContinuations(chunkText);
  if (!repair) {
    return strict;
  }
  const lenient = parseChunkStrict(repair.text, 0);
  if (unclosed(lenient)) {
    return strict;
  }
  const toOriginal = (offset: number): number => base + repair.toOriginal(offset);
  return lenient.map((document) => {
    const moved = mapDocument(document, toOriginal);
    const warnings = repair.scalars
      .map(([start, end]): Span => [base + start, base + end])
      .filter(([start]) => start >= moved.span[0] && start < moved.span[1])
      .map((span): ParseIssue => ({
        span,
        code: 'KUBECTL_ONLY_INDENT',
        message:
          'a quoted scalar continues on a line indented no deeper than its key: other YAML parsers reject this; kubectl accepts it. Indent the continuation lines',
      }));
    return warnings.length > 0 ? { ...moved, warnings } : moved;
  });
}

function parseChunkStrict(chunkText: string, base: number): DocumentModel[] {
  const { astDocuments, tooDeep } = composeChunk(chunkText);
  const documents: DocumentModel[] = [];
  let previousEnd = 0;
  for (const [index, astDocument] of astDocuments.entries()) {
    const range = astDocument.range;
    // A document's range starts at its content; widen it back to the end of the previous one so
    // that the `---` marker and leading comments belong to it (completion needs that). The last
    // document also takes the chunk's trailing whitespace.
    const end =
      index === astDocuments.length - 1 ? chunkText.length : Math.max(previousEnd, range[2]);
    const span: Span = [base + previousEnd, base + end];
    previousEnd = end;
    const errors = collectIssues(astDocument.errors, chunkText, base);
    const deepAt = tooDeep.get(index);
    if (deepAt !== undefined) {
      documents.push(tooDeepDocument(index, span, base + deepAt, errors));
      continue;
    }
    const root = convertNode(astDocument.contents, 0, base);
    const { classification, apiVersion, kind } = classify(
      root,
      chunkText.slice(span[0] - base, end),
      span[0],
    );
    documents.push({ index, span, root, errors, classification, apiVersion, kind });
  }
  return documents;
}

/**
 * True when every `{{` of the document lies inside a literal or folded block scalar: a script or
 * a config file in a ConfigMap (`kubectl get … -o go-template='{{…}}'`), not a Helm template,
 * whose braces stand in the YAML structure itself.
 */
function templatesOnlyInBlockScalars(
  root: YamlNode | null,
  docText: string,
  docStart: number,
): boolean {
  const blocks: Span[] = [];
  const stack: YamlNode[] = root ? [root] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'scalar') {
      if (node.style === 'literal' || node.style === 'folded') {
        blocks.push(node.span);
      }
    } else if (node.type === 'map') {
      for (const pair of node.pairs) {
        if (pair.value) {
          stack.push(pair.value);
        }
      }
    } else if (node.type === 'seq') {
      stack.push(...node.items);
    }
  }
  if (blocks.length === 0) {
    return false;
  }
  for (let at = docText.indexOf('{{'); at >= 0; at = docText.indexOf('{{', at + 2)) {
    const offset = docStart + at;
    if (!blocks.some(([start, end]) => offset >= start && offset < end)) {
      return false;
    }
  }
  return true;
}

function shiftSpan(span: Span, delta: number): Span {
  return [span[0] + delta, span[1] + delta];
}

/** A document with every position passed through `map` (for the re-indented reading). */
function mapDocument(document: DocumentModel, map: (offset: number) => number): DocumentModel {
  const span = (value: Span): Span => [map(value[0]), map(value[1])];
  const node = (value: YamlNode): YamlNode => {
    switch (value.type) {
      case 'map':
        return {
          ...value,
          span: span(value.span),
          pairs: value.pairs.map((pair) => ({
            ...pair,
            keySpan: span(pair.keySpan),
            span: span(pair.span),
            value: pair.value && node(pair.value),
          })),
        };
      case 'seq':
        return { ...value, span: span(value.span), items: value.items.map(node) };
      default:
        return { ...value, span: span(value.span) };
    }
  };
  return {
    ...document,
    span: span(document.span),
    root: document.root && node(document.root),
    errors: document.errors.map((error) => ({ ...error, span: span(error.span) })),
  };
}

function shiftDocument(document: DocumentModel, delta: number): DocumentModel {
  return {
    ...document,
    span: shiftSpan(document.span, delta),
    root: document.root && shiftNode(document.root, delta),
    errors: document.errors.map((error) => ({ ...error, span: shiftSpan(error.span, delta) })),
    ...(document.warnings
      ? {
          warnings: document.warnings.map((warning) => ({
            ...warning,
            span: shiftSpan(warning.span, delta),
          })),
        }
      : {}),
  };
}

function shiftNode(node: YamlNode, delta: number): YamlNode {
  switch (node.type) {
    case 'map':
      return {
        ...node,
        span: shiftSpan(node.span, delta),
        pairs: node.pairs.map((pair) => ({
          ...pair,
          keySpan: shiftSpan(pair.keySpan, delta),
          span: shiftSpan(pair.span, delta),
          value: pair.value && shiftNode(pair.value, delta),
        })),
      };
    case 'seq':
      return {
        ...node,
        span: shiftSpan(node.span, delta),
        items: node.items.map((item) => shiftNode(item, delta)),
      };
    default:
      return { ...node, span: shiftSpan(node.span, delta) };
  }
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
function collectIssues(errors: readonly ParserError[], text: string, base: number): ParseIssue[] {
  const issues: ParseIssue[] = [];
  const seenLines = new Set<number>();
  for (const error of errors) {
    const start = Math.min(error.pos[0], text.length);
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    if (seenLines.has(lineStart)) {
      continue;
    }
    seenLines.add(lineStart);
    const end = Math.max(start, Math.min(error.pos[1], text.length));
    issues.push({
      span: [base + start, base + end],
      message: firstLine(error.message),
      code: error.code,
    });
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
  docStart: number,
): { classification: DocumentClass; apiVersion: string | undefined; kind: string | undefined } {
  if (docText.includes('{{') && !templatesOnlyInBlockScalars(root, docText, docStart)) {
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
