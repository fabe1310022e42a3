// `npm run bench -- --compare`: the editor scenario on our server and on yaml-language-server,
// alternating (ours, peer, ours, peer, …) so that a busy machine weighs on both alike, then a
// table of both figures and their ratio. The peer is installed from the npm registry into the
// git-ignored `.bench/peer/` at bench time; it is never a dependency of this package.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileUri, startDriver } from './lsp-driver';
import type { Metric } from './report';
import { runEditorScenario } from './scenario-editor';
import type { EditorOptions } from './scenario-editor';
import { summarize } from './stats';

/** The peer, pinned to the major version issue 17 measured. */
export const peerPackage = 'yaml-language-server@2';

/** Installs the peer into `<dir>/peer` (once) and returns its stdio command. */
export async function installPeer(dir: string): Promise<string[]> {
  const peerDir = join(dir, 'peer');
  const bin = join(peerDir, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
  if (!existsSync(bin)) {
    await mkdir(peerDir, { recursive: true });
    // Its own package.json keeps npm from walking up to ours and adding a dependency there.
    await writeFile(join(peerDir, 'package.json'), '{ "private": true }\n');
    try {
      execFileSync(
        'npm',
        ['install', '--no-audit', '--no-fund', '--no-package-lock', peerPackage],
        { cwd: peerDir, stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 },
      );
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim() ?? '';
      throw new Error(
        `--compare installs ${peerPackage} from the npm registry into ${peerDir}, and that ` +
          `failed (offline, or no registry access?). ${stderr.split('\n').slice(-3).join(' ')}`,
        { cause: error },
      );
    }
  }
  return [process.execPath, bin, '--stdio'];
}

export interface CompareOptions extends Omit<EditorOptions, 'driver' | 'uri'> {
  readonly ours: readonly string[];
  readonly peer: readonly string[];
  readonly path: string;
  readonly rootPath: string;
  readonly rounds: number;
  readonly waitUntilIdle: (driver: Awaited<ReturnType<typeof startDriver>>) => Promise<void>;
}

export interface Comparison {
  readonly name: string;
  readonly unit: 'ms' | 'MB';
  readonly ours: readonly number[];
  readonly peer: readonly number[];
}

/** Runs the editor scenario on both servers, alternating, and pools each metric's samples. */
export async function compareServers(options: CompareOptions): Promise<Comparison[]> {
  const pooled = new Map<string, { unit: 'ms' | 'MB'; ours: number[]; peer: number[] }>();
  for (let round = 0; round < options.rounds; round++) {
    for (const side of ['ours', 'peer'] as const) {
      const driver = await startDriver({
        command: options[side],
        rootPath: options.rootPath,
        timeoutMs: 120_000,
      });
      let metrics: Metric[];
      try {
        await options.waitUntilIdle(driver);
        metrics = await runEditorScenario({ ...options, driver, uri: fileUri(options.path) });
      } finally {
        await driver.shutdown();
      }
      for (const metric of metrics) {
        const entry = pooled.get(metric.name) ?? { unit: metric.unit, ours: [], peer: [] };
        entry[side].push(...metric.samples);
        pooled.set(metric.name, entry);
      }
    }
  }
  return [...pooled].map(([name, entry]) => ({ name, ...entry }));
}

/** The comparison as a table: each server's p50 and p95, and how many times ours is faster. */
export function formatComparison(rows: readonly Comparison[]): string {
  const cell = (samples: readonly number[], unit: string): string => {
    const summary = summarize(samples);
    return summary ? `${format(summary.p50)} / ${format(summary.p95)} ${unit}` : 'not measured';
  };
  const ratio = (row: Comparison): string => {
    const ours = summarize(row.ours)?.p95;
    const peer = summarize(row.peer)?.p95;
    return ours && peer ? `${(peer / ours).toFixed(1)}×` : '';
  };
  const lines = [
    '| metric | Kube Stateful p50 / p95 | yaml-language-server p50 / p95 | ratio (p95) |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${row.name} | ${cell(row.ours, row.unit)} | ${cell(row.peer, row.unit)} | ${ratio(row)} |`,
    ),
  ];
  return lines.join('\n');
}

function format(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}
