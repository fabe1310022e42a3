// The shared edit builders of every quick fix: insert keys into a mapping at its indentation,
// set a value along a path, append to a sequence, replace a scalar, remove a pair, add a comment
// line, and add a new document after another. They only touch the text they must, so comments
// and formatting elsewhere survive.
import { asMap, getPair, lineOfOffset, offsetToPosition, spanToRange } from '../../model';
import type {
  DocumentModel,
  FileModel,
  LineRange,
  MapNode,
  PairNode,
  SeqNode,
  Span,
  YamlNode,
} from '../../model';
import type { PlainMap, PlainValue, YamlLayout } from './yaml-text';
import {
  isBlockValue,
  nest,
  renderBlockMap,
  renderBlockSeq,
  renderBlockValue,
  renderFlow,
  renderScalar,
} from './yaml-text';

/** One text replacement in one file. */
export interface FileEdit {
  readonly uri: string;
  readonly span: Span;
  readonly range: LineRange;
  readonly newText: string;
}

/** What every builder needs: the file, and how it lays out its YAML. */
export interface EditTarget {
  readonly model: FileModel;
  readonly layout: YamlLayout;
}

export function replaceSpan(model: FileModel, span: Span, newText: string): FileEdit {
  return { uri: model.uri, span, range: spanToRange(model, span), newText };
}

function insertAt(model: FileModel, offset: number, newText: string): FileEdit {
  return replaceSpan(model, [offset, offset], newText);
}

function columnOf(model: FileModel, offset: number): number {
  return offsetToPosition(model, offset).character;
}

/** The end of the last non-blank character inside `span` (trailing line breaks excluded). */
function contentEnd(model: FileModel, span: Span): number {
  let end = span[1];
  while (end > span[0] && /\s/.test(model.text[end - 1] ?? '')) {
    end--;
  }
  return end;
}

/**
 * Where a new line after `node` goes: the start of the line following its last content line.
 * The prefix is a line break when that content ends the file without one.
 */
function lineAfter(target: EditTarget, span: Span): { offset: number; prefix: string } {
  const { model } = target;
  const line = lineOfOffset(model.lineStarts, Math.max(span[0], contentEnd(model, span) - 1));
  const next = model.lineStarts[line + 1];
  return next === undefined
    ? { offset: model.text.length, prefix: target.layout.eol }
    : { offset: next, prefix: '' };
}

/** The offset just after the `:` of a pair (pairs without a value end at their key). */
function colonEnd(model: FileModel, pair: PairNode): number {
  const colon = model.text.indexOf(':', pair.keySpan[1]);
  return colon < 0 ? pair.keySpan[1] : colon + 1;
}

/** Replaces a scalar (or any node) with a rendered scalar value. */
export function replaceScalar(
  model: FileModel,
  node: YamlNode,
  value: string | number | boolean,
): FileEdit {
  return replaceSpan(model, node.span, renderScalar(value));
}

/** Adds pairs at the end of a mapping, at the indentation of its keys. */
export function insertPairs(target: EditTarget, map: MapNode, entries: PlainMap): FileEdit {
  const { model, layout } = target;
  if (map.flow || map.pairs.length === 0) {
    const close = model.text.lastIndexOf('}', map.span[1]);
    const inner = Object.entries(entries)
      .map(([key, value]) => `${renderScalar(key)}: ${renderFlow(value)}`)
      .join(', ');
    return insertAt(model, close, map.pairs.length > 0 ? `, ${inner}` : inner);
  }
  const indent = columnOf(model, map.pairs[0]!.keySpan[0]);
  const { offset, prefix } = lineAfter(target, map.span);
  return insertAt(model, offset, prefix + renderBlockMap(entries, indent, layout));
}

