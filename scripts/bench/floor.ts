// The floor every diagnostics figure is compared with: how long the `yaml` parser alone takes on
// the same text, with the options the server's model uses (so the comparison is like for like).
import { parseAllDocuments } from 'yaml';
import { elapsedMs } from './stats';

/** The floor metrics, each a parse of the text a group of diagnostics figures works on. */
export const floorNames = {
  largeFile: 'floor: yaml parse, large file',
  workspace: 'floor: yaml parse, whole workspace',
  crossFile: 'floor: yaml parse, Service + dependents',
} as const;

/** Parses like server/src/model/parse.ts does, and returns how many documents it found. */
function parseOnce(text: string): number {
  const documents = parseAllDocuments(text, {
    uniqueKeys: false,
    keepSourceTokens: false,
    prettyErrors: false,
  });
  return Array.isArray(documents) ? documents.length : 0;
}

/** Times `reps` parses of each text set after `warmup` untimed ones, in milliseconds per set. */
export function measureParseFloor(
  texts: readonly string[],
  reps: number,
  warmup: number,
): number[] {
  const samples: number[] = [];
  let documents = 0;
  for (let i = 0; i < warmup + reps; i++) {
    const start = process.hrtime.bigint();
    for (const text of texts) {
      documents += parseOnce(text);
    }
    if (i >= warmup) {
      samples.push(elapsedMs(start));
    }
  }
  // Using the count keeps the parse from looking dead to the optimizer.
  if (documents < 0) {
    throw new Error('unreachable');
  }
  return samples;
}
