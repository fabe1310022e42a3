// A small LSP client for protocol tests: spawns the built server over stdio and offers typed
// helpers for the requests the tests make. The server's stderr is kept for failure messages.
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  ClientCapabilities,
  CodeAction,
  CompletionItem,
  CompletionList,
  Definition,
  Diagnostic,
  DocumentSymbol,
  Hover,
  InitializeParams,
  InitializeResult,
  Location,
  LocationLink,
  ProtocolConnection,
  PublishDiagnosticsParams,
  Registration,
  RegistrationParams,
} from 'vscode-languageserver/node';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import type { ServerStatus } from '../../server/src/protocol';
import { waitUntil } from './wait-until';

export const serverPath = resolve(__dirname, '..', '..', '..', 'dist', 'server.js');

export interface TestClient {
  readonly connection: ProtocolConnection;
  /** The server process id (for memory readings). */
  readonly pid: number | undefined;
  readonly stderr: () => string;
  /** What the server announced in its initialize result. */
  readonly capabilities: InitializeResult['capabilities'];
  open(uri: string, text: string, languageId?: string): Promise<void>;
  change(uri: string, version: number, text: string): Promise<void>;
  close(uri: string): Promise<void>;
  pullDiagnostics(uri: string): Promise<Diagnostic[]>;
  completion(uri: string, line: number, character: number): Promise<CompletionItem[]>;
  hover(uri: string, line: number, character: number): Promise<Hover | null>;
  /** Quick fixes for diagnostics (the range is the first diagnostic's). */
  codeAction(uri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]>;
  definition(
    uri: string,
    line: number,
    character: number,
  ): Promise<Definition | LocationLink[] | null>;
  references(
    uri: string,
    line: number,
    character: number,
    includeDeclaration?: boolean,
  ): Promise<Location[]>;
  documentSymbol(uri: string): Promise<DocumentSymbol[]>;
  request<R>(method: string, params: unknown): Promise<R>;
  /** Waits until the first scan is over with at least `files` files indexed (10 s at most). */
  indexed(files: number, timeoutMs?: number): Promise<ServerStatus>;
  /** Push diagnostics the server sent, by uri (servers push when the client cannot pull). */
  readonly pushed: Map<string, Diagnostic[]>;
  /** Capabilities the server registered dynamically (`client/registerCapability`), in order. */
  readonly registrations: Registration[];
  shutdown(): Promise<void>;
}

export interface StartOptions {
  readonly rootPath?: string;
  readonly settings?: unknown;
  /** Advertise pull diagnostics (true by default, as VS Code does). */
  readonly pullDiagnostics?: boolean;
  /** Sent as `initializationOptions.workspaceTrusted` when given (VS Code's workspace trust). */
  readonly workspaceTrusted?: boolean;
  /** The client's capabilities in full, replacing VS Code-like defaults (to play other editors). */
  readonly capabilities?: ClientCapabilities;
  /** Send `workspaceFolders` (true by default); without it only `rootUri` names the folder. */
  readonly workspaceFolders?: boolean;
  /** Answer `workspace/configuration` with these settings instead of `settings`. */
  readonly configuration?: () => unknown;
}

export function fileUri(path: string): string {
  return pathToFileURL(path).toString();
}

