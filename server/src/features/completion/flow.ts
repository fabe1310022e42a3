// Flow collections (`{ a: 1, b }`, `[x, y]`) around the cursor: which one it is in, the path of
// keys and indexes inside it, the entries it already has and the token being typed.
import type { PathSegment } from '../../model';

export interface FlowPosition {
  /** Path inside the flow collection, from its outermost bracket. */
  readonly path: PathSegment[];
  /** `key`: typing a key of the innermost map; `value`: typing the value at `path`. */
  readonly target: 'key' | 'value';
  /** Offset where the token being typed starts (after spaces and an opening quote). */
  readonly tokenStart: number;
  /** Keys (for a map) or scalar items (for a sequence) already in the innermost collection. */
  readonly present: string[];
}

interface Frame {
  readonly open: '{' | '[';
  /** Index of the current item (sequences) or pair (maps). */
  index: number;
  /** The key of the current pair once its colon has been read. */
  key: string | undefined;
  tokenStart: number;
  readonly present: string[];
}

/**
 * Scans `text` from `start` (an opening bracket) to `offset`. Returns undefined when the
 * collection is closed before the offset, so the cursor is not inside it.
 */
export function scanFlow(text: string, start: number, offset: number): FlowPosition | undefined {
  const frames: Frame[] = [];
  const segments: PathSegment[] = [];
  let i = start;
  while (i < offset) {
    const ch = text[i]!;
    const top = frames[frames.length - 1];
    if (ch === '"' || ch === "'") {
      const close = closingQuote(text, i, ch);
      if (close === -1 || close >= offset) {
        // The cursor is inside a quoted token; its text starts after the quote.
        if (top) {
          top.tokenStart = i + 1;
        }
        break;
      }
      i = close + 1;
      continue;
    }
    if (ch === '#' && /\s/.test(text[i - 1] ?? ' ')) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? offset : end;
      continue;
    }
    if (ch === '{' || ch === '[') {
      if (top) {
        segments.push(
          top.open === '{' ? (top.key ?? tokenText(text, top.tokenStart, i)) : top.index,
        );
      }
      frames.push({ open: ch, index: 0, key: undefined, tokenStart: i + 1, present: [] });
    } else if (ch === '}' || ch === ']') {
      frames.pop();
      if (frames.length === 0) {
        return undefined;
      }
      segments.pop();
      // The nested collection was this pair's value; nothing more is typed for it.
      frames[frames.length - 1]!.tokenStart = i + 1;
    } else if (ch === ',' && top) {
      const token = tokenText(text, top.tokenStart, i);
      if (top.open === '{') {
        const key = top.key ?? token;
        if (key !== '') {
          top.present.push(key);
        }
      } else if (token !== '') {
        top.present.push(token);
      }
      top.index++;
      top.key = undefined;
      top.tokenStart = i + 1;
    } else if (ch === ':' && top?.open === '{' && top.key === undefined && isValueColon(text, i)) {
      top.key = tokenText(text, top.tokenStart, i);
      top.tokenStart = i + 1;
    }
    i++;
  }
  const top = frames[frames.length - 1];
  if (!top) {
    return undefined;
  }
  let tokenStart = top.tokenStart;
  while (tokenStart < offset && /[ \t\r\n]/.test(text[tokenStart]!)) {
    tokenStart++;
  }
  if (top.open === '[') {
    return { path: [...segments, top.index], target: 'value', tokenStart, present: top.present };
  }
  if (top.key !== undefined) {
    return { path: [...segments, top.key], target: 'value', tokenStart, present: top.present };
  }
  return { path: segments, target: 'key', tokenStart, present: top.present };
}

/** Keys (or items) of the innermost collection after the cursor, up to its closing bracket. */
export function flowEntriesAfter(text: string, offset: number, lineEnd: number): string[] {
  const found: string[] = [];
  let depth = 0;
  let tokenStart = offset;
  for (let i = offset; i < lineEnd; i++) {
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      depth++;
    } else if (ch === '}' || ch === ']') {
      if (depth === 0) {
        break;
      }
      depth--;
    } else if (depth === 0 && ch === ',') {
      tokenStart = i + 1;
    } else if (depth === 0 && ch === ':' && isValueColon(text, i)) {
      const key = tokenText(text, tokenStart, i);
      // The token the cursor is in is the one being typed, not an existing entry.
      if (tokenStart !== offset && key !== '') {
        found.push(key);
      }
    }
  }
  return found;
}

function isValueColon(text: string, i: number): boolean {
  const next = text[i + 1];
  return next === undefined || /[\s,}\]]/.test(next) || /["']/.test(text[i - 1] ?? '');
}

function tokenText(text: string, from: number, to: number): string {
  return text
    .slice(from, to)
    .trim()
    .replace(/^(["'])(.*)\1$/, '$2');
}

function closingQuote(text: string, open: number, quote: string): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\' && quote === '"') {
      i++;
    } else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") {
        i++;
        continue;
      }
      return i;
    }
  }
  return -1;
}
