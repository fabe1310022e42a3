// `npm start`: installs the freshly packaged .vsix into a local code-server (state kept under the
// tools cache, never in the repo), opens a scratch copy of examples/ (or the folder given as the
// first argument, itself) on 127.0.0.1 only, prints the URL and runs until Ctrl+C, then stops.
// Usage (via npm start): editor-tools.mjs --run scripts/start.mjs [FOLDER] [--port N] [--keep]
import { cpSync, createWriteStream, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  freePort,
  installVsix,
  prepareRunDirs,
  repoRoot,
  signalled,
  startCodeServer,
  stopProcessGroup,
  tools,
} from './editor-harness.mjs';

const { values: options, positionals } = parseArgs({
  // `npm start` ends its command with `--` so npm passes everything on; options follow it.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  allowPositionals: true,
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8765' },
    // Keep the scratch copy of examples/ from the previous run instead of recreating it.
    keep: { type: 'boolean', default: false },
  },
});

function say(message) {
  process.stdout.write(`[start] ${message}\n`);
}

/** The requested port when it is free, otherwise any free one (and say so). */
async function choosePort(requested) {
  const { createServer } = await import('node:net');
  const free = await new Promise((resolvePort) => {
    const probe = createServer();
    probe.once('error', () => resolvePort(false));
    probe.listen(requested, '127.0.0.1', () => probe.close(() => resolvePort(true)));
  });
  if (free) {
    return requested;
  }
  const other = await freePort();
  say(`port ${requested} is busy; using ${other}`);
  return other;
}

/**
 * The examples are edited in a copy outside the repository, so trying the product (VS Code web
 * saves after a second) never leaves changes that then fail `npm test`'s format check.
 */
function scratchExamples(state, keep) {
  const copy = join(state, 'examples');
  if (keep && existsSync(copy)) {
    say(`keeping the scratch copy from the last run (--keep): ${copy}`);
    return copy;
  }
  rmSync(copy, { recursive: true, force: true });
  cpSync(join(repoRoot, 'examples'), copy, { recursive: true });
  return copy;
}

async function main() {
  void signalled();
  const vsix = join(repoRoot, 'kube-stateful.vsix');
  if (!existsSync(vsix)) {
    say('kube-stateful.vsix is missing: run `npm run package` first (npm start does).');
    return 2;
  }
  const state = tools().startState;
  const folder = positionals[0]
    ? resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0])
    : scratchExamples(state, options.keep);
  if (!existsSync(folder)) {
    say(`${folder} does not exist`);
    return 2;
  }
  const dirs = prepareRunDirs({ prefix: 'start', base: state });
  await installVsix(dirs, vsix);
  say(`installed ${vsix} into ${dirs.extensions}`);
  const port = await choosePort(Number(options.port));
  const logFile = join(state, 'code-server.log');
  const log = createWriteStream(logFile);
  const server = await startCodeServer({
    dirs,
    port,
    folder,
    smokeTestDriver: false,
    onOutput: (text) => log.write(text),
  });
  const url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
  say(`Kube Stateful is running in a local VS Code (code-server), bound to 127.0.0.1 only.`);
  say(`open ${url}`);
  say(
    positionals[0]
      ? `workspace: ${folder}`
      : `workspace: ${folder}, a scratch copy of examples/ recreated each run (--keep keeps it); deliberate-mistakes.yaml shows the diagnostics`,
  );
  say(`server log: ${logFile}`);
  say('press Ctrl+C to stop');
  const exited = new Promise((resolveExit) =>
    server.child.once('exit', (code) => resolveExit(`code-server exited (${code})`)),
  );
  const signal = await Promise.race([signalled(), exited]);
  say(`${signal}: stopping code-server`);
  await stopProcessGroup(server.child);
  log.end();
  say('stopped');
  return 0;
}

// Exit explicitly: everything started has been stopped, and a half-closed browser connection
// must not keep the process alive.
process.exit(await main());
