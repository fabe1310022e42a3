// Quoted scalars whose continuation lines are indented no deeper than their key. YAML 1.2 (and
// the `yaml` package) rejects them, but Kubernetes' own YAML reader (go-yaml, used by kubectl)
// accepts them, and old manifests rely on it (the 2016 contrib PetSets put init containers in a
// single-quoted JSON annotation closed by a `]'` line at the key's indentation). This module
// re-indents such lines so the document can still be read, and maps positions back.
import type { Span } from './model';

/** Spaces inserted at an offset of the original text. */
interface Insertion {
  readonly at: number;
  readonly count: number;
}

export interface QuoteRepair {
  /** The text with continuation lines indented one column deeper than their key. */
  readonly text: string;
  /** The opening quote and the rest of its line, per repaired scalar (original offsets). */
  readonly scalars: readonly Span[];
  /** Maps an offset of the repaired text back to the original text. */
  readonly toOriginal: (offset: number) => number;
}

const quotedValueStart = /^([ \t]*)(?:-[ \t]+)*(?:[^\s#'"-][^#'"]*?:[ \t]+|-[ \t]+)?(['"])/;

/** Where the quoted scalar that opens at `start` closes, or -1. */
function closingQuote(text: string, start: number, quote: string): number {
  for (let at = start + 1; at < text.length; at++) {
    const char = text[at];
    if (quote === "'" && char === "'") {
      if (text[at + 1] === "'") {
        at++;
        continue;
      }
      return at;
    }
    if (quote === '"') {
      if (char === '\\') {
        at++;
        continue;
      }
      if (char === '"') {
        return at;
      }
    }
  }
  return -1;
}

/**
 * Re-indents the under-indented continuation lines of multi-line quoted scalars in a block
 * mapping or sequence. Returns undefined when there is nothing to repair.
 */
export function repairQuotedContinuations(text: string): QuoteRepair | undefined {
  const insertions: Insertion[] = [];
  const scalars: Span[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    const lineEnd = text.indexOf('\n', lineStart);
    const end = lineEnd < 0 ? text.length : lineEnd;
    const line = text.slice(lineStart, end);
    const match = quotedValueStart.exec(line);
    if (!match || /^\s*#/.test(line)) {
      lineStart = end + 1;
      continue;
    }
    const indent = match[1]!.length;
    const open = lineStart + match[0].length - 1;
    const close = closingQuote(text, open, match[2]!);
    if (close < 0 || close < end) {
      lineStart = end + 1;
      continue;
    }
    const before = insertions.length;
    // Every line after the opening one, up to the closing quote, must be indented deeper.
    for (let next = end + 1; next <= close;) {
      const nextEnd = text.indexOf('\n', next);
      const stop = nextEnd < 0 ? text.length : nextEnd;
      const own = /^[ \t]*/.exec(text.slice(next, stop))![0].length;
      if (own <= indent && stop > next + own) {
        insertions.push({ at: next, count: indent + 1 - own });
      }
      next = stop + 1;
    }
    if (insertions.length > before) {
      scalars.push([open, end]);
    }
    const closeLineEnd = text.indexOf('\n', close);
    lineStart = closeLineEnd < 0 ? text.length : closeLineEnd + 1;
  }
  if (insertions.length === 0) {
    return undefined;
  }
  let repaired = '';
  let from = 0;
  for (const insertion of insertions) {
    repaired += text.slice(from, insertion.at) + ' '.repeat(insertion.count);
    from = insertion.at;
  }
  repaired += text.slice(from);
  // Repaired offsets where each insertion starts, with the total inserted before it.
  const starts: { repairedAt: number; at: number; before: number; count: number }[] = [];
  let inserted = 0;
  for (const insertion of insertions) {
    starts.push({
      repairedAt: insertion.at + inserted,
      at: insertion.at,
      before: inserted,
      count: insertion.count,
    });
    inserted += insertion.count;
  }
  const toOriginal = (offset: number): number => {
    let shift = 0;
    for (const start of starts) {
      if (offset < start.repairedAt) {
        break;
      }
      if (offset < start.repairedAt + start.count) {
        return start.at;
      }
      shift = start.before + start.count;
    }
    return offset - shift;
  };
  return { text: repaired, scalars, toOriginal };
}
