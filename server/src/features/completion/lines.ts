// Reads the block structure of single YAML lines without a parser: indentation, `- ` item
// markers and `key:` entries. Completion leans on it because a document being typed rarely
// parses cleanly, while its indentation almost always says where the cursor is.
import type { FileModel } from '../../model';

/** A `- ` item marker (no key) or a `key:` on a line. */
export interface LineEntry {
  /** Column of the dash, or of the first character of the key. */
  readonly column: number;
  /** The key without quotes; undefined for a `- ` marker. */
  readonly key?: string;
}

export interface LineShape {
  /** Leading spaces. */
  readonly indent: number;
  /** Item markers and keys from left to right (`- - name:` has three). */
  readonly entries: readonly LineEntry[];
  /** Column where the text after the last entry starts (a value, or a key being typed). */
  readonly restColumn: number;
  /** The text after the last entry, without the leading spaces. */
  readonly rest: string;
  /** True for lines with nothing but spaces or a comment. */
  readonly blank: boolean;
}

// A block key: a quoted scalar, or a plain scalar up to the first `: ` (so `image: nginx:1.25`
// yields `image`), followed by a colon at the end of the line or before a space.
const keyPattern =
  /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{}[\],&*!|>%@`-][^#]*?|-[^\s#][^#]*?)[ \t]*:(?=[ \t]|$)/;

export function parseLineShape(text: string): LineShape {
  let i = 0;
  while (text.charCodeAt(i) === 32) {
    i++;
  }
  const indent = i;
  if (i >= text.length || text[i] === '#') {
    return { indent, entries: [], restColumn: i, rest: '', blank: true };
  }
  const entries: LineEntry[] = [];
  for (;;) {
    if (text[i] === '-' && (i + 1 === text.length || text[i + 1] === ' ' || text[i + 1] === '\t')) {
      entries.push({ column: i });
      i = skipSpaces(text, i + 1);
      continue;
    }
    const match = keyPattern.exec(text.slice(i));
    if (match) {
      entries.push({ column: i, key: unquote(match[1]!) });
      i = skipSpaces(text, i + match[0].length);
    }
    break;
  }
  return { indent, entries, restColumn: i, rest: text.slice(i), blank: false };
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (text[i] === ' ' || text[i] === '\t') {
    i++;
  }
  return i;
}

function unquote(key: string): string {
  if (key.startsWith('"') && key.endsWith('"') && key.length >= 2) {
    return key.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  if (key.startsWith("'") && key.endsWith("'") && key.length >= 2) {
    return key.slice(1, -1).replace(/''/g, "'");
  }
  return key;
}

/** Leading spaces of a line, counted without building the shape. */
export function indentOf(text: string): number {
  let i = 0;
  while (text.charCodeAt(i) === 32) {
    i++;
  }
  return i;
}

/** True for `---` and `...` lines, which end a document whatever the indentation around them. */
export function isDocumentMarker(text: string): boolean {
  return /^(---|\.\.\.)(\s|$)/.test(text);
}

/** Line access over a model without copying the file into an array of lines. */
export interface Lines {
  readonly count: number;
  /** The text of line `index` without its line break. */
  text(index: number): string;
  /** Offset at which line `index` starts. */
  start(index: number): number;
}

export function linesOf(model: Pick<FileModel, 'text' | 'lineStarts'>): Lines {
  const { text, lineStarts } = model;
  return {
    count: lineStarts.length,
    start: (index) => lineStarts[index] ?? text.length,
    text(index) {
      const start = lineStarts[index] ?? text.length;
      let end = lineStarts[index + 1] ?? text.length;
      while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) {
        end--;
      }
      return text.slice(start, end);
    },
  };
}

const indentUnits = new WeakMap<object, number>();

/**
 * The file's indentation step (2 or 4 in practice): the first increase of indentation after a
 * `key:` line that opens a block. Cached per model, since a model never changes.
 */
export function indentUnitOf(model: Pick<FileModel, 'text' | 'lineStarts'>): number {
  const cached = indentUnits.get(model);
  if (cached !== undefined) {
    return cached;
  }
  const lines = linesOf(model);
  let unit = 2;
  let previous: { indent: number; opens: boolean } | undefined;
  for (let index = 0; index < lines.count; index++) {
    const shape = parseLineShape(lines.text(index));
    if (shape.blank) {
      continue;
    }
    const column = shape.entries[0]?.column ?? shape.indent;
    if (previous?.opens && column > previous.indent && shape.entries[0]?.key !== undefined) {
      const step = column - previous.indent;
      if (step >= 2 && step <= 8) {
        unit = step;
        break;
      }
    }
    const last = shape.entries[shape.entries.length - 1];
    previous = {
      indent: last?.column ?? shape.indent,
      opens: last?.key !== undefined && (shape.rest === '' || shape.rest.startsWith('#')),
    };
  }
  indentUnits.set(model, unit);
  return unit;
}
