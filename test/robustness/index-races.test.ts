// Asynchronous index updates against later ones, over an in-memory connection and file system
// whose reads the test holds back: a disk read that finishes after the file was reopened, or
// after a newer read of the same file, must not overwrite the newer state.
import { afterEach, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { ServerStatus } from '../../server/src/protocol';
import { startServer } from '../../server/src/server';
import type { ConnectionPair } from '../support/connection-pair';
import { connectionPair } from '../support/connection-pair';
import { createMemoryFileSystem } from '../support/memory-file-system';

const service =
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  ports:\n    - port: 5432\n  selector: { app: db }\n';
const headless = service.replace('spec:\n', 'spec:\n  clusterIP: None\n');
const statefulSet =
  'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  replicas: 1\n  selector:\n    matchLabels: { app: db }\n  template:\n    metadata:\n      labels: { app: db }\n    spec:\n      containers:\n        - name: db\n          image: postgres:16\n';
const serviceUri = 'file:///ws/service.yaml';
const stsUri = 'file:///ws/statefulset.yaml';

/** A memory file system whose next read of the service can be held until the test releases it. */
function heldFileSystem() {
  const fs = createMemoryFileSystem({
    '/ws/service.yaml': service,
    '/ws/statefulset.yaml': statefulSet,
  });
  let armed = false;
  let release: () => void = () => undefined;
  let started: () => void = () => undefined;
  let readStarted = Promise.resolve();
  const read = fs.readFile.bind(fs);
  return {
    fs: {
      ...fs,
      async readFile(path: string): Promise<string> {
        // The text is taken when the read starts, as a real read would see the disk then.
        const text = await read(path);
        if (armed && path === '/ws/service.yaml') {
          armed = false;
          started();
          await new Promise<void>((resolve) => (release = resolve));
        }
        return text;
      },
    },
    files: fs.files,
    /** Holds the next read of the service; resolves once that read has started. */
    holdNextRead(): Promise<void> {
      armed = true;
      readStarted = new Promise<void>((resolve) => (started = resolve));
      return readStarted;
    },
    release: () => release(),
  };
}

let pair: ConnectionPair;
let disk: ReturnType<typeof heldFileSystem>;
let version = 1;

async function settle(): Promise<void> {
  // The held read's continuation runs on later turns of the event loop; a round trip after a
  // timer lets it finish before the test asks for diagnostics.
  await new Promise((resolve) => setTimeout(resolve, 30));
  await pair.client.sendRequest<ServerStatus>('kubeStateful/status', null);
}

/** Opens a document; the round trip after it makes sure the server has taken it in. */
async function open(uri: string, text: string): Promise<void> {
  await pair.client.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'yaml', version: version++, text },
  });
  await pair.client.sendRequest<ServerStatus>('kubeStateful/status', null);
}

async function stsCodes(): Promise<string[]> {
  const report = await pair.client.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', {
    textDocument: { uri: stsUri },
  });
  return report.items.map((diagnostic) => String(diagnostic.code));
}

beforeEach(async () => {
  pair = connectionPair();
  disk = heldFileSystem();
  startServer(pair.server, { fileSystem: disk.fs });
  await pair.client.sendRequest('initialize', {
    processId: null,
    rootUri: 'file:///ws',
    capabilities: {
      textDocument: { diagnostic: {} },
      workspace: { diagnostics: { refreshSupport: true } },
    },
  });
  await pair.client.sendNotification('initialized', {});
  for (let attempt = 0; attempt < 400; attempt++) {
    const status = await pair.client.sendRequest<ServerStatus>('kubeStateful/status', null);
    if (!status.indexing && status.indexedFiles === 2) {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await open(stsUri, statefulSet);
  assert.ok((await stsCodes()).includes('sts-service-not-headless'));
});

afterEach(() => pair.dispose());

test('a close re-read that finishes after the file was reopened is dropped', async () => {
  await open(serviceUri, headless);
  assert.ok(!(await stsCodes()).includes('sts-service-not-headless'));
  const held = disk.holdNextRead();
  await pair.client.sendNotification('textDocument/didClose', {
    textDocument: { uri: serviceUri },
  });
  await held;
  // Reopened (with the unsaved headless text) while the disk copy was still being read.
  await open(serviceUri, headless);
  disk.release();
  await settle();
  assert.ok(!(await stsCodes()).includes('sts-service-not-headless'));
});

test('a watched-file read that finishes after the file was opened is dropped', async () => {
  const held = disk.holdNextRead();
  await pair.client.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: serviceUri, type: 2 }],
  });
  await held;
  await open(serviceUri, headless);
  disk.release();
  await settle();
  assert.ok(!(await stsCodes()).includes('sts-service-not-headless'));
});

test('an older watched-file read that finishes after a newer one is dropped', async () => {
  const held = disk.holdNextRead();
  await pair.client.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: serviceUri, type: 2 }],
  });
  await held;
  // The file changes again on disk and its event is handled while the first read still waits.
  disk.files.set('/ws/service.yaml', headless);
  await pair.client.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: serviceUri, type: 2 }],
  });
  await settle();
  assert.ok(!(await stsCodes()).includes('sts-service-not-headless'));
  disk.release();
  await settle();
  assert.ok(!(await stsCodes()).includes('sts-service-not-headless'));
});
