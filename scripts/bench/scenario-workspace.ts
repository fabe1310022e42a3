// The workspace scenarios: cold indexing of the generated workspace (time to the end of the
// indexing and the last diagnostics refresh, and the server's memory afterwards), and a
// cross-file change: editing the Service that many StatefulSets depend on.
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver/node';
import { floorNames } from './floor';
import type { Workspace } from './inputs';
import type { Driver } from './lsp-driver';
import { delay, fileUri, startDriver } from './lsp-driver';
import type { Metric } from './report';
import { elapsedMs } from './stats';

export interface WorkspaceOptions {
  readonly command: readonly string[];
  readonly root: string;
  readonly workspace: Workspace;
  readonly pull: boolean;
  readonly indexRuns: number;
  readonly crossReps: number;
}

interface IndexRun {
  readonly driver: Driver;
  readonly initializeMs: number;
  /** Undefined when the server reported no indexing progress. */
  readonly progressEndMs: number | undefined;
  /** When the server last asked for a diagnostics refresh after indexing. */
  readonly lastRefreshMs: number | undefined;
  readonly indexedFiles: number | undefined;
  /** The server's CPU time from its start to the end of the indexing. */
  readonly cpuMs: number | undefined;
}

/** How long without a new refresh before the indexing counts as settled. */
const quietMs = 500;

async function indexedFiles(driver: Driver): Promise<number | undefined> {
  try {
    const status = await driver.request<{ indexedFiles?: number }>('kubeStateful/status');
    return status.indexedFiles;
  } catch {
    return undefined;
  }
}

/** Waits until no refresh has arrived for `ms` milliseconds. */
async function settle(driver: Driver, ms: number): Promise<void> {
  let seen = driver.refreshes.length;
  for (;;) {
    await delay(ms);
    if (driver.refreshes.length === seen) {
      return;
    }
    seen = driver.refreshes.length;
  }
}

async function indexOnce(options: WorkspaceOptions): Promise<IndexRun> {
  const start = process.hrtime.bigint();
  const driver = await startDriver({
    command: options.command,
    rootPath: options.root,
    pull: options.pull,
  });
  const sinceStart = (at: bigint): number => Number(at - start) / 1e6;
  // Servers create their progress right after `initialized`; none within 5 s means none at all.
  let ended: bigint | undefined;
  for (let waited = 0; ended === undefined; waited += 5) {
    ended = driver.progress.find((event) => event.kind === 'end')?.at;
    if (waited > 5000 && driver.progress.length === 0) {
      break;
    }
    if (waited > 120_000) {
      throw new Error('indexing did not finish within 2 minutes');
    }
    await delay(5);
  }
  await settle(driver, quietMs);
  const last = driver.refreshes[driver.refreshes.length - 1];
  return {
    driver,
    initializeMs: driver.initializeMs,
    progressEndMs: ended === undefined ? undefined : sinceStart(ended),
    lastRefreshMs: last === undefined || ended === undefined ? undefined : sinceStart(last),
    indexedFiles: await indexedFiles(driver),
    cpuMs: driver.cpuMs(),
  };
}

/**
 * One more cold start whose indexing is not timed: meanwhile, an open file asks for completion
 * every 20 ms, to show whether indexing in the background holds up the editor.
 */
async function completionWhileIndexing(options: WorkspaceOptions): Promise<[Metric, Driver]> {
  const driver = await startDriver({
    command: options.command,
    rootPath: options.root,
    pull: options.pull,
  });
  const file = options.workspace.files[0]!;
  const uri = fileUri(join(options.root, ...file.path.split('/')));
  await driver.open(uri, file.text);
  const lines = file.text.split('\n');
  const line = lines.findIndex((text) => text.startsWith('reclaimPolicy: '));
  const position = { line, character: 'reclaimPolicy: '.length };
  const samples: number[] = [];
  const started = process.hrtime.bigint();
  const indexing = (): boolean =>
    !driver.progress.some((event) => event.kind === 'end') &&
    (driver.progress.length > 0 || elapsedMs(started) < 5000);
  while (driver.capabilities.completionProvider && indexing() && elapsedMs(started) < 120_000) {
    const asked = process.hrtime.bigint();
    await driver.completion(uri, position);
    samples.push(elapsedMs(asked));
    await delay(20);
  }
  await settle(driver, quietMs);
  const name = 'completion while indexing';
  const note = !driver.capabilities.completionProvider
    ? 'the server does not offer completion'
    : driver.progress.length === 0
      ? 'the server reported no indexing progress'
      : 'StorageClass reclaimPolicy value, every 20 ms until the indexing progress ended';
  return [{ name, unit: 'ms', samples: driver.progress.length > 0 ? samples : [], note }, driver];
}

