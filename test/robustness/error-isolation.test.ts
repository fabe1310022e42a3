// Error isolation over an in-memory connection pair: a feature that throws is logged to the
// output channel (window/logMessage, with its stack) and answered with an error response, a
// failing notification is logged and dropped, and the server keeps answering afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import type {
  Connection,
  Hover,
  LogMessageParams,
  ProtocolConnection,
} from 'vscode-languageserver/node';
import {
  createConnection,
  createProtocolConnection,
  ErrorCodes,
  MessageType,
  ProposedFeatures,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ModelCache } from '../../server/src/model';
import { loadSchema } from '../../server/src/schema';
import { startServer } from '../../server/src/server';
import { hoverArea } from '../../server/src/lsp/hover';
import type { LspArea } from '../../server/src/lsp/services';
import { createServices } from '../../server/src/lsp/services';
import { WorkspaceState } from '../../server/src/lsp/workspace-state';

const repoRoot = resolve(__dirname, '..', '..', '..');
const uri = 'file:///work/web.yaml';
const manifest = 'apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  replicas: 3\n';

interface Pair {
  readonly server: Connection;
  readonly client: ProtocolConnection;
  /** Messages the server logged to the output channel. */
  readonly logged: LogMessageParams[];
  dispose(): void;
}

/** A server connection and a client connection joined by two in-memory streams. */
function connectionPair(): Pair {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createConnection(
    ProposedFeatures.all,
    new StreamMessageReader(toServer),
    new StreamMessageWriter(toClient),
  );
  const client = createProtocolConnection(
    new StreamMessageReader(toClient),
    new StreamMessageWriter(toServer),
  );
  const logged: LogMessageParams[] = [];
  client.onNotification('window/logMessage', (params: LogMessageParams) => {
    logged.push(params);
  });
  client.onRequest('workspace/configuration', () => [{}]);
  client.onRequest('window/workDoneProgress/create', () => null);
  client.listen();
  return {
    server,
    client,
    logged,
    dispose() {
      client.dispose();
      server.dispose();
    },
  };
}

async function initialize(client: ProtocolConnection): Promise<void> {
  // No processId: the server would otherwise start a parent-process watchdog timer.
  await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
  await client.sendNotification('initialized', {});
}

async function openManifest(client: ProtocolConnection): Promise<void> {
  await client.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'yaml', version: 1, text: manifest },
  });
}

function hoverReplicas(client: ProtocolConnection): Promise<Hover | null> {
  return client.sendRequest<Hover | null>('textDocument/hover', {
    textDocument: { uri },
    position: { line: 3, character: 4 },
  });
}

/** Waits until the server has logged a message that matches (log notifications are async). */
async function loggedError(pair: Pair, pattern: RegExp): Promise<LogMessageParams> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const found = pair.logged.find((log) => pattern.test(log.message));
    if (found) {
      return found;
    }
    await new Promise((resolveLater) => setTimeout(resolveLater, 5));
  }
  assert.fail(`nothing logged matching ${pattern}: ${JSON.stringify(pair.logged)}`);
}

async function rejection(promise: Promise<unknown>): Promise<ResponseError<unknown>> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  assert.ok(error instanceof ResponseError, `expected an error response, got ${String(error)}`);
  return error;
}

/** Handlers that fail on purpose, registered through the same services the real areas use. */
const failingArea: LspArea = {
  register(services) {
    const { connection } = services;
    connection.onRequest('test/throws', () =>
      services.guard('exploding feature', () => {
        throw new Error('boom');
      }),
    );
    connection.onRequest('test/rejects', () =>
      services.guardAsync('exploding async feature', () => Promise.reject(new Error('bang'))),
    );
    connection.onRequest('test/cancels', () =>
      services.guard('cancelled feature', () => {
        throw new ResponseError(ErrorCodes.InvalidParams, 'bad parameters');
      }),
    );
    connection.onNotification('test/notify', () => {
      services.catchAndLog('throwing listener', () => {
        throw new Error('thrown in a notification');
      });
      services.catchAndLog('rejecting listener', () =>
        Promise.reject(new Error('rejected in a notification')),
      );
    });
  },
};

