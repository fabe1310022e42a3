// Diagnostics: pull (`textDocument/diagnostic`, with inter-file dependencies) when the client
// can pull and be told to pull again, otherwise pushed after every change. Both paths share
// computeDiagnostics.
import type { ClientCapabilities, Diagnostic } from 'vscode-languageserver';
import {
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
} from 'vscode-languageserver';
import { findingsPerDocument, runRules } from '../rules/run-rules';
import type { RunRulesOptions } from '../rules/run-rules';
import { runInSlices } from '../model';
import { diagnosticSource, toDiagnostic, toLocatedDiagnostic } from './convert';
import type { LspArea, Services } from './services';
import { checkParams } from './params';

export function computeDiagnostics(services: Services, uri: string): Diagnostic[] {
  const document = services.documents.get(uri);
  if (!document) {
    return [];
  }
  const { settings } = services;
  if (document.getText().length > settings.maxFileSize) {
    return settings.validate
      ? [tooLargeDiagnostic(document.getText().length, settings.maxFileSize)]
      : [];
  }
  const model = services.modelOf(uri);
  if (!model) {
    return [];
  }
  const findings = runRules(model, ruleOptions(services, uri));
  return [...findings.map((finding) => toDiagnostic(model, finding)), ...rendered(services, uri)];
}

/** Findings of rendered kustomize overlays that land in this file. */
function rendered(services: Services, uri: string): Diagnostic[] {
  return services.settings.validate
    ? services.overlays.findingsOf(uri).map(toLocatedDiagnostic)
    : [];
}

/**
 * `computeDiagnostics` that yields to other requests every few milliseconds (a file of thousands
 * of documents takes seconds: its parse, its facts for the index, its rules) and gives up,
 * answering undefined, once the result is stale: the document changed or closed meanwhile, or
 * `cancelled` says so.
 *
 * Callers asking for the same version while a run is under way share it. A client that pulls
 * although it cannot be asked to pull again (Neovim 0.10, many scripted drivers) also gets
 * pushed diagnostics: without sharing, its pull checked the file a second time, and it measured
 * every edit and every open at twice our own benchmark's figure (issue 17).
 */
export async function computeDiagnosticsInSlices(
  services: Services,
  uri: string,
  cancelled: () => boolean = () => false,
): Promise<Diagnostic[] | undefined> {
  const document = services.documents.get(uri);
  if (!document || document.getText().length > services.settings.maxFileSize) {
    return computeDiagnostics(services, uri);
  }
  // TextDocuments updates the document object in place: the version asked about is this one.
  const version = document.version;
  const runs = runsOf(services);
  await services.indexed(uri);
  let run = runs.get(uri);
  if (!run || !run.serves(services, version)) {
    const started = startRun(services, uri, version, () => {
      if (runs.get(uri) === started) {
        runs.delete(uri);
      }
    });
    run = started;
    runs.set(uri, run);
  }
  const diagnostics = await run.result;
  return cancelled() ? undefined : diagnostics;
}

/** One check of one version of a file, shared by whoever asks while it runs. */
interface DiagnosticsRun {
  readonly result: Promise<Diagnostic[] | undefined>;
  /** Whether a caller now would get the same answer from this run. */
  serves(services: Services, version: number): boolean;
}

const runsByServer = new WeakMap<Services, Map<string, DiagnosticsRun>>();

function runsOf(services: Services): Map<string, DiagnosticsRun> {
  let runs = runsByServer.get(services);
  if (!runs) {
    runs = new Map();
    runsByServer.set(services, runs);
  }
  return runs;
}

function startRun(
  services: Services,
  uri: string,
  version: number,
  onDone: () => void,
): DiagnosticsRun {
  const { settings, schema } = services;
  let indexRevision: number | undefined;
  let finished = false;
  const stale = (): boolean => services.documents.get(uri)?.version !== version;
  const compute = async (): Promise<Diagnostic[] | undefined> => {
    const model = await services.modelInSlices(uri);
    // The rules read this file's own facts from the index too: wait until they are this version's.
    await services.indexed(uri);
    if (stale() || !model) {
      return undefined;
    }
    indexRevision = services.workspace.index.revision;
    const diagnostics: Diagnostic[] = [];
    const steps = (function* (): Generator<void, boolean> {
      for (const found of findingsPerDocument(model, ruleOptions(services, uri))) {
        for (const finding of found) {
          diagnostics.push(toDiagnostic(model, finding));
        }
        yield;
      }
      return true;
    })();
    const complete = await runInSlices(steps, { isStale: stale });
    return complete ? [...diagnostics, ...rendered(services, uri)] : undefined;
  };
  const result = compute().finally(() => {
    finished = true;
    onDone();
  });
  return {
    result,
    serves: (current, currentVersion) =>
      !finished &&
      currentVersion === version &&
      current.settings === settings &&
      current.schema === schema &&
      (indexRevision === undefined || indexRevision === current.workspace.index.revision),
  };
}

