// Wires the server together: documents, the model cache, settings, the schema, and the LSP
// areas (one file each under lsp/). Tests import startServer to run it over any connection.
import type { Connection, InitializeResult, ServerCapabilities } from 'vscode-languageserver';
import { TextDocumentSyncKind, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ModelCache } from './model';
import { loadSchema } from './schema';
import type { LspArea } from './lsp/services';
import { createServices } from './lsp/services';
import { codeActionsArea } from './lsp/code-actions';
import { codeLensArea } from './lsp/code-lens';
import { completionArea } from './lsp/completion';
import { diagnosticsArea } from './lsp/diagnostics';
import { hoverArea } from './lsp/hover';
import { kustomizeArea } from './lsp/kustomize';
import { inlayHintsArea } from './lsp/inlay-hints';
import { navigationArea } from './lsp/navigation';
import { settingsArea } from './lsp/settings';
import { scaffoldArea } from './lsp/scaffold';
import { symbolsArea } from './lsp/symbols';
import { createTopologyArea } from './lsp/topology';
import { createWorkspaceArea } from './lsp/workspace';
import { WorkspaceState } from './lsp/workspace-state';
import { nodeFileSystem } from './workspace-index/file-system';
import type { FileSystem } from './workspace-index/file-system';
import { normalizeSettings } from './protocol';

/** Every LSP area, in registration order. Add a new area here. */
// What one area reads from another is built by createServices before any area registers, so
// the order only decides which `didChange` listener runs first: the workspace area comes before
// diagnostics, so an edit reaches the index before the diagnostics of the edited file are
// computed.
const areasOver = (fs: FileSystem): readonly LspArea[] => [
  settingsArea,
  createWorkspaceArea(fs),
  diagnosticsArea,
  completionArea,
  hoverArea,
  codeActionsArea,
  navigationArea,
  symbolsArea,
  scaffoldArea,
  kustomizeArea,
  inlayHintsArea,
  codeLensArea,
  createTopologyArea(fs),
];

export interface ServerOptions {
  /** Where the workspace index reads files that are not open (Node's fs by default). */
  readonly fileSystem?: FileSystem;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const areas = areasOver(options.fileSystem ?? nodeFileSystem);
  const documents = new TextDocuments(TextDocument);
  const services = createServices(
    connection,
    documents,
    new ModelCache(),
    new WorkspaceState(loadSchema()),
  );

  connection.onInitialize((params): InitializeResult => {
    services.client = params.capabilities;
    services.workspaceFolders = (params.workspaceFolders ?? []).map((folder) => folder.uri);
    if (services.workspaceFolders.length === 0 && params.rootUri) {
      services.workspaceFolders = [params.rootUri];
    }
    const options = params.initializationOptions as
      { settings?: unknown; workspaceTrusted?: unknown } | undefined;
    if (options?.settings !== undefined) {
      services.settings = normalizeSettings(options.settings);
    }
    // Editors without a notion of trust do not send it: the user started the server there.
    services.workspaceTrusted = options?.workspaceTrusted !== false;
    let capabilities: ServerCapabilities = {
      // Saves start kustomize renders (never keystrokes).
      textDocumentSync: {
        openClose: true,
        change: TextDocumentSyncKind.Incremental,
        save: { includeText: false },
      },
    };
    for (const area of areas) {
      capabilities = { ...capabilities, ...area.capabilities?.(params.capabilities) };
    }
    return { capabilities, serverInfo: { name: 'kube-stateful', version: '0.1.0' } };
  });

  for (const area of areas) {
    area.register(services);
  }
  connection.onInitialized(() => {
    for (const listener of services.onInitialized) {
      services.catchAndLog('initialized', listener);
    }
  });
  documents.onDidClose((event) => services.models.evict(event.document.uri));
  documents.listen(connection);
  connection.listen();
}
