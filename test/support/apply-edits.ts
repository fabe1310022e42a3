// Applies plain text edits to a text, as an editor would apply a WorkspaceEdit: spans refer to
// the original text, so edits are applied from the end backwards.
import type { Span } from '../../server/src/model';

export interface SpanEdit {
  readonly span: Span;
  readonly newText: string;
}

export function applyEdits(text: string, edits: readonly SpanEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span[0] - a.span[0] || b.span[1] - a.span[1]);
  let result = text;
  let limit = Infinity;
  for (const edit of sorted) {
    if (edit.span[1] > limit) {
      throw new Error(`overlapping edits at ${edit.span[0]}`);
    }
    result = result.slice(0, edit.span[0]) + edit.newText + result.slice(edit.span[1]);
    limit = edit.span[0];
  }
  return result;
}