async function measureIndexing(
  options: WorkspaceOptions,
  initializeMs: number[],
): Promise<Metric[]> {
  const ends: number[] = [];
  const refreshed: number[] = [];
  const rss: number[] = [];
  const peaks: number[] = [];
  const cpu: number[] = [];
  let files: number | undefined;
  for (let run = 0; run < options.indexRuns; run++) {
    const result = await indexOnce(options);
    const driver = result.driver;
    initializeMs.push(result.initializeMs);
    files = result.indexedFiles;
    if (result.progressEndMs !== undefined) {
      ends.push(result.progressEndMs);
      refreshed.push(result.lastRefreshMs ?? result.progressEndMs);
      if (result.cpuMs !== undefined) {
        cpu.push(result.cpuMs);
      }
    }
    const memory = driver.memory();
    if (memory) {
      rss.push(memory.rssMb);
      peaks.push(memory.peakRssMb);
    }
    await driver.shutdown();
  }
  const count = options.workspace.files.length;
  const none = 'the server reported no indexing progress';
  const metrics: Metric[] = [
    {
      name: `index ${count} files → progress end`,
      unit: 'ms',
      samples: ends,
      note: ends.length === 0 ? none : undefined,
    },
    {
      name: `index ${count} files → last diagnostics refresh`,
      unit: 'ms',
      samples: refreshed,
      target: { p95Below: 3000 },
      floor: floorNames.workspace,
      note:
        refreshed.length === 0
          ? none
          : `from spawn and initialize; the server reports ${files ?? '?'} indexed files`,
    },
    {
      name: `server CPU, start + index ${count} files`,
      unit: 'ms',
      samples: cpu,
      floor: floorNames.workspaceCpu,
      note: ends.length === 0 ? none : 'read from /proc after the indexing settled',
    },
    {
      name: 'resident memory after indexing',
      unit: 'MB',
      samples: ends.length === 0 ? [] : rss,
      target: { p95Below: 250 },
      note: ends.length === 0 ? none : `peak (VmHWM) p95 ${Math.max(...peaks).toFixed(0)} MB`,
    },
  ];
  return metrics;
}

async function measureCrossFile(driver: Driver, options: WorkspaceOptions): Promise<Metric[]> {
  const { workspace, root } = options;
  const uriOf = (path: string): string => fileUri(join(root, ...path.split('/')));
  const textOf = (path: string): string => workspace.files.find((f) => f.path === path)!.text;
  const serviceUri = uriOf(workspace.servicePath);
  const dependents = workspace.dependentPaths.map(uriOf);
  const headless = textOf(workspace.servicePath);
  const notHeadless = headless.replace(
    '  clusterIP: None\n  publishNotReadyAddresses: true\n',
    '  type: ClusterIP\n',
  );
  const all = [serviceUri, ...dependents];
  const opened = driver.pulls ? undefined : driver.nextPushes(all);
  await driver.open(serviceUri, headless);
  for (const [index, path] of workspace.dependentPaths.entries()) {
    await driver.open(dependents[index]!, textOf(path));
  }
  await (opened ?? Promise.all(all.map((uri) => driver.pull(uri))));
  await settle(driver, 300);

  const samples: number[] = [];
  const refreshSamples: number[] = [];
  let reflected = 0;
  let note: string | undefined;
  for (let rep = 0; rep < options.crossReps; rep++) {
    const isHeadless = rep % 2 === 1;
    const start = process.hrtime.bigint();
    const refreshed = driver.nextRefresh(5000);
    const pushed = driver.pulls ? undefined : driver.nextPushes(dependents);
    await driver.change(serviceUri, rep + 2, [{ text: isHeadless ? headless : notHeadless }]);
    let reports: Diagnostic[][];
    if (pushed) {
      reports = await pushed.catch(() => []);
    } else {
      if (!(await refreshed)) {
        note = 'the server sent no diagnostics refresh within 5 s after the Service changed';
        break;
      }
      refreshSamples.push(elapsedMs(start));
      // An editor pulls every open document again after a refresh, in parallel.
      reports = (await Promise.all(all.map((uri) => driver.pull(uri)))).slice(1);
    }
    if (reports.length === 0) {
      note = 'the server pushed no new diagnostics for the dependents within the timeout';
      break;
    }
    samples.push(elapsedMs(start));
    const flagged = reports.filter((items) =>
      items.some((item) => item.code === 'sts-service-not-headless'),
    ).length;
    reflected += flagged === (isHeadless ? 0 : dependents.length) ? 1 : 0;
    await settle(driver, 100);
  }
  const name = `Service edit → ${dependents.length} dependents' diagnostics`;
  return [
    {
      name,
      unit: 'ms',
      samples,
      target: { p95Below: 200 },
      floor: floorNames.crossFile,
      note:
        note ??
        `all ${dependents.length} dependents reflected the change in ${reflected} of ${samples.length} edits`,
    },
    ...(driver.pulls
      ? [{ name: 'Service edit → refresh request', unit: 'ms' as const, samples: refreshSamples }]
      : []),
  ];
}

/**
 * Runs cold indexing `indexRuns` times, then the cross-file change on the last server. Each
 * spawn's time to the initialize result is added to `initializeMs`.
 */
export async function runWorkspaceScenario(
  options: WorkspaceOptions,
  initializeMs: number[],
): Promise<Metric[]> {
  const metrics = await measureIndexing(options, initializeMs);
  const [probe, driver] = await completionWhileIndexing(options);
  try {
    metrics.push(probe, ...(await measureCrossFile(driver, options)));
    return metrics;
  } finally {
    await driver.shutdown();
  }
}
