// Runs the real-editor suite (test/suite) in a desktop VS Code through @vscode/test-electron, for
// contributors' machines and hosted CI that can download VS Code. `VSCODE_EXECUTABLE` points at an
// installed VS Code instead; `VSCODE_VERSION` picks one version (default: the minimum from
// engines.vscode, then stable). Offline, it stops with a clear message: use npm run test:editor.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const repoRoot = resolve(__dirname, '..', '..', '..');
const suiteIndex = join(repoRoot, 'out', 'test', 'suite', 'index.js');
const fixture = join(repoRoot, 'test', 'fixtures', 'workspaces', 'editor');

interface SuiteResults {
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
}

function minimumVersion(): string {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    engines: { vscode: string };
  };
  return manifest.engines.vscode.replace(/^[\^~>=]+/, '');
}

/** Finds or downloads one VS Code; undefined (after saying why) when that is impossible. */
async function executableFor(version: string): Promise<string | undefined> {
  try {
    // A short idle timeout: behind a closed network the download must fail, not hang.
    return await downloadAndUnzipVSCode({ version, timeout: 20_000 });
  } catch (error) {
    process.stderr.write(
      `test:vscode: could not download VS Code ${version}: ${String(error)}\n` +
        '  This machine cannot reach the VS Code download service. Either set VSCODE_EXECUTABLE to\n' +
        '  an installed desktop VS Code (e.g. VSCODE_EXECUTABLE=/usr/bin/code npm run test:vscode), or\n' +
        '  run the same suite offline inside code-server with `npm run test:editor`.\n',
    );
    return undefined;
  }
}

/** One run of the suite in the given VS Code, with a fresh workspace copy and user data. */
async function runSuite(label: string, vscodeExecutablePath: string): Promise<boolean> {
  const scratch = mkdtempSync(join(tmpdir(), 'kube-stateful-vscode-'));
  const workspace = join(scratch, 'workspace');
  const resultFile = join(scratch, 'results.json');
  cpSync(fixture, workspace, { recursive: true });
  let ok = false;
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suiteIndex,
      extensionTestsEnv: { KUBE_STATEFUL_EDITOR_RESULTS: resultFile },
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        `--user-data-dir=${join(scratch, 'user-data')}`,
        `--extensions-dir=${join(scratch, 'extensions')}`,
      ],
    });
    ok = true;
  } catch (error) {
    process.stderr.write(`test:vscode (${label}): ${String(error)}\n`);
  } finally {
    if (existsSync(resultFile)) {
      const results = JSON.parse(readFileSync(resultFile, 'utf8')) as SuiteResults;
      const skipped = results.pending > 0 ? `, ${results.pending} skipped` : '';
      process.stdout.write(
        `vscode: ${results.passed} passed, ${results.failed} failed${skipped}\n`,
      );
      ok &&= results.failed === 0 && results.passed > 0;
    } else {
      process.stderr.write(`test:vscode (${label}): the suite wrote no results\n`);
      ok = false;
    }
    rmSync(scratch, { recursive: true, force: true });
  }
  return ok;
}

async function main(): Promise<number> {
  if (!existsSync(suiteIndex)) {
    process.stderr.write('test:vscode: out/test/suite is missing; run `tsc -p test` first\n');
    return 2;
  }
  const installed = process.env.VSCODE_EXECUTABLE;
  if (installed) {
    if (!existsSync(installed)) {
      process.stderr.write(`test:vscode: VSCODE_EXECUTABLE=${installed} does not exist\n`);
      return 2;
    }
    return (await runSuite(installed, installed)) ? 0 : 1;
  }
  const versions = process.env.VSCODE_VERSION
    ? [process.env.VSCODE_VERSION]
    : [minimumVersion(), 'stable'];
  let allPassed = true;
  for (const version of versions) {
    const executable = await executableFor(version);
    if (!executable) {
      return 2;
    }
    allPassed = (await runSuite(`VS Code ${version}`, executable)) && allPassed;
  }
  return allPassed ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`test:vscode: ${String(error)}\n`);
    process.exit(2);
  },
);
