// Diagnostics: pull (`textDocument/diagnostic`, with inter-file dependencies) when the client
// can pull and be told to pull again, otherwise pushed after every change. Both paths share
// computeDiagnostics.
import type { ClientCapabilities, Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity, DocumentDiagnosticReportKind } from 'vscode-languageserver';
import { runRules } from '../rules/run-rules';
import { diagnosticSource, toDiagnostic } from './convert';
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
  const findings = runRules(model, {
    schema: services.schema,
    settings,
    index: services.indexFor(uri),
    defaultNamespace: services.defaultNamespaceOf(uri),
  });
  return findings.map((finding) => toDiagnostic(model, finding));
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
    connection.languages.diagnostics.on((params) =>
      services.guard('diagnostics', () => {
        checkParams(params, 'textDocument');
        return {
          kind: DocumentDiagnosticReportKind.Full,
          items: computeDiagnostics(services, params.textDocument.uri),
        };
      }),
    );
    documents.onDidChangeContent(({ document: { uri } }) =>
      services.catchAndLog(`diagnostics of ${uri}`, () =>
        pushDiagnostics(services, uri, () => computeDiagnostics(services, uri)),
      ),
    );
    documents.onDidClose(({ document: { uri } }) =>
      services.catchAndLog(`diagnostics of ${uri}`, () => pushDiagnostics(services, uri, () => [])),
    );
    services.onSettingsChanged.push(() => refreshAllDiagnostics(services));
  },
};

/** Asks the client to pull again (or pushes anew), e.g. after settings or other files change. */
export function refreshAllDiagnostics(services: Services): void {
  if (supportsPull(services)) {
    services.connection.languages.diagnostics.refresh().catch((error: unknown) => {
      services.connection.console.error(`diagnostics refresh: ${String(error)}`);
    });
    return;
  }
  for (const { uri } of services.documents.all()) {
    // One file each: a failure costs only that file's diagnostics.
    services.catchAndLog(`diagnostics of ${uri}`, () =>
      pushDiagnostics(services, uri, () => computeDiagnostics(services, uri)),
    );
  }
}

/** Sends one file's diagnostics to a client that cannot pull them; nothing otherwise. */
function pushDiagnostics(
  services: Services,
  uri: string,
  compute: () => Diagnostic[],
): Promise<void> | undefined {
  return supportsPull(services)
    ? undefined
    : services.connection.sendDiagnostics({ uri, diagnostics: compute() });
}
