// Entry point of `npm run bench`: generates the inputs, measures the parse floors, drives the
// server through the editor and workspace scenarios, then prints the table and writes the JSON.
import { cpus, loadavg, availableParallelism } from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { floorNames, measureParseFloor } from './floor';
import {
  generateLargeFile,
  generateManyDocuments,
  generateWorkspace,
  writeWorkspace,
} from './inputs';
import type { Driver } from './lsp-driver';
import { delay, fileUri, splitCommand, startDriver } from './lsp-driver';
import type { Metric } from './report';
import { evaluate, formatTable } from './report';
import { compareServers, formatComparison, installPeer } from './compare';
import { runCrdScenario } from './scenario-crd';
import { runEditorScenario } from './scenario-editor';
import { runManyDocumentsScenario } from './scenario-many-documents';
import { runWorkspaceScenario } from './scenario-workspace';

const repoRoot = resolve(__dirname, '..', '..', '..');

const usage = `Usage: npm run bench -- [options]
  --server "<command>"  stdio language server to drive (default: node dist/server.js --stdio)
  --out <file>          JSON results (default: .bench/results.json)
  --dir <folder>        where the generated inputs go (default: .bench)
  --seed <n>            input generator seed (default: 1)
  --reps <n>            timed completion/hover requests per position (default: 200)
  --warmup <n>          untimed requests before them (default: 20)
  --edit-reps <n>       edit rounds (default: 30)
  --reopen-reps <n>     extra opens of the large file (default: 20)
  --floor-reps <n>      timed parses of the large file for the floor (default: 50)
  --index-runs <n>      cold indexing runs of the workspace (default: 5)
  --cross-reps <n>      Service edits in the cross-file scenario (default: 20)
  --many-opens <n>      cold opens of the 5,000-document file (default: 3; 0 skips it)
  --push                do not advertise pull diagnostics (measures the push path)
  --skip-workspace      only the single-file scenarios
  --skip-crds           leave out the custom-resource scenario
  --compare             only the editor scenario, on our server and on yaml-language-server
                        (installed from the npm registry into <dir>/peer), alternating, with ratios
  --compare-rounds <n>  alternations of the two servers in --compare (default: 2)`;

function options() {
  const { values } = parseArgs({
    options: {
      server: { type: 'string' },
      out: { type: 'string' },
      dir: { type: 'string', default: '.bench' },
      seed: { type: 'string', default: '1' },
      reps: { type: 'string', default: '200' },
      warmup: { type: 'string', default: '20' },
      'edit-reps': { type: 'string', default: '30' },
      'reopen-reps': { type: 'string', default: '20' },
      'floor-reps': { type: 'string', default: '50' },
      'index-runs': { type: 'string', default: '5' },
      'cross-reps': { type: 'string', default: '20' },
      'many-opens': { type: 'string', default: '3' },
      push: { type: 'boolean', default: false },
      'skip-workspace': { type: 'boolean', default: false },
      'skip-crds': { type: 'boolean', default: false },
      compare: { type: 'boolean', default: false },
      'compare-rounds': { type: 'string', default: '2' },
      help: { type: 'boolean', default: false },
    },
  });
  const count = (name: keyof typeof values): number => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 0) {
      throw new Error(`--${name} must be a whole number`);
    }
    return value;
  };
  const dir = resolve(repoRoot, values.dir);
  return {
    help: values.help,
    command: values.server
      ? splitCommand(values.server)
      : [process.execPath, join(repoRoot, 'dist', 'server.js'), '--stdio'],
    out: resolve(repoRoot, values.out ?? join(dir, 'results.json')),
    dir,
    seed: count('seed'),
    reps: count('reps'),
    warmup: count('warmup'),
    editReps: count('edit-reps'),
    reopenReps: count('reopen-reps'),
    floorReps: count('floor-reps'),
    indexRuns: count('index-runs'),
    crossReps: count('cross-reps'),
    manyOpens: count('many-opens'),
    pull: !values.push,
    skipWorkspace: values['skip-workspace'],
    skipCrds: values['skip-crds'],
    compare: values.compare,
    compareRounds: count('compare-rounds'),
  };
}

