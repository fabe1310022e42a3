// Diagnostics: pull (`textDocument/diagnostic`, with inter-file dependencies) when the client
// supports it, otherwise pushed after every change. Both paths share computeDiagnostics.
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity, DocumentDiagnosticReportKind } from 'vscode-languageserver';
import { runRules } from '../rules/run-rules';
import { diagnosticSource, toDiagnostic, toLocatedDiagnostic } from './convert';
import type { LspArea, Services } from './services';

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
    roleOf: (documentIndex) => services.roleOf(uri, documentIndex),
  });
  return [
    ...findings.map((finding) => toDiagnostic(model, finding)),
    ...(settings.validate ? services.renderedFindingsOf(uri).map(toLocatedDiagnostic) : []),
  ];
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

function supportsPull(services: Services): boolean {
  return services.client.textDocument?.diagnostic !== undefined;
}

export const diagnosticsArea: LspArea = {
  capabilities: (client) =>
    client.textDocument?.diagnostic !== undefined
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
      services.guard('diagnostics', () => ({
        kind: DocumentDiagnosticReportKind.Full,
        items: computeDiagnostics(services, params.textDocument.uri),
      })),
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
    if (services.client.workspace?.diagnostics?.refreshSupport) {
      services.connection.languages.diagnostics.refresh().catch((error: unknown) => {
        services.connection.console.error(`diagnostics refresh: ${String(error)}`);
      });
    }
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
