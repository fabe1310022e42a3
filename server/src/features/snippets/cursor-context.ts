// Where a snippet could go at the cursor, in snippet terms: the mapping it would add a key to,
// the sequence it would add an item to, and whether a whole object may start there. The reading
// of the (usually half-typed) text is schema completion's; this file only interprets it.
import type { FileModel, PathSegment, Span } from '../../model';
import { documentAt, lineOfOffset } from '../../model';
import { analyzeContext, routeOf } from '../completion';
import { isDocumentMarker, linesOf, parseLineShape } from '../completion/lines';

export interface CursorContext {
  /** The word being typed (what a completion replaces). */
  readonly wordSpan: Span;
  /** The column where the word starts. */
  readonly column: number;
  /** The column of a `- ` typed before the word on this line. */
  readonly dashColumn: number | undefined;
  /** The document's root `kind`, when written. */
  readonly kind: string | undefined;
  /** True in a Kubernetes document; false in an empty one being started. */
  readonly manifest: boolean;
  /** The mapping the cursor would add a key to, with the keys it already has. */
  readonly keySlot:
    { readonly path: readonly PathSegment[]; readonly siblings: ReadonlySet<string> } | undefined;
  /** The sequence the cursor would add an item to (its key path). */
  readonly itemSlot: { readonly path: readonly PathSegment[] } | undefined;
  /** Set when a whole object may start here, with the `---` separators it needs. */
  readonly root:
    { readonly separatorBefore: boolean; readonly separatorAfter: boolean } | undefined;
}

/** Analyses the cursor; undefined where no snippet fits (values, comments, other YAML). */
export function analyzeCursor(model: FileModel, offset: number): CursorContext | undefined {
  const document = documentAt(model, offset);
  const route = routeOf(model, document, offset);
  if (route === 'none') {
    return undefined;
  }
  const context = analyzeContext(model, document, offset);
  if (!context || context.target !== 'key' || context.flow || context.hasColon) {
    return undefined;
  }
  const { path } = context;
  const last = path[path.length - 1];
  const dashColumn = context.inNewItem ? dashBefore(model, context.replace[0]) : undefined;
  // After a typed `- ` the word starts an item's mapping. Without one, the line may still start
  // an item: below a list key (`volumes:`), indented deeper or at the key's own column.
  const itemSlot = context.inNewItem
    ? typeof last === 'number'
      ? { path: path.slice(0, -1) }
      : undefined
    : (compactItemSlot(model, document.span, offset, context.column, path) ??
      (typeof last === 'string' ? { path } : undefined));
  const atRoot = path.length === 0 && context.column === 0 && !context.inNewItem;
  return {
    wordSpan: context.replace,
    column: context.column,
    dashColumn,
    kind: document.kind,
    manifest: route === 'kubernetes',
    keySlot: context.inNewItem ? undefined : { path, siblings: context.existingKeys },
    itemSlot,
    root: atRoot ? separatorsAt(model, offset, document.span) : undefined,
  };
}

/**
 * The separators a whole object needs at an empty line at column 0: one before it when the
 * document already has content above, one after when content follows. With content on both
 * sides the line is inside an object, where no whole object goes.
 */
function separatorsAt(model: FileModel, offset: number, span: Span): CursorContext['root'] {
  const lines = linesOf(model);
  const cursorLine = lineOfOffset(model.lineStarts, offset);
  const first = lineOfOffset(model.lineStarts, span[0]);
  const last = lineOfOffset(model.lineStarts, Math.max(span[0], span[1] - 1));
  let before = false;
  let after = false;
  for (let line = first; line <= last && line < lines.count; line++) {
    const text = lines.text(line).trim();
    if (line === cursorLine || text === '' || text.startsWith('#') || isDocumentMarker(text)) {
      continue;
    }
    if (line < cursorLine) {
      before = true;
    } else {
      after = true;
    }
  }
  return before && after ? undefined : { separatorBefore: before, separatorAfter: after };
}

/**
 * The list a line at `column` continues when the list's items sit at its key's own column
 * (`volumes:` then `- name: a`, both at column 2): the nearest line above at that column is
 * either such an item or the list key itself, with nothing deeper in between.
 */
function compactItemSlot(
  model: FileModel,
  span: Span,
  offset: number,
  column: number,
  mappingPath: readonly PathSegment[],
): CursorContext['itemSlot'] {
  const lines = linesOf(model);
  const first = lineOfOffset(model.lineStarts, span[0]);
  let deeper = false;
  let sawItem = false;
  for (let line = lineOfOffset(model.lineStarts, offset) - 1; line >= first; line--) {
    const shape = parseLineShape(lines.text(line));
    if (shape.blank) {
      continue;
    }
    const entry = shape.entries[0];
    if (shape.indent > column) {
      deeper = true;
      continue;
    }
    if (!entry || entry.column !== column) {
      return undefined;
    }
    if (entry.key === undefined) {
      sawItem = true;
      deeper = false;
      continue;
    }
    const opensBlock = shape.entries.length === 1 && shape.rest === '';
    return opensBlock && (sawItem || !deeper) ? { path: [...mappingPath, entry.key] } : undefined;
  }
  return undefined;
}

/** The column of the `- ` that precedes the word starting at `wordStart`. */
function dashBefore(model: FileModel, wordStart: number): number | undefined {
  const lineStart = model.lineStarts[lineOfOffset(model.lineStarts, wordStart)] ?? 0;
  const before = model.text.slice(lineStart, wordStart);
  const dash = before.trimEnd().lastIndexOf('-');
  return dash >= 0 && before.slice(dash + 1).trim() === '' ? dash : undefined;
}
