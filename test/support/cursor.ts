// Inline test documents mark the cursor with `$0` (YAML uses `|` itself). This strips the marker
// and reports the offset it stood at.

export interface CursorText {
  readonly text: string;
  readonly offset: number;
}

/** Removes the single `$0` marker from `source`; throws when there is none or more than one. */
export function withCursor(source: string): CursorText {
  const offset = source.indexOf('$0');
  if (offset < 0 || source.indexOf('$0', offset + 1) >= 0) {
    throw new Error(`expected exactly one $0 cursor marker in:\n${source}`);
  }
  return { text: source.slice(0, offset) + source.slice(offset + 2), offset };
}

/** The zero-based line and character of the marker, for protocol requests. */
export function cursorPosition(source: string): CursorText & { line: number; character: number } {
  const cursor = withCursor(source);
  const before = cursor.text.slice(0, cursor.offset);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { ...cursor, line, character: cursor.offset - lineStart };
}
