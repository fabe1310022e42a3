// Where the cursor is, in schema terms: typing a key of the mapping at some path, or a value at
// some path. Built from the text (indentation, dashes, brackets) so it works on the half-typed
// documents completion mostly sees; the parsed model only adds the keys it already knows.
import type { DocumentModel, FileModel, PathSegment, Span } from '../../model';
import { asMap, asSeq, getIn, lineOfOffset, scalarText } from '../../model';
import { blockPathOf } from './block-path';
import { flowEntriesAfter, scanFlow } from './flow';
import type { LineShape, Lines } from './lines';
import { indentUnitOf, isDocumentMarker, linesOf, parseLineShape } from './lines';

interface ContextBase {
  readonly model: FileModel;
  readonly document: DocumentModel;
  readonly offset: number;
  /** Path of the mapping whose key is typed, or of the value that is typed. */
  readonly path: readonly PathSegment[];
  /** What has been typed of the word so far (before the cursor). */
  readonly prefix: string;
  /** The word a proposal replaces, including its part after the cursor. */
  readonly replace: Span;
  /** Inside `{ … }` or `[ … ]`, where inserted text stays on one line. */
  readonly flow: boolean;
  /** Scalar items already in the sequence, when the position is an item of one. */
  readonly existingItems: ReadonlySet<string>;
  /** The value is written inside quotes, so proposals go in without their own. */
  readonly quoted: boolean;
}

export interface KeyContext extends ContextBase {
  readonly target: 'key';
  /** Keys already in the mapping (the one being typed excluded). */
  readonly existingKeys: ReadonlySet<string>;
  /** Column where the key starts, for the indentation of what goes below it. */
  readonly column: number;
  readonly indentUnit: number;
  /** A colon already follows the word (`repl|icas: 3`), so only the name is inserted. */
  readonly hasColon: boolean;
  /** The position is a fresh `- ` item, where a scalar item is also possible. */
  readonly inNewItem: boolean;
}

export interface ValueContext extends ContextBase {
  readonly target: 'value';
  /** No space between the colon and the cursor (`kind:|`): a proposal adds one. */
  readonly needsSpace: boolean;
}

export type CompletionContext = KeyContext | ValueContext;

/** How many lines above the cursor a multi-line flow collection may have started. */
const maxFlowLines = 20;

/** Analyses the cursor position; undefined where nothing should be proposed (comments, scalars). */
export function analyzeContext(
  model: FileModel,
  document: DocumentModel,
  offset: number,
): CompletionContext | undefined {
  const lines = linesOf(model);
  const line = lineOfOffset(model.lineStarts, offset);
  const lineStart = lines.start(line);
  const lineText = lines.text(line);
  const column = offset - lineStart;
  if (column > lineText.length) {
    return undefined;
  }
  const before = lineText.slice(0, column);
  const after = lineText.slice(column);
  if (inComment(before) || isDocumentMarker(lineText) || lineText.startsWith('%')) {
    return undefined;
  }
  const firstLine = lineOfOffset(model.lineStarts, document.span[0]);
  const base = { model, document, offset, lines, line, lineStart, firstLine };
  const flow = flowContext(base, lineText, after);
  if (flow !== 'none') {
    return flow;
  }
  return blockContext(base, parseLineShape(before), before, after);
}

interface Base {
  readonly model: FileModel;
  readonly document: DocumentModel;
  readonly offset: number;
  readonly lines: Lines;
  readonly line: number;
  readonly lineStart: number;
  readonly firstLine: number;
}