test('services.guard logs the stack, answers with an error response, and the server serves on', async () => {
  const pair = connectionPair();
  try {
    const documents = new TextDocuments(TextDocument);
    const services = createServices(
      pair.server,
      documents,
      new ModelCache(),
      new WorkspaceState(loadSchema()),
    );
    failingArea.register(services);
    hoverArea.register(services);
    documents.listen(pair.server);
    pair.server.listen();
    await initialize(pair.client);
    await openManifest(pair.client);

    const thrown = await rejection(pair.client.sendRequest('test/throws'));
    assert.equal(thrown.code, ErrorCodes.InternalError);
    assert.match(thrown.message, /exploding feature failed: Error: boom/);
    const log = await loggedError(pair, /exploding feature failed/);
    assert.equal(log.type, MessageType.Error);
    assert.match(log.message, /Error: boom\n\s+at /, 'the log carries the stack');

    const rejected = await rejection(pair.client.sendRequest('test/rejects'));
    assert.equal(rejected.code, ErrorCodes.InternalError);
    await loggedError(pair, /exploding async feature failed: Error: bang\n\s+at /);

    // An error response the handler chose on purpose passes unchanged and is not logged.
    const chosen = await rejection(pair.client.sendRequest('test/cancels'));
    assert.deepEqual([chosen.code, chosen.message], [ErrorCodes.InvalidParams, 'bad parameters']);
    assert.ok(!pair.logged.some((entry) => entry.message.includes('cancelled feature')));

    await pair.client.sendNotification('test/notify');
    await loggedError(pair, /throwing listener failed: Error: thrown in a notification/);
    await loggedError(pair, /rejecting listener failed: Error: rejected in a notification/);

    const hover = await hoverReplicas(pair.client);
    assert.match(JSON.stringify(hover?.contents), /replicas/);
  } finally {
    pair.dispose();
  }
});

test('the real server answers malformed parameters with Invalid params and keeps serving', async () => {
  const pair = connectionPair();
  try {
    startServer(pair.server);
    await initialize(pair.client);
    await openManifest(pair.client);
    const textDocument = { uri };
    const broken: [string, string, unknown][] = [
      ['textDocument/hover', 'hover', { textDocument, position: null }],
      ['textDocument/completion', 'completion', { textDocument, position: null }],
      ['textDocument/definition', 'definition', { textDocument, position: null }],
      ['textDocument/references', 'references', { textDocument, position: { line: 0 } }],
      ['textDocument/codeAction', 'codeAction', { textDocument, range: null, context: null }],
      ['textDocument/documentSymbol', 'documentSymbol', { textDocument: null }],
      ['textDocument/inlayHint', 'inlayHint', { textDocument, range: null }],
      ['textDocument/codeLens', 'codeLens', { textDocument: null }],
      ['textDocument/diagnostic', 'diagnostics', { textDocument: null }],
      ['textDocument/hover', 'hover', { textDocument, position: { line: -1, character: 0 } }],
      [
        'textDocument/references',
        'references',
        { textDocument, position: { line: 0, character: 0 } },
      ],
      [
        'textDocument/codeAction',
        'codeAction',
        {
          textDocument,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
        },
      ],
      ['textDocument/completion', 'completion', { position: { line: 0, character: 0 } }],
    ];
    for (const [method, area, params] of broken) {
      // Malformed parameters are the client's mistake: -32602 naming the part, nothing logged
      // as a failure of ours (issue 15: they were -32603 with a TypeError).
      const error = await rejection(pair.client.sendRequest(method, params));
      assert.equal(error.code, ErrorCodes.InvalidParams, method);
      assert.match(error.message, /^Invalid params: \w+ must be/, method);
      assert.ok(!pair.logged.some((entry) => entry.message.startsWith(`${area} failed`)), method);
      const hover = await hoverReplicas(pair.client);
      assert.match(JSON.stringify(hover?.contents), /replicas/, `hover after a failed ${method}`);
    }
    // Notifications with garbage: logged, never fatal.
    await pair.client.sendNotification('workspace/didChangeWatchedFiles', { changes: null });
    await loggedError(pair, /^file events failed: TypeError/);
    await pair.client.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: 'file://other-host/share/x.yaml', type: 1 }],
    });
    await pair.client.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const diagnostics = await pair.client.sendRequest<{ items: unknown[] }>(
      'textDocument/diagnostic',
      { textDocument },
    );
    assert.ok(Array.isArray(diagnostics.items));
    assert.match(JSON.stringify(await hoverReplicas(pair.client)), /replicas/);
  } finally {
    pair.dispose();
  }
});

/** Text from each registration (`connection.onX(`, `documents.onX(`) to the next one. */
function registrations(source: string): string[] {
  const starts = [...source.matchAll(/\b(?:connection|documents)(?:\.\w+)*\.on[A-Z]?\w*\(/g)].map(
    (match) => match.index,
  );
  return starts.map((start, i) => source.slice(start, starts[i + 1] ?? source.length));
}

test('every handler registered in server/src/lsp goes through guard, guardAsync or catchAndLog', () => {
  const folder = join(repoRoot, 'server', 'src', 'lsp');
  const unguarded: string[] = [];
  for (const file of readdirSync(folder).filter((name) => /(?<!\.test)\.ts$/.test(name))) {
    for (const registration of registrations(readFileSync(join(folder, file), 'utf8'))) {
      // The handler's first call must be the guard; looking a few lines ahead allows for a
      // parameter list and a return type annotation.
      const head = registration.split('\n').slice(0, 3).join('\n');
      if (!/services\.(guard|guardAsync|catchAndLog)\(/.test(head)) {
        unguarded.push(`${file}: ${registration.split('\n')[0]}`);
      }
    }
  }
  assert.deepEqual(unguarded, []);
});
