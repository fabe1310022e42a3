// The tests that render overlays need a real kustomize (`kustomize` or `kubectl kustomize`). A
// machine without one fails them with a message that says what to install: a check that cannot
// run is not a pass.
import { spawnSync } from 'node:child_process';

export function kustomizeAvailable(): boolean {
  const runs = (program: string, args: string[]): boolean =>
    spawnSync(program, args, { encoding: 'utf8', timeout: 20_000 }).status === 0;
  return runs('kustomize', ['version']) || runs('kubectl', ['kustomize', '--help']);
}

/** Throws, naming what to install, when neither binary is on PATH. */
export function requireKustomize(): void {
  if (!kustomizeAvailable()) {
    throw new Error(
      'Neither `kustomize` nor `kubectl` is on PATH: the rendered-overlay tests need one. Install kubectl (it has kustomize built in).',
    );
  }
}