function machine() {
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
    loadAverage: loadavg().map((value) => Number(value.toFixed(2))),
  };
}

const log = (message: string): void => void process.stderr.write(`bench: ${message}\n`);

/** Waits until a server that reports indexing status is idle, so the editor scenario is quiet. */
async function waitUntilIdle(driver: Driver): Promise<void> {
  for (let waited = 0; waited < 30_000; waited += 20) {
    try {
      const status = await driver.request<{ indexing?: boolean }>('kubeStateful/status');
      if (!status.indexing) {
        return;
      }
    } catch {
      return;
    }
    await delay(20);
  }
}

async function main(): Promise<void> {
  const config = options();
  if (config.help) {
    process.stdout.write(usage + '\n');
    return;
  }
  const before = machine();
  const largeText = generateLargeFile(config.seed);
  const workspace = generateWorkspace(config.seed);
  const largePath = join(config.dir, 'editor', 'large.yaml');
  const workspaceRoot = join(config.dir, 'workspace');
  await mkdir(dirname(largePath), { recursive: true });
  await writeFile(largePath, largeText);
  await writeWorkspace(workspaceRoot, workspace);
  log(`inputs in ${config.dir}; server: ${config.command.join(' ')}`);

  if (config.compare) {
    await compare(config, largeText, largePath);
    return;
  }

  log('measuring the parse floors');
  const crossTexts = workspace.files
    .filter(
      (file) => file.path === workspace.servicePath || workspace.dependentPaths.includes(file.path),
    )
    .map((file) => file.text);
  const largeFloor = measureParseFloor([largeText], config.floorReps, 5);
  const workspaceTexts = workspace.files.map((file) => file.text);
  const workspaceFloor = measureParseFloor(workspaceTexts, 3, 1);
  const metrics: Metric[] = [
    { name: floorNames.largeFile, unit: 'ms', samples: largeFloor.wall },
    { name: floorNames.workspace, unit: 'ms', samples: workspaceFloor.wall },
    {
      name: floorNames.crossFile,
      unit: 'ms',
      samples: measureParseFloor(crossTexts, config.floorReps, 5).wall,
    },
    { name: floorNames.largeFileCpu, unit: 'ms', samples: largeFloor.cpu },
    { name: floorNames.workspaceCpu, unit: 'ms', samples: workspaceFloor.cpu },
  ];

  log('editor scenario on the large file');
  const initializeMs: number[] = [];
  const driver = await startDriver({
    command: config.command,
    rootPath: dirname(largePath),
    pull: config.pull,
  });
  const pulls = driver.pulls;
  initializeMs.push(driver.initializeMs);
  try {
    await waitUntilIdle(driver);
    metrics.push(
      ...(await runEditorScenario({
        driver,
        text: largeText,
        uri: fileUri(largePath),
        reps: config.reps,
        warmup: config.warmup,
        editReps: config.editReps,
        reopenReps: config.reopenReps,
      })),
    );
  } finally {
    await driver.shutdown();
  }

  if (config.manyOpens > 0) {
    log('many-documents scenario (5,000 documents in one file)');
    const manyText = generateManyDocuments(config.seed);
    const manyPath = join(config.dir, 'many', 'many-documents.yaml');
    await mkdir(dirname(manyPath), { recursive: true });
    await writeFile(manyPath, manyText);
    const manyDriver = await startDriver({
      command: config.command,
      rootPath: dirname(manyPath),
      pull: config.pull,
      timeoutMs: 120_000,
    });
    initializeMs.push(manyDriver.initializeMs);
    try {
      await waitUntilIdle(manyDriver);
      metrics.push(
        ...(await runManyDocumentsScenario({
          driver: manyDriver,
          text: manyText,
          uri: fileUri(manyPath),
          opens: config.manyOpens,
          editReps: Math.max(10, Math.min(config.editReps, 20)),
        })),
      );
    } finally {
      await manyDriver.shutdown();
    }
  }

  if (!config.skipWorkspace) {
    log(`workspace scenarios (${workspace.files.length} files, ${config.indexRuns} cold runs)`);
    const workspaceMetrics = await runWorkspaceScenario(
      {
        command: config.command,
        root: workspaceRoot,
        workspace,
        pull: config.pull,
        indexRuns: config.indexRuns,
        crossReps: config.crossReps,
      },
      initializeMs,
    );
    metrics.push(...workspaceMetrics);
  }
  if (!config.skipCrds) {
    log('custom-resource scenario (20 large CRDs, completion in a Prometheus resource)');
    metrics.push(
      ...(await runCrdScenario({
        command: config.command,
        crdPath: join(
          repoRoot,
          'test/fixtures/real-world/prometheus-operator__prometheus-operator',
          'example/prometheus-operator-crd/monitoring.coreos.com_prometheuses.yaml',
        ),
        dir: join(config.dir, 'crds'),
        pull: config.pull,
        reps: config.reps,
        warmup: config.warmup,
      })),
    );
  }
  metrics.push({ name: 'spawn → initialize result', unit: 'ms', samples: initializeMs });

  const floors = new Map<string, number>();
  const results = metrics.map((metric) => {
    const result = evaluate(metric, floors);
    if (metric.name.startsWith('floor') && result.summary) {
      floors.set(metric.name, result.summary.p50);
    }
    return result;
  });
  const after = machine();
  const header = [
    `server: ${config.command.join(' ')} (diagnostics ${pulls ? 'pulled' : 'pushed'})`,
    `machine: ${before.cpus} × ${before.cpuModel}, Node ${before.node}, ${before.date}`,
    `load average: ${before.loadAverage.join(' ')} before, ${after.loadAverage.join(' ')} after`,
    `inputs (seed ${config.seed}): large file ${largeText.split('\n').length - 1} lines, ` +
      `workspace ${workspace.files.length} files`,
  ];
  process.stdout.write(`${header.join('\n')}\n\n${formatTable(results)}\n`);
  const report = {
    machine: { ...before, loadAverageAfter: after.loadAverage },
    server: config.command.join(' '),
    diagnostics: pulls ? 'pull' : 'push',
    seed: config.seed,
    inputs: {
      largeFile: { lines: largeText.split('\n').length - 1, characters: largeText.length },
      workspace: { files: workspace.files.length, dependents: workspace.dependentPaths.length },
    },
    results: results.map((result, index) => ({ ...result, samples: metrics[index]!.samples })),
  };
  await mkdir(dirname(config.out), { recursive: true });
  await writeFile(config.out, JSON.stringify(report, null, 2) + '\n');
  log(`results written to ${config.out}`);
}

