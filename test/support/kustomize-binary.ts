// Whether a real kustomize is on this machine, for the tests that render overlays. Under CI a
// missing binary is a failure (CI installs kubectl); elsewhere the tests skip with a loud note.
import { spawnSync } from 'node:child_process';

export function kustomizeAvailable(): boolean {
  const runs = (program: string, args: string[]): boolean =>
    spawnSync(program, args, { encoding: 'utf8', timeout: 20_000 }).status === 0;
  return runs('kustomize', ['version']) || runs('kubectl', ['kustomize', '--help']);
}

/** Undefined when kustomize exists; the skip reason otherwise (throws under CI=true). */
export function kustomizeSkipReason(): string | undefined {
  if (kustomizeAvailable()) {
    return undefined;
  }
  const reason =
    'NEITHER `kustomize` NOR `kubectl` IS ON PATH: the rendered-overlay tests cannot run here. Install kubectl to run them.';
  if (process.env.CI === 'true') {
    throw new Error(`${reason} (CI=true: this is a failure, not a skip)`);
  }
  process.stderr.write(`\n*** ${reason} ***\n\n`);
  return reason;
}
