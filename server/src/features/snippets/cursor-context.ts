// Where the cursor is in a (usually half-typed) YAML document, read from the text's indentation
// rather than the parsed tree: the mapping it would add a key to, the sequence it would add an item
// to, and whether a whole object may start there.
import type { FileModel, Span } from '../../model';
import { lineOfOffset, lineTextAt } from '../../model';

/** The path segment that stands for "an item of this sequence". */
export const ITEM = '[]';

export type DocumentShape = 'empty' | 'kubernetes' | 'other' | 'helm';

export interface CursorContext {
  /** The word being typed (what a completion replaces). */
  readonly wordSpan: Span;
  /** The column where the word starts. */
  readonly column: number;
  /** The column of a `- ` typed before the word on this line. */
  readonly dashColumn: number | undefined;
  /** What the cursor's document is, judged from its other lines. */
  readonly shape: DocumentShape;
  /** The document's root `kind`, when written. */
  readonly kind: string | undefined;
  /** The mapping the cursor would add a key to, with the keys it already has. */
  readonly keySlot:
    { readonly path: readonly string[]; readonly siblings: ReadonlySet<string> } | undefined;
  /** The sequence the cursor would add an item to. */
  readonly itemSlot: { readonly path: readonly string[] } | undefined;
  /** Set when a whole object may start here, with the `---` separators it needs. */
  readonly root:
    { readonly separatorBefore: boolean; readonly separatorAfter: boolean } | undefined;
}

interface Entry {
  readonly column: number;
  readonly kind: 'key' | 'item';
  readonly path: readonly string[];
  readonly hasValue: boolean;
  readonly children: Set<string>;
  childColumn?: number;
  childKind?: 'map' | 'seq';
  itemColumn?: number;
  /** For items: the column of the content after the dash. */
  contentColumn?: number;
}

const documentMarker = /^(?:---|\.\.\.)(?:\s|$)/;
const typedLine = /^( *)(?:-( +))?([\w.][\w.-]*)?$/;
const keyLine = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#"'{[\]][^#]*?)[ \t]*:(?=\s|$)(.*)$/;
const propertiesOnly = /^(?:[&!]\S*)(?:\s+[&!]\S*)*$/;

/** Analyses the cursor; undefined when the line holds more than an indentation, a dash and a word. */
export function analyzeCursor(model: FileModel, offset: number): CursorContext | undefined {
  const cursorLine = lineOfOffset(model.lineStarts, offset);
  const lineStart = model.lineStarts[cursorLine] ?? 0;
  const lineText = lineTextAt(model, offset);
  const typed = typedLine.exec(lineText.slice(0, offset - lineStart));
  if (!typed || lineText.slice(offset - lineStart).trim() !== '') {
    return undefined;
  }
  const indentation = typed[1]!.length;
  const dashColumn = typed[2] !== undefined ? indentation : undefined;
  const column = typed[2] !== undefined ? indentation + 1 + typed[2].length : indentation;
  const word = typed[3] ?? '';

  const lines = (index: number): string => {
    const start = model.lineStarts[index] ?? model.text.length;
    const end = model.lineStarts[index + 1] ?? model.text.length;
    return model.text.slice(start, end).replace(/\r?\n$|\r$/, '');
  };
  const lineCount = model.lineStarts.length;
  let first = cursorLine;
  while (first > 0 && !documentMarker.test(lines(first - 1))) {
    first--;
  }
  let last = cursorLine + 1;
  while (last < lineCount && !documentMarker.test(lines(last))) {
    last++;
  }

  const scan = scanDocument(
    Array.from({ length: last - first }, (_, i) => lines(first + i)),
    cursorLine - first,
    column,
    dashColumn ?? column,
  );
  const atRoot = column === 0 && dashColumn === undefined;
  return {
    wordSpan: [offset - word.length, offset],
    column,
    dashColumn,
    shape: scan.shape,
    kind: scan.kind,
    keySlot: dashColumn === undefined ? scan.keySlot : undefined,
    itemSlot: scan.itemSlot,
    root:
      atRoot && !(scan.contentBefore && scan.contentAfter)
        ? { separatorBefore: scan.contentBefore, separatorAfter: scan.contentAfter }
        : undefined,
  };
}

interface ScanResult {
  shape: DocumentShape;
  kind: string | undefined;
  keySlot: CursorContext['keySlot'];
  itemSlot: CursorContext['itemSlot'];
  contentBefore: boolean;
  contentAfter: boolean;
}

/**
 * Reads the document's lines with an indentation stack, as a YAML parser would for block
 * collections, and evaluates the cursor line (which it skips) against the stack at that point.
 */
