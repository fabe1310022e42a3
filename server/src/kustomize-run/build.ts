// Runs the real kustomize (`kustomize build` or `kubectl kustomize`) on one overlay, the safe
// way: no plugins, no Helm, no network, a timeout, and a wrapper kustomization that asks for
// origin annotations so findings can be traced back. Used by the LSP glue and the CLI only.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** How to call kustomize: the program and the arguments before the folder. */
export interface KustomizeCommand {
  readonly program: string;
  readonly args: readonly string[];
  /** As the user would type it, for logs and hover. */
  readonly display: string;
}

export type KustomizeLookup =
  | { readonly command: KustomizeCommand }
  | { readonly command?: undefined; readonly reason: string };

/**
 * The kustomize to run for the `kubeStateful.kustomize.command` setting: `off` disables it, an
 * empty value looks for `kustomize`, then `kubectl kustomize`, on PATH; anything else is the
 * program (and arguments) to run, e.g. `/usr/local/bin/kustomize build`.
 */
export async function findKustomize(setting: string): Promise<KustomizeLookup> {
  const value = setting.trim();
  if (value === 'off') {
    return { reason: 'kubeStateful.kustomize.command is "off"' };
  }
  if (value !== '') {
    const [program, ...args] = value.split(/\s+/);
    const command = {
      program: program!,
      args: args.length > 0 ? args : program!.endsWith('kubectl') ? ['kustomize'] : ['build'],
      display: value,
    };
    return (await runs(command.program, ['version']))
      ? { command }
      : { reason: `\`${value}\` (kubeStateful.kustomize.command) could not be run` };
  }
  if (await runs('kustomize', ['version'])) {
    return { command: { program: 'kustomize', args: ['build'], display: 'kustomize build' } };
  }
  if (await runs('kubectl', ['kustomize', '--help'])) {
    return {
      command: { program: 'kubectl', args: ['kustomize'], display: 'kubectl kustomize' },
    };
  }
  return { reason: 'neither `kustomize` nor `kubectl` was found on PATH' };
}

function runs(program: string, args: readonly string[]): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(program, [...args], { timeout: 10_000, env: safeEnv() }, (error) =>
      resolve(error === null),
    );
  });
}

export interface BuildResult {
  readonly ok: boolean;
  /** The rendered YAML stream (empty when the build failed). */
  readonly output: string;
  /** kustomize's error message, when it failed (or the timeout). */
  readonly error: string;
  /** The folder the wrapper kustomization was in: origin paths are relative to it. */
  readonly buildFolderUri: string;
  readonly milliseconds: number;
}

/** The environment for kustomize: no plugin home, so no exec or container plugin can be found. */
function safeEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.KUSTOMIZE_PLUGIN_HOME;
  delete env.XDG_CONFIG_HOME;
  return env;
}

/**
 * Builds the overlay in `overlayFolder` through a temporary wrapper kustomization that lists it
 * as its only resource and sets `buildMetadata: [originAnnotations]`, so every object says which
 * file it came from. The wrapper lives in the system temp folder and is removed afterwards.
 */
export async function buildOverlay(
  command: KustomizeCommand,
  overlayFolder: string,
  timeoutMs: number,
): Promise<BuildResult> {
  const folder = await mkdtemp(join(tmpdir(), 'kube-stateful-kustomize-'));
  const buildFolderUri = pathToFileURL(folder + sep).href;
  const started = performance.now();
  try {
    const resource = relative(folder, overlayFolder).split(sep).join('/');
    await writeFile(
      join(folder, 'kustomization.yaml'),
      `resources:\n  - ${JSON.stringify(resource)}\nbuildMetadata: [originAnnotations]\n`,
    );
    // No --enable-helm, no --enable-alpha-plugins, no --network: kustomize's defaults keep all
    // three off, and they are never passed. The load restrictor stays at its default too.
    return await new Promise<BuildResult>((resolve) => {
      execFile(
        command.program,
        [...command.args, folder],
        { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, env: safeEnv() },
        (error, stdout, stderr) => {
          const milliseconds = Math.round(performance.now() - started);
          if (error) {
            const timedOut = error.killed === true || error.signal === 'SIGTERM';
            resolve({
              ok: false,
              output: '',
              error: timedOut
                ? `${command.display} did not finish within ${timeoutMs} ms`
                : cleanError(String(stderr) || error.message),
              buildFolderUri,
              milliseconds,
            });
            return;
          }
          resolve({ ok: true, output: String(stdout), error: '', buildFolderUri, milliseconds });
        },
      );
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * kustomize's error without the log prefix kubectl adds (`E1204 17:00:33.524380 … run.go:72]`),
 * the quotes around it, and the wrapper's own layers (it first tries the overlay as a file).
 */
export function cleanError(text: string): string {
  const joined = text
    .split('\n')
    .map((line) =>
      line.replace(/^E\d{4} [\d:.]+\s+\d+ [\w.]+:\d+\] /, '').replace(/^"command failed" err=/, ''),
    )
    // Deprecation warnings (`# Warning: 'patchesStrategicMerge' is deprecated…`) are no error.
    .filter((line) => line.trim() !== '' && !line.startsWith('# Warning:'))
    .join('\n')
    .replace(/^Error: /, '')
    .replace(/^"(.*)"$/s, '$1')
    // A multi-line error comes as `<`, the lines indented by a tab, and ` >`.
    .replace(/^<\n(.*)\n\s*>$/s, (_all, lines: string) => lines.replace(/^\t/gm, ''))
    .replace(/\\"/g, '"');
  const inner = /recursed accumulation of path '[^']*': (.*)$/s.exec(joined);
  return inner ? inner[1]! : joined;
}
