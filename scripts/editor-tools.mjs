// Installs the tools the real-editor runs need (Node 24, code-server with its VS Code, and
// playwright-core) into a cache dir outside the repo, and runs a script under that Node 24.
//   node scripts/editor-tools.mjs                 install (skipped when already complete)
//   node scripts/editor-tools.mjs --run FILE ...  install, then run FILE with Node 24 and the tools' paths
//   node scripts/editor-tools.mjs --no-browser …   the same without requiring Chromium (npm start)
// The install itself (environment, atomic rename, lock) lives in editor-tools-install.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  ensureInstalled,
  installEnv,
  inspectTools,
  npmInstall,
  tail,
  toolPaths,
  versions,
} from './editor-tools-install.mjs';

export { toolPaths, versions };

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

/**
 * Installs the tools unless a complete install is in place. Headless Chromium is only required
 * by the test runners; `npm start` uses the person's own browser. Ctrl+C during the install
 * removes the unfinished staging folder and the lock before exiting.
 */
export async function ensureEditorTools({ needsBrowser = true } = {}) {
  const paths = toolPaths();
  const installing = inspectTools(paths.root).state !== 'complete';
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
  const controller = new AbortController();
  const interrupt = (signal) => {
    say(`${signal}: stopping the install and removing the unfinished folder`);
    controller.abort(new Error(`install interrupted (${signal})`));
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  try {
    const result = await ensureInstalled(paths, {
      say,
      signal: controller.signal,
      install: async (staging, context) => {
        say(
          `first run: installing the editor tools into ${paths.root} (~800 MB; a few minutes, it compiles native modules)`,
        );
        say(`log: ${paths.log}`);
        await npmInstall(staging, context);
      },
    });
    if (result.installed) {
      say(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
    }
    return paths;
  } catch (error) {
    if (controller.signal.aborted) {
      say('interrupted; the next run starts the install again');
      process.exit(130);
    }
    const lines = tail(paths.log, 30);
    if (lines) {
      say(`install failed: ${error.message}; the last lines of ${paths.log}:`);
      process.stderr.write(`${lines}\n`);
    }
    throw error;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}

/** Runs `script` under the tools' Node 24, forwarding the exit code; Ctrl+C goes to the child. */
function runUnderNode24(paths, script, args) {
  const child = spawn(paths.node, [script, ...args], {
    stdio: 'inherit',
    env: {
      // The child runs under Node 24, so nothing of the outer npm's description may reach it.
      ...installEnv(process.env, { nodeDir: paths.nodeDir }),
      // Where the person ran `npm start -- FOLDER`, so a relative FOLDER resolves from there.
      ...(process.env.INIT_CWD ? { INIT_CWD: process.env.INIT_CWD } : {}),
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
