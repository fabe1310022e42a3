// Offset ↔ line/character conversion over a model's line starts, so any layer can turn a span
// into an editor position without holding the live TextDocument.
import type { FileModel, Span } from './model';

/** A zero-based line and UTF-16 character, the same shape as an LSP Position. */
export interface LineCharacter {
  readonly line: number;
  readonly character: number;
}

export interface LineRange {
  readonly start: LineCharacter;
  readonly end: LineCharacter;
}

/** Offsets at which lines start. `\r\n`, `\n` and a lone `\r` all end a line, as in LSP. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) {
        i++;
      }
      starts.push(i + 1);
    } else if (code === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The line that contains `offset`, by binary search over the line starts. */
export function lineOfOffset(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) {
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  return low;
}

export function offsetToPosition(
  model: Pick<FileModel, 'lineStarts' | 'text'>,
  offset: number,
): LineCharacter {
  let clamped = Math.max(0, Math.min(offset, model.text.length));
  // Between the `\r` and `\n` of a line break is no position an editor knows (LSP counts the
  // pair as one break): it means the end of that line.
  if (model.text.charCodeAt(clamped) === 10 && model.text.charCodeAt(clamped - 1) === 13) {
    clamped--;
  }
  const line = lineOfOffset(model.lineStarts, clamped);
  return { line, character: clamped - (model.lineStarts[line] ?? 0) };
}

export function positionToOffset(
  model: Pick<FileModel, 'lineStarts' | 'text'>,
  position: LineCharacter,
): number {
  if (position.line >= model.lineStarts.length) {
    return model.text.length;
  }
  const lineStart = model.lineStarts[Math.max(0, position.line)] ?? 0;
  const nextLineStart = model.lineStarts[position.line + 1] ?? model.text.length;
  // Never step past the end of the line (into its line break), even if the client asks to.
  let lineEnd = nextLineStart;
  while (lineEnd > lineStart && isLineBreak(model.text.charCodeAt(lineEnd - 1))) {
    lineEnd--;
  }
  return Math.min(lineStart + Math.max(0, position.character), lineEnd);
}

export function spanToRange(model: Pick<FileModel, 'lineStarts' | 'text'>, span: Span): LineRange {
  return { start: offsetToPosition(model, span[0]), end: offsetToPosition(model, span[1]) };
}

/** The text of the line holding `offset`, without its line break. */
export function lineTextAt(model: Pick<FileModel, 'lineStarts' | 'text'>, offset: number): string {
  const line = lineOfOffset(model.lineStarts, offset);
  const start = model.lineStarts[line] ?? 0;
  let end = model.lineStarts[line + 1] ?? model.text.length;
  while (end > start && isLineBreak(model.text.charCodeAt(end - 1))) {
    end--;
  }
  return model.text.slice(start, end);
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}
