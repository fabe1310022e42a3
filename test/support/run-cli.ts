// Runs the built CLI (dist/cli.js) as a child process for CLI tests and returns its output.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const cliPath = resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], cwd: string): CliResult {
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