async function compare(
  config: ReturnType<typeof options>,
  text: string,
  path: string,
): Promise<void> {
  log(`installing the peer into ${join(config.dir, 'peer')} (npm registry)`);
  const peer = await installPeer(config.dir);
  log(
    `comparing, ${config.compareRounds} rounds: ${config.command.join(' ')} and ${peer.join(' ')}`,
  );
  const before = machine();
  const rows = await compareServers({
    ours: config.command,
    peer,
    path,
    rootPath: dirname(path),
    text,
    rounds: config.compareRounds,
    reps: config.reps,
    warmup: config.warmup,
    editReps: config.editReps,
    reopenReps: config.reopenReps,
    waitUntilIdle,
  });
  const after = machine();
  const header = [
    `ours: ${config.command.join(' ')}; peer: ${peer.join(' ')}`,
    `machine: ${before.cpus} × ${before.cpuModel}, Node ${before.node}, ${before.date}`,
    `load average: ${before.loadAverage.join(' ')} before, ${after.loadAverage.join(' ')} after`,
  ];
  process.stdout.write(`${header.join('\n')}\n\n${formatComparison(rows)}\n`);
  const out = config.out.replace(/\.json$/, '-compare.json');
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, JSON.stringify({ machine: before, rows }, null, 2) + '\n');
  log(`results written to ${out}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