function ruleOptions(services: Services, uri: string): RunRulesOptions {
  return {
    schema: services.schema,
    settings: services.settings,
    index: services.indexFor(uri),
    overlays: services.overlaysFor(uri),
    defaultNamespace: services.defaultNamespaceOf(uri),
    roleOf: (documentIndex) => services.roleOf(uri, documentIndex),
    cache: services.ruleFindings,
  };
}

function tooLargeDiagnostic(length: number, limit: number): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: diagnosticSource,
    code: 'file-too-large',
    message: `Kube Stateful skipped this file: it has ${length} characters, more than the kubeStateful.maxFileSize setting (${limit}).`,
  };
}

/**
 * Whether this client gets pull diagnostics. A client that pulls but cannot be asked to pull
 * again (Neovim 0.10 declares no `workspace.diagnostics.refreshSupport`) would keep an answer
 * given before the workspace scan ended, or before a settings change, until the next edit. Such
 * a client is offered no pull at all and gets pushed diagnostics: pushing besides answering its
 * pulls would show every finding twice (Neovim keeps pulled and pushed ones apart).
 */
function pullsAndRefreshes(client: ClientCapabilities): boolean {
  return (
    client.textDocument?.diagnostic !== undefined &&
    client.workspace?.diagnostics?.refreshSupport === true
  );
}

function supportsPull(services: Services): boolean {
  return pullsAndRefreshes(services.client);
}

export const diagnosticsArea: LspArea = {
  capabilities: (client) =>
    pullsAndRefreshes(client)
      ? {
          diagnosticProvider: {
            identifier: 'kube-stateful',
            interFileDependencies: true,
            workspaceDiagnostics: false,
          },
        }
      : {},
  register(services) {
    const { connection, documents } = services;
    connection.languages.diagnostics.on((params, token) =>
      services.guardAsync('diagnostics', async () => {
        checkParams(params, 'textDocument');
        const items = await computeDiagnosticsInSlices(
          services,
          params.textDocument.uri,
          () => token.isCancellationRequested,
        );
        if (!items) {
          // LSP's answer for a result overtaken by an edit: the client asks again.
          throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed.', {
            retriggerRequest: true,
          });
        }
        return { kind: DocumentDiagnosticReportKind.Full, items };
      }),
    );
    documents.onDidChangeContent(({ document: { uri } }) =>
      services.catchAndLog(`diagnostics of ${uri}`, () =>
        pushDiagnostics(services, uri, () => computeDiagnosticsInSlices(services, uri)),
      ),
    );
    documents.onDidClose(({ document: { uri } }) =>
      services.catchAndLog(`diagnostics of ${uri}`, () =>
        pushDiagnostics(services, uri, () => Promise.resolve([])),
      ),
    );
    services.onSettingsChanged.push(() => refreshAllDiagnostics(services));
  },
};

/**
 * Inlay hints and code lenses read other files too (a budget's workloads, a StatefulSet's
 * Service), so whatever makes diagnostics stale makes them stale: ask clients that can be asked.
 */
function refreshWiringViews(services: Services): void {
  const workspace = services.client.workspace;
  const log = (what: string) => (error: unknown) => {
    services.connection.console.error(`${what} refresh: ${String(error)}`);
  };
  if (workspace?.inlayHint?.refreshSupport) {
    services.connection.languages.inlayHint.refresh().catch(log('inlay hint'));
  }
  if (workspace?.codeLens?.refreshSupport) {
    services.connection.sendRequest('workspace/codeLens/refresh').catch(log('code lens'));
  }
}

/** Asks the client to pull again (or pushes anew), e.g. after settings or other files change. */
export function refreshAllDiagnostics(services: Services): void {
  refreshWiringViews(services);
  if (supportsPull(services)) {
    services.connection.languages.diagnostics.refresh().catch((error: unknown) => {
      services.connection.console.error(`diagnostics refresh: ${String(error)}`);
    });
    return;
  }
  for (const { uri } of services.documents.all()) {
    // One file each: a failure costs only that file's diagnostics.
    services.catchAndLog(`diagnostics of ${uri}`, () =>
      pushDiagnostics(services, uri, () => computeDiagnosticsInSlices(services, uri)),
    );
  }
}

/**
 * Sends one file's diagnostics to a client that cannot pull them; nothing otherwise. A run a
 * newer edit overtook sends nothing: that edit's own run sends the result.
 */
async function pushDiagnostics(
  services: Services,
  uri: string,
  compute: () => Promise<Diagnostic[] | undefined>,
): Promise<void> {
  if (supportsPull(services)) {
    return;
  }
  const diagnostics = await compute();
  if (diagnostics) {
    await services.connection.sendDiagnostics({ uri, diagnostics });
  }
}
