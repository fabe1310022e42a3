// Entry point of the real-editor suite, with the contract @vscode/test-electron expects: the
// extension host requires this module and awaits `run()`. Both runners (test-electron and the
// offline code-server runner) load it. It runs every `*.test.js` beside it with mocha and, when
// KUBE_STATEFUL_EDITOR_RESULTS names a file, writes per-test results there as JSON.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/** The first line the suite prints; runners start relaying output here. */
export const suiteBanner = 'kube-stateful editor suite:';

interface TestResult {
  readonly title: string;
  readonly state: 'passed' | 'failed' | 'pending';
  readonly durationMs?: number;
  readonly error?: string;
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    // Generous: the first test waits for the language server to start on a shared 2-core machine.
    timeout: 60_000,
    grep: process.env.KUBE_STATEFUL_EDITOR_GREP,
  });
  // Sorted, so the activation checks (which look at the state before any YAML file is open) run first.
  const files = readdirSync(__dirname)
    .filter((file) => file.endsWith('.test.js'))
    .sort();
  for (const file of files) {
    mocha.addFile(join(__dirname, file));
  }
  // The code-server runner relays the extension host's console from this line on; what comes
  // before it is the workbench's own logging.
  console.log(
    `${suiteBanner} ${files.length} files, VS Code ${vscode.version} (${vscode.env.appName})`,
  );
  const results: TestResult[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      writeResults(results, failures);
      // A skipped (pending) test is a check that did not run: it fails the suite like a failure.
      const pending = results.filter((result) => result.state === 'pending').length;
      if (failures > 0 || pending > 0) {
        reject(new Error(`${failures} editor test(s) failed, ${pending} skipped`));
      } else {
        resolve();
      }
    });
    runner.on('pass', (test) =>
      results.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration }),
    );
    runner.on('fail', (test, error: Error) =>
      results.push({
        title: test.fullTitle(),
        state: 'failed',
        error: error.stack ?? error.message,
      }),
    );
    runner.on('pending', (test) => results.push({ title: test.fullTitle(), state: 'pending' }));
  });
}

function writeResults(results: readonly TestResult[], failures: number): void {
  const file = process.env.KUBE_STATEFUL_EDITOR_RESULTS;
  if (!file) {
    return;
  }
  const count = (state: TestResult['state']): number =>
    results.filter((result) => result.state === state).length;
  const summary = {
    passed: count('passed'),
    failed: Math.max(failures, count('failed')),
    pending: count('pending'),
  };
  writeFileSync(file, `${JSON.stringify({ ...summary, results }, null, 2)}\n`);
}
