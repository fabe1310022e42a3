// The workspace index in the server: a background scan of the workspace folders with progress,
// incremental updates from edits and file events, and a diagnostics refresh for the files that
// depend on what changed. Also answers the `kubeStateful/status` readiness request.
import { basename, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Disposable, FileEvent, FileSystemWatcher } from 'vscode-languageserver';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver';
import { serverStatusRequest } from '../protocol';
import { runInSlices } from '../model';
import type { CrdWatch } from '../workspace-index/crd-files';
import { createCrdPathMatcher, crdWatches, readCrdFiles } from '../workspace-index/crd-files';
import { extractFactsSteps } from '../workspace-index/extract-facts';
import type { FileSystem } from '../workspace-index/file-system';
import { nodeFileSystem } from '../workspace-index/file-system';
import {
  canonicalUri,
  indexFileFromDisk,
  indexFolders,
  uriOfPath,
} from '../workspace-index/index-files';
import {
  createExcludeMatcher,
  isInSkippedFolder,
  isManifestName,
} from '../workspace-index/scan-workspace';
import type { IndexChange } from '../workspace-index/workspace-index';
import { refreshAllDiagnostics } from './diagnostics';
import type { LspArea, Services } from './services';

/** The workspace area over a file system (Node's by default; tests may pass another). */
export function createWorkspaceArea(fs: FileSystem = nodeFileSystem): LspArea {
  return { register: (services) => registerWorkspace(services, fs) };
}