/** Replaces the value of a pair (or fills in a pair written as `key:` with nothing after it). */
export function replacePairValue(
  target: EditTarget,
  pair: PairNode,
  value: PlainValue,
  inFlow = false,
): FileEdit {
  const { model, layout } = target;
  const start = colonEnd(model, pair);
  const end = pair.value ? contentEnd(model, pair.value.span) : start;
  if (!isBlockValue(value) || inFlow) {
    return replaceSpan(model, [start, end], ` ${renderFlow(value)}`);
  }
  const keyIndent = columnOf(model, pair.keySpan[0]);
  const block = renderBlockValue(value, keyIndent, layout);
  return replaceSpan(model, [start, end], layout.eol + block.slice(0, -layout.eol.length));
}

/**
 * Makes `path` below `map` hold `value`: follows the mappings that exist, then inserts the rest
 * as nested keys. An existing value at the end of the path is replaced.
 */
export function setIn(
  target: EditTarget,
  map: MapNode,
  path: readonly string[],
  value: PlainValue,
): FileEdit {
  let current = map;
  for (const [index, key] of path.entries()) {
    const pair = getPair(current, key);
    const rest = path.slice(index + 1);
    if (!pair) {
      return insertPairs(target, current, { [key]: nest(rest, value) });
    }
    const child = asMap(pair.value);
    if (rest.length === 0 || !child || child.pairs.length === 0) {
      return replacePairValue(target, pair, nest(rest, value), current.flow);
    }
    current = child;
  }
  throw new Error('setIn needs a non-empty path');
}

/** Appends an item to a sequence: a new `- item` line, or `, item` in a flow sequence. */
export function appendToSeq(target: EditTarget, seq: SeqNode, item: PlainValue): FileEdit {
  const { model, layout } = target;
  if (seq.flow || seq.items.length === 0) {
    const close = model.text.lastIndexOf(']', seq.span[1]);
    return insertAt(model, close, (seq.items.length > 0 ? ', ' : '') + renderFlow(item));
  }
  const indent = columnOf(model, seq.span[0]);
  const { offset, prefix } = lineAfter(target, seq.span);
  return insertAt(model, offset, prefix + renderBlockSeq([item], indent, layout));
}

/**
 * Removes a pair with its whole lines. Returns undefined when the pair shares its first line
 * with other content (`- key: v` opening a sequence item), which a line removal would break.
 */
export function removePair(target: EditTarget, map: MapNode, pair: PairNode): FileEdit | undefined {
  const { model } = target;
  if (map.flow) {
    const index = map.pairs.indexOf(pair);
    const next = map.pairs[index + 1];
    const previous = map.pairs[index - 1];
    const span: Span = next
      ? [pair.span[0], next.keySpan[0]]
      : [previous ? previous.span[1] : pair.span[0], pair.span[1]];
    return replaceSpan(model, span, '');
  }
  const line = lineOfOffset(model.lineStarts, pair.keySpan[0]);
  const lineStart = model.lineStarts[line] ?? 0;
  if (model.text.slice(lineStart, pair.keySpan[0]).trim() !== '') {
    return undefined;
  }
  const { offset } = lineAfter(target, pair.span);
  return replaceSpan(model, [lineStart, offset], '');
}

/** Inserts a full line above the line holding `offset`, at that line's indentation. */
export function insertLineAbove(target: EditTarget, offset: number, text: string): FileEdit {
  const { model, layout } = target;
  const line = lineOfOffset(model.lineStarts, offset);
  const lineStart = model.lineStarts[line] ?? 0;
  const indent = /^[ \t]*/.exec(model.text.slice(lineStart))?.[0] ?? '';
  return insertAt(model, lineStart, `${indent}${text}${layout.eol}`);
}

/** Adds a new document (`---` and the object) right after `document`'s content. */
export function insertDocumentAfter(
  target: EditTarget,
  document: DocumentModel,
  object: PlainMap,
): FileEdit {
  const { model, layout } = target;
  const span: Span = document.root ? document.root.span : document.span;
  const { offset, prefix } = lineAfter(target, span);
  return insertAt(model, offset, `${prefix}---${layout.eol}${renderBlockMap(object, 0, layout)}`);
}
