// Rendered kustomize overlays in the server: after the first scan and after each save, build
// every top-level overlay with the real kustomize (kustomize-run/), off the request path, and
// keep the traced findings per file for the diagnostics area. Logs what ran and how long.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { KustomizeLookup } from '../kustomize-run/build';
import { findKustomize } from '../kustomize-run/build';
import type { LocatedFinding } from '../kustomize-run/render';
import { RenderCache, renderOverlays } from '../kustomize-run/render';
import { workspaceTrustedNotification } from '../protocol';
import { decodeText } from '../workspace-index/file-system';
import { canonicalUri } from '../workspace-index/index-files';
import { refreshAllDiagnostics } from './diagnostics';
import { labelOf } from './rendered-overlays';
import type { LspArea, Services } from './services';

/** A build that takes longer than this is stopped and reported. */
const timeoutMs = 30_000;
/** Saves in quick succession (save all) start one render. */
const debounceMs = 300;

export const kustomizeArea: LspArea = { register: registerKustomize };

function registerKustomize(services: Services): void {
  const cache = new RenderCache();
  let lookup: { setting: string; result: KustomizeLookup } | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;

  const publish = (
    next: Map<string, LocatedFinding[]>,
    note: string,
    renderedTexts?: Map<string, string>,
  ): void => {
    if (services.overlays.publish(next, note, renderedTexts)) {
      refreshAllDiagnostics(services);
    }
  };

  const render = async (): Promise<void> => {
    const { index } = services.workspace;
    if (!index.isComplete()) {
      return;
    }
    if (index.kustomizeTree().topLevel().length === 0) {
      publish(new Map(), 'No kustomize overlay in the workspace.');
      return;
    }
    if (!services.workspaceTrusted) {
      publish(new Map(), 'Overlays are not rendered: the workspace is not trusted.');
      return;
    }
    const setting = services.settings.kustomizeCommand;
    if (lookup?.setting !== setting) {
      lookup = { setting, result: await findKustomize(setting) };
      services.connection.console.info(
        lookup.result.command
          ? `kustomize: using \`${lookup.result.command.display}\``
          : `kustomize: overlays are not rendered: ${lookup.result.reason}`,
      );
    }
    const command = lookup.result.command;
    if (!command) {
      publish(
        new Map(),
        `Overlays are not rendered with kustomize: ${lookup.result.reason}. Patches and kustomizations are still checked.`,
      );
      return;
    }
    const started = performance.now();
    const read = new Map<string, string>();
    const reports = await renderOverlays({
      command,
      index,
      schema: services.schema,
      settings: services.settings,
      readText: async (uri) => {
        const text = await readDiskText(uri);
        if (text !== undefined) {
          read.set(canonicalUri(uri), text);
        }
        return text;
      },
      labelOf: (uri) => labelOf(services.workspaceFolders, uri),
      timeoutMs,
      cache,
      log: (line) => services.connection.console.info(line),
    });
    const next = new Map<string, LocatedFinding[]>();
    for (const finding of reports.flatMap((report) => report.findings)) {
      const uri = canonicalUri(finding.uri);
      next.set(uri, [...(next.get(uri) ?? []), finding]);
    }
    const built = reports.filter((report) => !report.skipped).length;
    const milliseconds = Math.round(performance.now() - started);
    services.connection.console.info(
      `kustomize: ${built} of ${reports.length} overlays checked in ${milliseconds} ms`,
    );
    publish(
      next,
      `Overlays are rendered with \`${command.display}\` after each save and checked: ${built} of ${reports.length} built.`,
      read,
    );
  };

  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await render();
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };

  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => services.catchAndLog('kustomize render', run), debounceMs);
  };

  services.workspace.onIndexed.push(schedule);
  services.documents.onDidSave(() => services.catchAndLog('kustomize on save', schedule));
  services.onSettingsChanged.push(schedule);
  services.connection.onNotification(workspaceTrustedNotification, () =>
    services.catchAndLog('workspace trusted', () => {
      services.workspaceTrusted = true;
      schedule();
    }),
  );
}

async function readDiskText(uri: string): Promise<string | undefined> {
  try {
    return decodeText(await readFile(fileURLToPath(uri)));
  } catch {
    return undefined;
  }
}
