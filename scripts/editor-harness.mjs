// Shared plumbing of the code-server runs (editor suite, UI checks, `npm start`): the tool paths,
// fresh per-run directories, starting and stopping code-server, and launching headless Chromium.
// Runs under the tools' Node 24 (see editor-tools.mjs --run), which sets the EDITOR_TOOLS_* vars.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The tool paths editor-tools.mjs passes down; a clear error when run some other way. */
export function tools() {
  const { EDITOR_TOOLS_NODE, EDITOR_TOOLS_CODE_SERVER, EDITOR_TOOLS_PLAYWRIGHT } = process.env;
  if (!EDITOR_TOOLS_NODE || !EDITOR_TOOLS_CODE_SERVER || !EDITOR_TOOLS_PLAYWRIGHT) {
    throw new Error(
      'run this through `node scripts/editor-tools.mjs --run <script>` (the npm scripts do)',
    );
  }
  return {
    node: EDITOR_TOOLS_NODE,
    codeServer: EDITOR_TOOLS_CODE_SERVER,
    playwright: EDITOR_TOOLS_PLAYWRIGHT,
    chromium: process.env.EDITOR_TOOLS_CHROMIUM ?? '/usr/bin/chromium',
    startState: process.env.EDITOR_TOOLS_START_STATE,
  };
}

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** User settings that keep the workbench quiet and offline-friendly. */
const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
};

/**
 * Lays out the directories of one run under `base` (a new temp dir when omitted): user data with
 * quiet settings, an extensions dir, a code-server config, and optionally a copy of `folder`.
 * Settings and config already under `base` are kept, so `npm start` keeps a user's changes.
 */
export function prepareRunDirs({ prefix, folder, base }) {
  const root = base ?? mkdtempSync(join(tmpdir(), `kube-stateful-${prefix}-`));
  const dirs = {
    root,
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    config: join(root, 'config.yaml'),
    workspace: folder ? join(root, 'workspace') : undefined,
  };
  const settings = join(dirs.userData, 'User', 'settings.json');
  mkdirSync(dirname(settings), { recursive: true });
  mkdirSync(dirs.extensions, { recursive: true });
  if (!existsSync(settings)) {
    writeFileSync(settings, `${JSON.stringify(quietSettings, null, 2)}\n`);
  }
  // Without --config, code-server writes ~/.config/code-server/config.yaml with a password.
  if (!existsSync(dirs.config)) {
    writeFileSync(dirs.config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  }
  if (folder) {
    cpSync(folder, dirs.workspace, { recursive: true });
  }
  return dirs;
}

/**
 * Removes a run's directories. Retries, because a file save of the stopping server can land
 * while the tree is being deleted; a failure is reported, never thrown from a cleanup path.
 */
export function removeRunDirs(dirs) {
  try {
    rmSync(dirs.root, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch (error) {
    process.stderr.write(`could not remove ${dirs.root}: ${error.message}\n`);
  }
}

function codeServerArgs(dirs) {
  return [
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
    '--config',
    dirs.config,
  ];
}

/** `code-server --install-extension <vsix>` into the run's own extensions dir. */
export function installVsix(dirs, vsix) {
  const { node, codeServer } = tools();
  // --force replaces an installed copy of the same version (npm start reinstalls every time).
  const args = [codeServer, ...codeServerArgs(dirs), '--install-extension', vsix, '--force'];
  return new Promise((resolveInstall, reject) => {
    const child = spawn(node, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolveInstall(output)
        : reject(new Error(`install failed (${code}):\n${output}`)),
    );
  });
}

/**
 * Starts code-server on 127.0.0.1:`port` in its own process group (so stopping it also stops
 * the extension host, our language server and the file watchers) and resolves once it listens.
 */
export async function startCodeServer({ dirs, port, folder, smokeTestDriver, env, onOutput }) {
  const { node, codeServer } = tools();
  const args = [
    codeServer,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...codeServerArgs(dirs),
    // The smoke-test driver makes the workbench honour the payload's extension-development and
    // extension-tests entries; it also hides notification toasts, so UI checks go without it.
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    folder,
  ];
  const child = spawn(node, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  let timer;
  const listening = new Promise((resolveListening, reject) => {
    const onData = (chunk) => {
      const text = chunk.toString();
      output += text;
      onOutput?.(text);
      if (/HTTP server listening on/.test(output)) {
        resolveListening();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      reject(new Error(`code-server exited early (${code ?? signal}):\n${output.slice(-3000)}`)),
    );
    timer = setTimeout(() => reject(new Error('code-server did not listen within 60 s')), 60_000);
  });
  try {
    await listening;
  } catch (error) {
    await stopProcessGroup(child);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return { child, url: `http://127.0.0.1:${port}`, output: () => output };
}

/** Sends SIGTERM to the whole process group, then SIGKILL if it is still there after `graceMs`. */
export async function stopProcessGroup(child, graceMs = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) {
    killGroup(child.pid, 'SIGKILL');
    return;
  }
  const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
  killGroup(child.pid, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  // Helpers that ignore SIGTERM (file watchers) must not outlive the run.
  killGroup(child.pid, 'SIGKILL');
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Headless Debian Chromium through playwright-core, with the flags a closed network needs. */
export async function launchChromium() {
  const { playwright, chromium: executablePath } = tools();
  const { chromium } = createRequire(import.meta.url)(playwright);
  return chromium.launch({
    executablePath,
    headless: true,
    // Playwright's own handlers would exit the process on Ctrl+C before our cleanup stops
    // code-server; the callers close the browser themselves.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** A `vscode-remote://` URI for a path on the server, as the workbench payload needs them. */
export function remoteUri(port, path) {
  return `vscode-remote://127.0.0.1:${port}${path}`;
}

let firstSignal;

/**
 * Resolves with the name of the first SIGINT/SIGTERM, so the caller can stop what it started.
 * A duplicate that arrives right after it is ignored (Ctrl+C reaches both this process and the
 * editor-tools wrapper, which forwards it); a second signal seconds later exits at once, as an
 * escape hatch when cleanup hangs.
 */
export function signalled() {
  firstSignal ??= new Promise((resolveSignal) => {
    let first;
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.on(signal, () => {
        if (first === undefined) {
          first = Date.now();
          resolveSignal(signal);
        } else if (Date.now() - first > 2000) {
          process.exit(130);
        }
      });
    }
  });
  return firstSignal;
}

export function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
