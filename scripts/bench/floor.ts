// The floor every diagnostics figure is compared with: how long the `yaml` parser alone takes on
// the same text, with the options the server's model uses (so the comparison is like for like).
import { parseAllDocuments } from 'yaml';
import { elapsedMs } from './stats';

/** The floor metrics, each a parse of the text a group of diagnostics figures works on. */
export const floorNames = {
  largeFile: 'floor: yaml parse, large file',
  workspace: 'floor: yaml parse, whole workspace',
  crossFile: 'floor: yaml parse, Service + dependents',
  largeFileCpu: 'floor CPU: yaml parse, large file',
  workspaceCpu: 'floor CPU: yaml parse, whole workspace',
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

export interface FloorSamples {
  /** Wall-clock milliseconds per parse of the whole set. */
  readonly wall: number[];
  /** CPU milliseconds (user + system) per parse of the whole set. */
  readonly cpu: number[];
}

/** Times `reps` parses of each text set after `warmup` untimed ones, in milliseconds per set. */
export function measureParseFloor(
  texts: readonly string[],
  reps: number,
  warmup: number,
): FloorSamples {
  const wall: number[] = [];
  const cpu: number[] = [];
  let documents = 0;
  for (let i = 0; i < warmup + reps; i++) {
    const start = process.hrtime.bigint();
    const startCpu = process.cpuUsage();
    for (const text of texts) {
      documents += parseOnce(text);
    }
    if (i >= warmup) {
      const used = process.cpuUsage(startCpu);
      wall.push(elapsedMs(start));
      cpu.push((used.user + used.system) / 1000);
    }
  }
  // Using the count keeps the parse from looking dead to the optimizer.
  if (documents < 0) {
    throw new Error('unreachable');
  }
  return { wall, cpu };
}