function registerWorkspace(services: Services, fs: FileSystem): void {
  const { connection, documents } = services;
  const { workspace } = services;
  const { index } = workspace;
  let generation = 0;
  let indexing = false;
  let exclude = services.settings.exclude;

  // Custom resources get the schema of their CRD: the built-in schema is extended by the CRDs
  // of the workspace and of `kubeStateful.crds`, and rebuilt when either set changes.
  const recompose = (): boolean => workspace.recompose();
  let crdSetting = JSON.stringify(services.settings.crds);
  // The configured CRD files usually live outside the workspace, where the client's own file
  // watchers do not look, so the server asks the client to watch them and reloads on a change.
  let isConfiguredCrdPath: (path: string) => boolean = () => false;
  let crdWatchRegistration: Promise<Disposable | undefined> = Promise.resolve(undefined);
  const watchConfiguredCrds = async (watches: readonly CrdWatch[]): Promise<void> => {
    const previous = await crdWatchRegistration;
    previous?.dispose();
    const watchedFiles = services.client.workspace?.didChangeWatchedFiles;
    if (watches.length === 0 || watchedFiles?.dynamicRegistration !== true) {
      crdWatchRegistration = Promise.resolve(undefined);
      return;
    }
    const watchers = watches.map(({ folder, pattern }): FileSystemWatcher => ({
      globPattern:
        watchedFiles.relativePatternSupport === true
          ? { baseUri: uriOfPath(folder), pattern }
          : `${folder.split(sep).join('/')}/${pattern}`,
    }));
    crdWatchRegistration = connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers,
    });
    await crdWatchRegistration;
  };
  const loadConfiguredCrds = async (): Promise<void> => {
    crdSetting = JSON.stringify(services.settings.crds);
    const entries = services.settings.crds;
    const base = roots()[0] ?? process.cwd();
    isConfiguredCrdPath = createCrdPathMatcher(entries, base);
    const { declarations, problems } = await readCrdFiles(fs, entries, base);
    for (const problem of problems) {
      connection.console.warn(`kubeStateful.crds: ${problem}`);
    }
    workspace.setConfiguredCrds(declarations);
    refreshAllDiagnostics(services);
    await watchConfiguredCrds(await crdWatches(fs, entries, base));
  };

  const roots = (): string[] =>
    services.workspaceFolders.flatMap((uri) => {
      const path = pathOfUri(uri);
      return path === undefined ? [] : [path];
    });
  const isOpen = (uri: string): boolean =>
    documents.all().some((document) => canonicalUri(document.uri) === uri);

  // Every update of a file's index entry takes a ticket. A disk read finishes later, so it
  // writes only if its ticket is still the file's newest: a reopen, an edit or a newer event
  // for the same file meanwhile makes it stale, and the newer state stays.
  let tickets = 0;
  const newest = new Map<string, number>();
  const claim = (uri: string): (() => boolean) => {
    const ticket = ++tickets;
    newest.set(uri, ticket);
    return () => newest.get(uri) === ticket && !isOpen(uri);
  };

  /** Re-checks other files when a change touched something they read. */
  const afterChanges = (changes: readonly IndexChange[], changedUris: readonly string[]): void => {
    // A CRD changed: every custom resource may read differently now.
    if (recompose()) {
      refreshAllDiagnostics(services);
      return;
    }
    const changed = new Set(changedUris.map(canonicalUri));
    const dependents = changes
      .flatMap((change) => index.dependentsOf(change))
      .filter((uri) => !changed.has(canonicalUri(uri)));
    if (dependents.length > 0) {
      refreshAllDiagnostics(services);
    }
  };

  /** Whether a file on disk belongs in the index (inside a folder, not skipped or excluded). */
  const isIndexable = async (path: string): Promise<boolean> => {
    if (!isManifestName(basename(path))) {
      return false;
    }
    const hasChart = async (folder: string): Promise<boolean> => {
      const entries = await fs.listFiles(folder).catch(() => []);
      return entries.some((entry) => entry.name === 'Chart.yaml');
    };
    for (const root of roots()) {
      if (path.startsWith(root.endsWith(sep) ? root : root + sep)) {
        return (
          !createExcludeMatcher(root, exclude)(path) &&
          !(await isInSkippedFolder(root, path, hasChart))
        );
      }
    }
    return false;
  };

  const scan = async (): Promise<void> => {
    const current = ++generation;
    indexing = true;
    index.setComplete(false);
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin('Kube Stateful', 0, 'Indexing Kubernetes manifests', false);
    try {
      index.setRoots(services.workspaceFolders.map((uri) => canonicalUri(uri)));
      const found = await indexFolders(fs, index, roots(), {
        exclude,
        maxFileSize: services.settings.maxFileSize,
        isOpen,
        claim,
        isCancelled: () => current !== generation,
        onProgress: (done, total) =>
          progress.report(
            total === 0 ? 100 : Math.round((done / total) * 100),
            `${done}/${total} files`,
          ),
      });
      if (current === generation) {
        // Files that vanished or became excluded since the last scan leave the index.
        const kept = new Set(found);
        for (const uri of index.uris()) {
          if (!kept.has(uri) && !isOpen(uri)) {
            index.remove(uri);
          }
        }
      }
    } finally {
      progress.done();
      if (current === generation) {
        indexing = false;
        index.setComplete(true);
        recompose();
        refreshAllDiagnostics(services);
        notifyIndexed();
      }
    }
  };
  const scanLogged = (): void => services.catchAndLog('indexing', scan);
  const notifyIndexed = (): void => {
    for (const listener of workspace.onIndexed) {
      services.catchAndLog('after indexing', listener);
    }
  };

  const onFileEvents = async (events: readonly FileEvent[]): Promise<void> => {
    if (
      events.some((event) => {
        const path = pathOfUri(canonicalUri(event.uri));
        return path !== undefined && isConfiguredCrdPath(path);
      })
    ) {
      // Even an open CRD file is reloaded from disk here: the setting reads files, not buffers.
      services.catchAndLog('kubeStateful.crds', loadConfiguredCrds);
    }
    const changes: IndexChange[] = [];
    for (const event of events) {
      const uri = canonicalUri(event.uri);
      if (!uri.startsWith('file:') || isOpen(uri)) {
        // Open documents are indexed from the editor buffer, which wins over the disk.
        continue;
      }
      if (event.type === FileChangeType.Deleted) {
        // A deleted folder arrives as one event; drop every file that was under it.
        for (const indexed of index.uris()) {
          if (indexed === uri || indexed.startsWith(uri + '/')) {
            claim(indexed);
            changes.push(index.remove(indexed));
          }
        }
        continue;
      }
      const isCurrent = claim(uri);
      const path = pathOfUri(uri);
      if (path !== undefined && (await isIndexable(path))) {
        const change = await indexFileFromDisk(
          fs,
          index,
          path,
          services.settings.maxFileSize,
          isCurrent,
        );
        changes.push(...(change ? [change] : []));
      } else if (index.has(uri) && isCurrent()) {
        changes.push(index.remove(uri));
      }
    }
    afterChanges(changes, []);
    if (changes.some((change) => change.changed)) {
      notifyIndexed();
    }
  };

  // A change is read into the index in slices (a file of thousands of documents takes seconds);
  // a newer change of the same file makes the older reading stale, and it stops.
  documents.onDidChangeContent(({ document }) =>
    services.catchAndLog('index on change', () => {
      const uri = canonicalUri(document.uri);
      claim(uri);
      const { version } = document;
      const isStale = (): boolean => documents.get(document.uri)?.version !== version;
      const update = (async (): Promise<void> => {
        const model = await services.modelInSlices(document.uri);
        const facts = model && (await runInSlices(extractFactsSteps(model), { isStale }));
        if (isStale()) {
          return;
        }
        const change = facts ? index.update(uri, facts) : index.remove(uri);
        afterChanges([change], [document.uri]);
      })();
      return workspace.reading(document.uri, update);
    }),
  );
  // A closed buffer may have held unsaved edits: the index falls back to the disk copy, or drops
  // the file.
  const reindexClosed = async (documentUri: string): Promise<void> => {
    const uri = canonicalUri(documentUri);
    const isCurrent = claim(uri);
    const path = pathOfUri(uri);
    const change =
      path !== undefined && (await isIndexable(path))
        ? await indexFileFromDisk(fs, index, path, services.settings.maxFileSize, isCurrent)
        : isCurrent()
          ? index.remove(uri)
          : undefined;
    if (change) {
      afterChanges([change], []);
    }
  };
  documents.onDidClose(({ document }) =>
    services.catchAndLog('index on close', () => workspace.track(reindexClosed(document.uri))),
  );
  connection.onDidChangeWatchedFiles(({ changes }) =>
    services.catchAndLog('file events', () => workspace.track(onFileEvents(changes))),
  );
  services.onInitialized.push(() => {
    exclude = services.settings.exclude;
    scanLogged();
    if (services.settings.crds.length > 0) {
      services.catchAndLog('kubeStateful.crds', loadConfiguredCrds);
    }
  });
  services.onSettingsChanged.push(() => {
    if (JSON.stringify(services.settings.crds) !== crdSetting) {
      services.catchAndLog('kubeStateful.crds', loadConfiguredCrds);
    }
    if (JSON.stringify(services.settings.exclude) !== JSON.stringify(exclude)) {
      exclude = services.settings.exclude;
      scanLogged();
    }
  });
  connection.onRequest(serverStatusRequest, () =>
    services.guard('status', () => ({
      indexedFiles: index.fileCount,
      indexing,
      pendingUpdates: workspace.pendingUpdates,
    })),
  );
}

/**
 * The local path of a `file:` uri; undefined for other schemes and for uris Node cannot map
 * (`file://server/share` on Linux), which the index then leaves alone instead of failing.
 */
function pathOfUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) {
    return undefined;
  }
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