export async function startTestClient(options: StartOptions = {}): Promise<TestClient> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [serverPath, '--stdio'], {
    stdio: 'pipe',
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const pushed = new Map<string, Diagnostic[]>();
  connection.onNotification(
    'textDocument/publishDiagnostics',
    (params: PublishDiagnosticsParams) => {
      pushed.set(params.uri, params.diagnostics);
    },
  );
  connection.onRequest('workspace/configuration', () => [
    options.configuration ? options.configuration() : (options.settings ?? {}),
  ]);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  const registrations: Registration[] = [];
  connection.onRequest('client/registerCapability', (params: RegistrationParams) => {
    registrations.push(...params.registrations);
    return null;
  });
  connection.onRequest('client/unregisterCapability', () => null);
  connection.listen();
  const pull = options.pullDiagnostics ?? true;
  const initialize: InitializeParams = {
    processId: process.pid,
    rootUri: options.rootPath ? fileUri(options.rootPath) : null,
    workspaceFolders:
      options.rootPath && options.workspaceFolders !== false
        ? [{ uri: fileUri(options.rootPath), name: 'root' }]
        : null,
    capabilities: options.capabilities ?? {
      textDocument: {
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
        hover: { contentFormat: ['markdown'] },
        ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
      workspace: { configuration: true, diagnostics: { refreshSupport: true } },
      window: { workDoneProgress: true },
    },
    initializationOptions:
      options.settings || options.workspaceTrusted !== undefined
        ? {
            ...(options.settings ? { settings: options.settings } : {}),
            ...(options.workspaceTrusted !== undefined
              ? { workspaceTrusted: options.workspaceTrusted }
              : {}),
          }
        : undefined,
  };
  const initialized = await connection.sendRequest<InitializeResult>('initialize', initialize);
  await connection.sendNotification('initialized', {});

  const client: TestClient = {
    connection,
    pid: child.pid,
    stderr: () => stderr,
    capabilities: initialized.capabilities,
    pushed,
    registrations,
    open: (uri, text, languageId = 'yaml') =>
      connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId, version: 1, text },
      }),
    change: (uri, version, text) =>
      connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ text }],
      }),
    close: (uri) => connection.sendNotification('textDocument/didClose', { textDocument: { uri } }),
    async pullDiagnostics(uri) {
      const report = await connection.sendRequest<{ items: Diagnostic[] }>(
        'textDocument/diagnostic',
        {
          textDocument: { uri },
        },
      );
      return report.items;
    },
    async completion(uri, line, character) {
      const result = await connection.sendRequest<CompletionList | CompletionItem[] | null>(
        'textDocument/completion',
        { textDocument: { uri }, position: { line, character } },
      );
      return Array.isArray(result) ? result : (result?.items ?? []);
    },
    hover: (uri, line, character) =>
      connection.sendRequest<Hover | null>('textDocument/hover', {
        textDocument: { uri },
        position: { line, character },
      }),
    async codeAction(uri, diagnostics) {
      const range = diagnostics[0]?.range ?? {
        start: { line: 0, character: 0 },
        end: { line: 0, character: 0 },
      };
      const result = await connection.sendRequest<CodeAction[] | null>('textDocument/codeAction', {
        textDocument: { uri },
        range,
        context: { diagnostics },
      });
      return result ?? [];
    },
    definition: (uri, line, character) =>
      connection.sendRequest<Definition | LocationLink[] | null>('textDocument/definition', {
        textDocument: { uri },
        position: { line, character },
      }),
    async references(uri, line, character, includeDeclaration = true) {
      const result = await connection.sendRequest<Location[] | null>('textDocument/references', {
        textDocument: { uri },
        position: { line, character },
        context: { includeDeclaration },
      });
      return result ?? [];
    },
    async documentSymbol(uri) {
      const result = await connection.sendRequest<DocumentSymbol[] | null>(
        'textDocument/documentSymbol',
        { textDocument: { uri } },
      );
      return result ?? [];
    },
    request: (method, params) => connection.sendRequest(method, params),
    indexed: (files, timeoutMs = 10_000) =>
      waitUntil(
        `the initial index of ${files} files`,
        async () => {
          const status = await connection.sendRequest<ServerStatus>('kubeStateful/status', null);
          return !status.indexing && status.indexedFiles >= files ? status : undefined;
        },
        { timeoutMs, detail: () => stderr },
      ),
    async shutdown() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } finally {
        connection.dispose();
        if (child.exitCode === null) {
          child.kill();
        }
      }
    },
  };
  return client;
}
