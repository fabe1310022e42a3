// Parses one chunk of a file (compose.ts calls the `yaml` parser, from-ast.ts converts its AST)
// into documents with spans in file offsets, and reads kubectl's lenient quoted scalars.
import type { DocumentModel, ParseIssue, Span, YamlNode } from './model';
import { classify } from './classify';
import { composeChunk, tooDeepDocument } from './compose';
import { convertNode } from './from-ast';
import { repairQuotedContinuations } from './lenient-quotes';

/**
 * Parses one chunk. When the only trouble is a quoted scalar whose continuation lines are not
 * indented deeper than its key (kubectl reads it; YAML 1.2 does not), the chunk is read with
 * those lines re-indented, positions mapped back, and a portability warning instead of errors.
 */
export function parseChunk(chunkText: string, base: number): DocumentModel[] {
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

export function emptyDocument(length: number): DocumentModel {
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