function scanDocument(
  lines: readonly string[],
  cursorIndex: number,
  keyColumn: number,
  itemColumn: number,
): ScanResult {
  const root: Entry = { column: -1, kind: 'key', path: [], hasValue: false, children: new Set() };
  const stack: Entry[] = [root];
  const result: ScanResult = {
    shape: 'empty',
    kind: undefined,
    keySlot: undefined,
    itemSlot: undefined,
    contentBefore: false,
    contentAfter: false,
  };
  let keyParent: Entry | undefined;
  let blockParentColumn: number | undefined;
  let hasContent = false;
  let helm = false;

  const top = (): Entry => stack[stack.length - 1]!;
  const push = (entry: Entry): void => {
    stack.push(entry);
  };

  for (const [index, line] of lines.entries()) {
    if (index === cursorIndex) {
      keyParent = findKeyParent(stack, keyColumn);
      result.itemSlot = findItemSlot(stack, itemColumn);
      continue;
    }
    const indent = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || documentMarker.test(line)) {
      continue;
    }
    if (blockParentColumn !== undefined) {
      if (indent > blockParentColumn) {
        continue;
      }
      blockParentColumn = undefined;
    }
    hasContent = true;
    helm ||= line.includes('{{');
    if (index < cursorIndex) {
      result.contentBefore = true;
    } else {
      result.contentAfter = true;
    }
    if (line[indent] === '\t') {
      continue;
    }
    let column = indent;
    let item: Entry | undefined;
    while (line[column] === '-' && (column + 1 === line.length || line[column + 1] === ' ')) {
      while (top().column > column || (top().column === column && top().kind === 'item')) {
        stack.pop();
      }
      const parent = top();
      parent.childKind ??= 'seq';
      parent.itemColumn ??= column;
      item = {
        column,
        kind: 'item',
        path: [...parent.path, ITEM],
        hasValue: false,
        children: new Set(),
      };
      push(item);
      column++;
      while (line[column] === ' ') {
        column++;
      }
    }
    if (column >= line.length) {
      continue;
    }
    if (item) {
      item.contentColumn = column;
    }
    const rest = line.slice(column);
    const key = keyLine.exec(rest);
    if (!key) {
      if (/^[|>]/.test(rest)) {
        blockParentColumn = column - 1;
      }
      continue;
    }
    const name = unquote(key[1]!.trim());
    const value = stripComment(key[2]!).trim();
    while (top().column >= column) {
      stack.pop();
    }
    const parent = top();
    parent.children.add(name);
    parent.childColumn ??= column;
    parent.childKind ??= 'map';
    const hasValue = value !== '' && !propertiesOnly.test(value);
    push({ column, kind: 'key', path: [...parent.path, name], hasValue, children: new Set() });
    if (/^[|>]/.test(value)) {
      blockParentColumn = column;
    }
    if (parent === root && name === 'kind' && hasValue) {
      result.kind = unquote(value);
    }
  }

  result.shape = helm
    ? 'helm'
    : root.children.has('apiVersion') || root.children.has('kind')
      ? 'kubernetes'
      : hasContent
        ? 'other'
        : 'empty';
  if (keyParent) {
    result.keySlot = { path: keyParent.path, siblings: keyParent.children };
  }
  return result;
}

/** The mapping a key typed at `column` would belong to, or undefined when none fits. */
function findKeyParent(stack: readonly Entry[], column: number): Entry | undefined {
  const parent = [...stack].reverse().find((entry) => entry.column < column);
  if (!parent || parent.hasValue || parent.childKind === 'seq') {
    return undefined;
  }
  // Keys of a mapping share one column: the one after an item's dash, or the first child's.
  const expected =
    parent.kind === 'item' ? (parent.contentColumn ?? parent.childColumn) : parent.childColumn;
  return expected === undefined || expected === column ? parent : undefined;
}

/** The sequence an item starting at `column` would belong to, or undefined when none fits. */
function findItemSlot(stack: readonly Entry[], column: number): ScanResult['itemSlot'] {
  const owner = [...stack]
    .reverse()
    .find((entry) => entry.column < column || (entry.column === column && entry.kind === 'key'));
  if (
    !owner ||
    owner.kind !== 'key' ||
    owner.column < 0 ||
    owner.hasValue ||
    owner.childKind === 'map' ||
    (owner.itemColumn !== undefined && owner.itemColumn !== column)
  ) {
    return undefined;
  }
  return { path: owner.path };
}

function unquote(text: string): string {
  if (text.length >= 2 && (text[0] === '"' || text[0] === "'") && text.endsWith(text[0])) {
    return text.slice(1, -1);
  }
  return text;
}

/** Drops a trailing ` # comment` (a `#` after whitespace, outside quotes). */
function stripComment(text: string): string {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === quote) {
        quote = undefined;
      }
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      return text.slice(0, i);
    }
  }
  return text;
}