function blockContext(
  base: Base,
  shape: LineShape,
  before: string,
  after: string,
): CompletionContext | undefined {
  const { lines, line, lineStart, offset, firstLine } = base;
  const last = shape.entries[shape.entries.length - 1];
  if (last?.key !== undefined) {
    // `key: va|` — a value. Block scalars, anchors, tags and aliases are left alone.
    if (/^[|>&!*]/.test(shape.rest)) {
      return undefined;
    }
    const left = shape.entries.slice(0, -1);
    const block = blockPathOf(lines, firstLine, {
      line,
      column: last.column,
      role: 'key',
      key: last.key,
      leftEntries: left,
    });
    if (block.inBlockScalar) {
      return undefined;
    }
    return valueContext(base, block.path, lineStart + shape.restColumn, after, before);
  }
  // `- ite|`, `ke|`, or a blank line: a key, or a scalar item of a sequence.
  const rest = shape.rest;
  if (/^[#'"{}[\],&*!|>%@`]/.test(rest) || rest.includes(': ') || rest.endsWith(':')) {
    return undefined;
  }
  if (rest === '' && /^\s*\S/.test(after) && !/^[\w"'.]/.test(after)) {
    return undefined;
  }
  const keyColumn = rest === '' && shape.entries.length === 0 ? before.length : shape.restColumn;
  const block = blockPathOf(lines, firstLine, {
    line,
    column: keyColumn,
    role: 'position',
    leftEntries: shape.entries,
  });
  if (block.inBlockScalar) {
    return undefined;
  }
  const wordAfter = /^[^\s:#]*/.exec(after)![0];
  const replace: Span = [lineStart + shape.restColumn, offset + wordAfter.length];
  const inNewItem = last !== undefined;
  return {
    target: 'key',
    model: base.model,
    document: base.document,
    offset,
    path: block.path,
    prefix: rest,
    replace:
      rest === '' && shape.entries.length === 0 ? [offset, offset + wordAfter.length] : replace,
    flow: false,
    existingItems: existingItems(base, block.path),
    quoted: false,
    existingKeys: mergeKeys(block.siblings, modelKeys(base, block.path)),
    column: keyColumn,
    indentUnit: indentUnitOf(base.model),
    hasColon: /^\s*:/.test(after.slice(wordAfter.length)),
    inNewItem,
  };
}

function valueContext(
  base: Base,
  path: PathSegment[],
  valueStart: number,
  after: string,
  before: string,
): ValueContext | undefined {
  const { offset, model } = base;
  let start = valueStart;
  const quote = model.text[start];
  if (quote === '"' || quote === "'") {
    if (offset <= start) {
      // Before the opening quote: anything inserted here would land outside the string.
      return undefined;
    }
    start++;
  }
  const prefix = model.text.slice(start, offset);
  if (/[\s,]/.test(prefix.trimEnd())) {
    // A value with spaces is free text (a command line, a description): nothing to propose.
    return undefined;
  }
  const wordAfter = /^[^\s"',#\]}]*/.exec(after)![0];
  return {
    target: 'value',
    model,
    document: base.document,
    offset,
    path,
    prefix,
    replace: [start, offset + wordAfter.length],
    flow: false,
    needsSpace: before.endsWith(':'),
    existingItems: existingItems(base, path),
    quoted: start !== valueStart,
  };
}

/** `{ … }` / `[ … ]` around the cursor, opened on this line or a few lines above. */
function flowContext(
  base: Base,
  lineText: string,
  after: string,
): CompletionContext | 'none' | undefined {
  const { lines, model, offset } = base;
  for (let line = base.line, steps = 0; line >= base.firstLine && steps < maxFlowLines; steps++) {
    const text = line === base.line ? lineText : lines.text(line);
    const shape = parseLineShape(text);
    if (/^[{[]/.test(shape.rest)) {
      const open = lines.start(line) + shape.restColumn;
      if (open < offset) {
        const position = scanFlow(model.text, open, offset);
        if (position) {
          return flowToContext(base, line, shape, position, after);
        }
      }
    }
    // Only follow lines that end inside an unfinished collection (`a: 1,`) upwards.
    line--;
    const previous = line >= base.firstLine ? lines.text(line).trimEnd() : '';
    if (!/[,{[]$/.test(previous)) {
      break;
    }
  }
  return 'none';
}

function flowToContext(
  base: Base,
  line: number,
  shape: LineShape,
  position: ReturnType<typeof scanFlow> & object,
  after: string,
): CompletionContext | undefined {
  const { lines, model, offset, firstLine } = base;
  const owner = shape.entries[shape.entries.length - 1];
  let ownerPath: PathSegment[];
  if (owner) {
    const block = blockPathOf(lines, firstLine, {
      line,
      column: owner.column,
      role: owner.key === undefined ? 'item' : 'key',
      ...(owner.key === undefined ? {} : { key: owner.key }),
      leftEntries: shape.entries.slice(0, -1),
    });
    ownerPath = block.path;
  } else {
    ownerPath = [];
  }
  const path = [...ownerPath, ...position.path];
  const prefix = model.text.slice(position.tokenStart, offset);
  if (/[\n{}[\]]/.test(prefix)) {
    return undefined;
  }
  const wordAfter = /^[^\s:,#\]}"']*/.exec(after)![0];
  const replace: Span = [position.tokenStart, offset + wordAfter.length];
  const lineEnd = lines.start(base.line) + lines.text(base.line).length;
  if (position.target === 'key') {
    const present = new Set([
      ...position.present,
      ...flowEntriesAfter(model.text, offset, lineEnd),
    ]);
    return {
      target: 'key',
      model,
      document: base.document,
      offset,
      path,
      prefix,
      replace,
      flow: true,
      existingItems: new Set<string>(),
      quoted: false,
      existingKeys: mergeKeys(present, modelKeys(base, path)),
      column: position.tokenStart - lines.start(base.line),
      indentUnit: indentUnitOf(model),
      hasColon: /^\s*:/.test(after.slice(wordAfter.length)),
      inNewItem: false,
    };
  }
  const items = new Set(position.present);
  return {
    target: 'value',
    model,
    document: base.document,
    offset,
    path,
    prefix,
    replace,
    flow: true,
    needsSpace: model.text[offset - 1] === ':',
    existingItems: mergeKeys(items, existingItems(base, path)),
    quoted: /["']/.test(model.text[position.tokenStart - 1] ?? ''),
  };
}

/** Keys the parsed model has for the mapping at `path`, leaving out any on the cursor's line. */
function modelKeys(base: Base, path: readonly PathSegment[]): Set<string> {
  const keys = new Set<string>();
  const map = asMap(path.length === 0 ? base.document.root : getIn(base.document.root, path));
  const lineEnd = base.lineStart + base.lines.text(base.line).length;
  for (const pair of map?.pairs ?? []) {
    const onCursorLine = pair.keySpan[0] >= base.lineStart && pair.keySpan[0] <= lineEnd;
    if (pair.key !== null && !onCursorLine) {
      keys.add(pair.key);
    }
  }
  return keys;
}

/** Scalar items of the sequence that holds the value at `path` (when it is an item). */
function existingItems(base: Base, path: readonly PathSegment[]): Set<string> {
  const items = new Set<string>();
  if (typeof path[path.length - 1] !== 'number') {
    return items;
  }
  const seq = asSeq(getIn(base.document.root, path.slice(0, -1)));
  const lineEnd = base.lineStart + base.lines.text(base.line).length;
  for (const item of seq?.items ?? []) {
    const text = scalarText(item);
    const onCursorLine = item.span[0] >= base.lineStart && item.span[0] <= lineEnd;
    if (text !== undefined && !onCursorLine) {
      items.add(text);
    }
  }
  return items;
}

function mergeKeys(first: Set<string>, second: Set<string>): Set<string> {
  for (const key of second) {
    first.add(key);
  }
  return first;
}

/** True when the text before the cursor ends inside a comment. */
function inComment(before: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < before.length; i++) {
    const ch = before[i];
    if (quote) {
      if (ch === quote) {
        quote = undefined;
      }
    } else if (ch === '"' || ch === "'") {
      // Quotes only open a scalar at its start; `don't` in plain text is not a quote.
      if (i === 0 || /[\s:[{,-]/.test(before[i - 1]!)) {
        quote = ch;
      }
    } else if (ch === '#' && (i === 0 || /\s/.test(before[i - 1]!))) {
      return true;
    }
  }
  return false;
}
