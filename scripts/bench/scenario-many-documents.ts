// The many-documents scenario: a 5,000-document file of about 4.8 MB opened cold (time to the
// first diagnostics, and how long a hover sent meanwhile waits), then edits in its middle.
import type { Driver } from './lsp-driver';
import type { Metric } from './report';
import { spreadLines } from './scenario-editor';
import { timeMs } from './stats';

export interface ManyDocumentsOptions {
  readonly driver: Driver;
  readonly text: string;
  readonly uri: string;
  readonly opens: number;
  readonly editReps: number;
}

export async function runManyDocumentsScenario(options: ManyDocumentsOptions): Promise<Metric[]> {
  const { driver, text } = options;
  const first: number[] = [];
  const hoverWaits: number[] = [];
  const replicas = spreadLines(text, /^ {2}replicas: \d+$/)[1]!;
  for (let i = 0; i < options.opens; i++) {
    const uri = i === 0 ? options.uri : options.uri.replace(/\.yaml$/, `-${i}.yaml`);
    const start = performance.now();
    const diagnostics = driver.diagnosticsAfter(uri, () => driver.open(uri, text));
    // A hover on the same file sent right after the open: answered when the server gets to it.
    const hover = driver
      .hover(uri, { line: replicas.line, character: 3 })
      .then(() => performance.now() - start);
    await diagnostics;
    first.push(performance.now() - start);
    hoverWaits.push(await hover);
    if (i > 0) {
      await driver.close(uri);
    }
  }
  let version = 1;
  const edits: number[] = [];
  for (let i = 0; i < options.editReps; i++) {
    const range = {
      start: { line: replicas.line, character: 12 },
      end: { line: replicas.line, character: replicas.text.length },
    };
    const next = ++version;
    edits.push(
      await timeMs(() =>
        driver.diagnosticsAfter(options.uri, () =>
          driver.change(options.uri, next, [{ range, text: String((i % 5) + 2) }]),
        ),
      ),
    );
  }
  const documents = text.split(/^---$/m).length - 1;
  const note = `${documents} documents, ${(text.length / 1e6).toFixed(2)} MB`;
  return [
    {
      name: 'open 5,000 documents → diagnostics',
      unit: 'ms',
      samples: first,
      target: { p95Below: 2000 },
      note,
    },
    { name: 'hover sent during that open, answered', unit: 'ms', samples: hoverWaits },
    {
      name: 'edit in 5,000 documents → diagnostics',
      unit: 'ms',
      samples: edits,
      target: { p95Below: 200 },
    },
  ];
}
