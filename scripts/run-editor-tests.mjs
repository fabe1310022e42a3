// Runs the real-editor suite (out/test/suite) inside code-server's VS Code extension host, driven
// by headless Chromium, offline. Prints mocha's output and `editor: N passed, N failed`; exits 0
// when all passed, 1 on a failure, 2 when the run could not start, 3 on timeout.
// Usage (via npm run test:editor): editor-tools.mjs --run scripts/run-editor-tests.mjs
//   [--timeout SECONDS] [--grep PATTERN] [--keep]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, parseArgs } from 'node:util';
import {
  freePort,
  launchChromium,
  prepareRunDirs,
  remoteUri,
  removeRunDirs,
  repoRoot,
  seconds,
  signalled,
  startCodeServer,
  stopProcessGroup,
} from './editor-harness.mjs';

const exitCodes = { passed: 0, failed: 1, setup: 2, timeout: 3, interrupted: 130 };

const { values: options } = parseArgs({
  options: {
    timeout: { type: 'string', default: '180' },
    grep: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

const suiteIndex = join(repoRoot, 'out', 'test', 'suite', 'index.js');
const fixture = join(repoRoot, 'test', 'fixtures', 'workspaces', 'editor');
const resultsDir = join(repoRoot, 'test-results', 'editor');

function log(message) {
  process.stdout.write(`[editor] ${message}\n`);
}

/** The suite's first line (test/suite/index.ts); the workbench's own logging comes before it. */
const suiteBanner = 'kube-stateful editor suite:';

/**
 * Console output reaches the page as `('%c INFO', 'color: …', format, ...args)` (or `%c  ERR`),
 * both from the extension host and from the workbench itself. Returns the formatted text, and
 * whether it carried objects: those are the workbench's errors, which come as bare objects.
 */
async function consoleText(message) {
  const values = await Promise.all(
    message.args().map((arg) => arg.jsonValue().catch(() => undefined)),
  );
  const [marker] = values;
  if (typeof marker !== 'string' || !/^%c\s*[A-Z]+$/.test(marker) || values.length < 3) {
    return { text: message.text(), objects: true };
  }
  const rest = values.slice(2);
  const objects = rest.some((value) => value !== null && typeof value === 'object');
  return { text: objects ? message.text() : format(...rest), objects };
}

async function main() {
  // Handle Ctrl+C from the start, so no code-server outlives an interrupted run.
  void signalled();
  for (const [file, hint] of [
    [suiteIndex, 'npm run build && tsc -p test'],
    [join(repoRoot, 'dist', 'extension.js'), 'npm run build'],
  ]) {
    if (!existsSync(file)) {
      log(`${file} is missing: run \`${hint}\` first (npm run test:editor does).`);
      return exitCodes.setup;
    }
  }
  const started = Date.now();
  mkdirSync(resultsDir, { recursive: true });
  const dirs = prepareRunDirs({ prefix: 'editor', folder: fixture });
  const resultFile = join(dirs.root, 'results.json');
  const port = await freePort();
  let serverLog = '';
  let server;
  let browser;
  const pageLog = [];
  try {
    server = await startCodeServer({
      dirs,
      port,
      folder: dirs.workspace,
      smokeTestDriver: true,
      onOutput: (text) => (serverLog += text),
    });
    log(`code-server listening at ${server.url} (${seconds(started)})`);
    browser = await launchChromium();
    const page = await browser.newPage();
    const exited = new Promise((resolve) => {
      // The workbench calls this when the extension host exits after run() settles.
      void page.exposeFunction('codeAutomationExit', (code) => resolve(code));
    });
    let relaying = false;
    page.on('console', (message) => {
      void consoleText(message).then(({ text, objects }) => {
        pageLog.push(text);
        relaying ||= text.startsWith(suiteBanner);
        if (relaying && !objects) {
          process.stdout.write(`${text}\n`);
        }
      });
    });
    const environment = { KUBE_STATEFUL_EDITOR_RESULTS: resultFile };
    if (options.grep) {
      environment.KUBE_STATEFUL_EDITOR_GREP = options.grep;
    }
    const payload = [
      ['extensionDevelopmentPath', remoteUri(port, repoRoot)],
      ['extensionTestsPath', remoteUri(port, suiteIndex)],
      ['extensionEnvironment', JSON.stringify(environment)],
      ['skipWelcome', 'true'],
    ];
    const url =
      `${server.url}/?folder=${encodeURIComponent(dirs.workspace)}` +
      `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    log(`workbench loaded (${seconds(started)}); running the suite`);
    const timeoutMs = Number(options.timeout) * 1000;
    let timer;
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    // Ctrl+C (or a CI kill) ends the wait; the finally block then stops the server and browser.
    const code = await Promise.race([exited, timedOut, signalled()]);
    clearTimeout(timer);
    if (code === 'SIGINT' || code === 'SIGTERM') {
      log(`${code}: stopping`);
      return exitCodes.interrupted;
    }
    if (code === 'timeout') {
      log(`timed out after ${options.timeout} s without an exit from the extension host`);
      log(`server log tail:\n${serverLog.slice(-2000)}`);
      return exitCodes.timeout;
    }
    return report(code, resultFile, started);
  } catch (error) {
    log(`could not run the suite: ${error.stack ?? error}`);
    log(`server log tail:\n${serverLog.slice(-2000)}`);
    return exitCodes.setup;
  } finally {
    writeFileSync(join(resultsDir, 'code-server.log'), serverLog);
    writeFileSync(join(resultsDir, 'page-console.log'), `${pageLog.join('\n')}\n`);
    await browser?.close().catch(() => undefined);
    if (server) {
      await stopProcessGroup(server.child);
    }
    if (!options.keep) {
      removeRunDirs(dirs);
    }
  }
}

function report(code, resultFile, started) {
  if (!existsSync(resultFile)) {
    log(`the extension host exited with ${code} but the suite wrote no results (did it load?)`);
    return exitCodes.failed;
  }
  const results = JSON.parse(readFileSync(resultFile, 'utf8'));
  writeFileSync(join(resultsDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  for (const failure of results.results.filter((result) => result.state === 'failed')) {
    log(`FAILED ${failure.title}\n${failure.error}`);
  }
  for (const pending of results.results.filter((result) => result.state === 'pending')) {
    log(`skipped (feature not in this build): ${pending.title}`);
  }
  log(`finished in ${seconds(started)} (extension host exit code ${code})`);
  const skipped = results.pending > 0 ? `, ${results.pending} skipped` : '';
  process.stdout.write(`editor: ${results.passed} passed, ${results.failed} failed${skipped}\n`);
  if (results.passed === 0) {
    log('no test passed: treating the run as failed');
    return exitCodes.failed;
  }
  return code === 0 && results.failed === 0 ? exitCodes.passed : exitCodes.failed;
}

// Exit explicitly: everything started has been stopped, and a half-closed browser connection
// must not keep the process alive.
process.exit(await main());
