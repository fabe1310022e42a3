// The custom-resource scenario: a workspace of 20 large CRDs (copies of the Prometheus Operator's
// 14,000-line Prometheus CRD, each in its own group) and one Prometheus resource. Measures the
// cold indexing of that workspace and completion inside the resource's spec, whose schema is
// converted from the CRD.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Metric } from './report';
import { delay, fileUri, startDriver } from './lsp-driver';
import { timeMs } from './stats';

export interface CrdScenarioOptions {
  readonly command: readonly string[];
  /** The byte-exact Prometheus CRD of the real-world corpus. */
  readonly crdPath: string;
  /** Where the generated workspace goes. */
  readonly dir: string;
  readonly pull: boolean;
  readonly reps: number;
  readonly warmup: number;
}

const crdCount = 20;

const resource = `apiVersion: monitoring.coreos.com/v1
kind: Prometheus
metadata:
  name: main
spec:
  replicas: 2
  storage:
    volumeClaimTemplate:
      spec:
        resources:
          requests:
            storage: 40Gi
  
`;

export async function runCrdScenario(options: CrdScenarioOptions): Promise<Metric[]> {
  const crd = await readFile(options.crdPath, 'utf8');
  const lines = crd.split('\n').length - 1;
  await mkdir(options.dir, { recursive: true });
  // The first copy keeps the real group, so the resource below finds it; the others differ.
  for (let i = 0; i < crdCount; i++) {
    const text =
      i === 0 ? crd : crd.replaceAll('monitoring.coreos.com', `monitoring${i}.example.com`);
    await writeFile(join(options.dir, `crd-${String(i).padStart(2, '0')}.yaml`), text);
  }
  const resourcePath = join(options.dir, 'prometheus.yaml');
  await writeFile(resourcePath, resource);

  const start = process.hrtime.bigint();
  const driver = await startDriver({
    command: options.command,
    rootPath: options.dir,
    pull: options.pull,
  });
  try {
    let indexMs: number | undefined;
    for (let waited = 0; waited < 120_000; waited += 10) {
      const status = await driver.request<{ indexing?: boolean; indexedFiles?: number }>(
        'kubeStateful/status',
      );
      if (!status.indexing && (status.indexedFiles ?? 0) >= crdCount + 1) {
        indexMs = Number(process.hrtime.bigint() - start) / 1e6;
        break;
      }
      await delay(10);
    }
    const memory = driver.memory();
    const uri = fileUri(resourcePath);
    await driver.open(uri, resource);
    const position = { line: resource.split('\n').length - 2, character: 2 };
    const labels = (await driver.completion(uri, position)).map((item) => item.label);
    if (!labels.includes('serviceMonitorSelector')) {
      throw new Error(
        `completion in the Prometheus spec lacks its CRD fields: ${labels.join(', ')}`,
      );
    }
    const samples: number[] = [];
    for (let i = 0; i < options.warmup + options.reps; i++) {
      const ms = await timeMs(() => driver.completion(uri, position));
      if (i >= options.warmup) {
        samples.push(ms);
      }
    }
    return [
      {
        name: `index ${crdCount} CRDs of ${lines} lines → idle`,
        unit: 'ms',
        samples: indexMs === undefined ? [] : [indexMs],
        note: 'from spawn until the status request reports the scan done',
      },
      {
        name: `resident memory after indexing ${crdCount} CRDs (VmRSS)`,
        unit: 'MB',
        samples: memory ? [memory.rssMb] : [],
        note: 'the index keeps the parsed CRDs: their schemas are converted on demand',
      },
      {
        name: `completion, custom resource spec (CRD of ${lines} lines)`,
        unit: 'ms',
        samples,
        target: { p95Below: 5 },
      },
    ];
  } finally {
    await driver.shutdown();
  }
}
