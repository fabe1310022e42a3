// Cuts a file's text into chunks at `---` lines: each chunk is parsed on its own, so an edit
// re-parses only the chunks it touched (parse.ts).
import type { Span } from './model';

const documentMarker = /^---(?:[ \t]|$)/;

/**
 * Cuts the text at `---` lines. A leading chunk of only comments joins the next one (the parser
 * treats such comments as part of the first document). Directives (`%YAML`) apply across a
 * marker, so a file with directives is parsed as one chunk.
 */
export function splitIntoChunks(text: string, lineStarts: readonly number[]): Span[] {
  const cuts: number[] = [];
  for (const lineStart of lineStarts) {
    const first = text.charCodeAt(lineStart);
    if (first === 37 /* % */) {
      return [[0, text.length]];
    }
    if (
      first === 45 /* - */ &&
      lineStart > 0 &&
      documentMarker.test(lineEndSlice(text, lineStart))
    ) {
      cuts.push(lineStart);
    }
  }
  const chunks: Span[] = [];
  let start = 0;
  for (const cut of cuts) {
    if (chunks.length === 0 && isOnlyComments(text.slice(start, cut))) {
      continue;
    }
    chunks.push([start, cut]);
    start = cut;
  }
  chunks.push([start, text.length]);
  return chunks;
}

function lineEndSlice(text: string, lineStart: number): string {
  return text.slice(lineStart, lineStart + 4).replace(/\r?\n.*$/s, '');
}

function isOnlyComments(chunk: string): boolean {
  return chunk.split(/\r?\n|\r/).every((line) => /^\s*(#.*)?$/.test(line));
}
