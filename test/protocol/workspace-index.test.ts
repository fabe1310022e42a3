// Cross-file diagnostics over stdio: a StatefulSet and its Service in separate files of a
// workspace folder, with the Service changed in the editor and on disk.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { ServerStatus } from '../../server/src/protocol';
import type { TestClient } from '../support/lsp-client';
import { fileUri, startTestClient } from '../support/lsp-client';
import { waitUntil } from '../support/wait-until';

const fixture = resolve(
  __dirname,
  '..',
  '..',
  '..',
  'test',
  'fixtures',
  'workspaces',
  'sts-service',
);
let root: string;
let client: TestClient;
let refreshes = 0;

const until = <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> =>
  waitUntil(what, probe, { timeoutMs: 10000, intervalMs: 25, detail: () => client.stderr() });

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((diagnostic) => diagnostic.code);

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'kube-stateful-ws-'));
  cpSync(fixture, root, { recursive: true });
  client = await startTestClient({ rootPath: root });
  client.connection.onRequest('workspace/diagnostic/refresh', () => {
    refreshes++;
    return null;
  });
  await until('the initial index', async () => {
    const status = await client.request<ServerStatus>('kubeStateful/status', null);
    return !status.indexing && status.indexedFiles >= 2 ? status : undefined;
  });
});

after(async () => {
  await client.shutdown();
  rmSync(root, { recursive: true, force: true });
});

test('a Service in another file is found and checked', async () => {
  const uri = fileUri(join(root, 'statefulset.yaml'));
  await client.open(uri, readFileSync(join(root, 'statefulset.yaml'), 'utf8'));
  const diagnostics = await client.pullDiagnostics(uri);
  assert.ok(codes(diagnostics).includes('sts-service-not-headless'), JSON.stringify(diagnostics));
  assert.ok(!codes(diagnostics).includes('sts-service-not-found'));
  const related = diagnostics.find(
    (d) => d.code === 'sts-service-not-headless',
  )?.relatedInformation;
  assert.equal(related?.[0]?.location.uri, fileUri(join(root, 'service.yaml')));
  assert.equal(related?.[0]?.location.range.start.line, 3);
});

test('editing the open Service refreshes the StatefulSet diagnostics', async () => {
  const stsUri = fileUri(join(root, 'statefulset.yaml'));
  const serviceUri = fileUri(join(root, 'service.yaml'));
  const text = readFileSync(join(root, 'service.yaml'), 'utf8');
  await client.open(serviceUri, text);
  const before = refreshes;
  await client.change(serviceUri, 2, text.replace('spec:\n', 'spec:\n  clusterIP: None\n'));
  await until('a diagnostics refresh', () =>
    Promise.resolve(refreshes > before ? true : undefined),
  );
  assert.ok(!codes(await client.pullDiagnostics(stsUri)).includes('sts-service-not-headless'));
  // Closing the unsaved buffer falls back to the disk copy, which is still not headless.
  const closed = refreshes;
  await client.close(serviceUri);
  await until('a refresh after close', () =>
    Promise.resolve(refreshes > closed ? true : undefined),
  );
  assert.ok(codes(await client.pullDiagnostics(stsUri)).includes('sts-service-not-headless'));
});

test('a Service changed or deleted on disk arrives through file events', async () => {
  const stsUri = fileUri(join(root, 'statefulset.yaml'));
  const servicePath = join(root, 'service.yaml');
  writeFileSync(
    servicePath,
    readFileSync(servicePath, 'utf8').replace('spec:\n', 'spec:\n  clusterIP: None\n'),
  );
  let before = refreshes;
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: fileUri(servicePath), type: 2 }],
  });
  await until('a refresh after the change', () =>
    Promise.resolve(refreshes > before ? true : undefined),
  );
  assert.ok(!codes(await client.pullDiagnostics(stsUri)).includes('sts-service-not-headless'));

  rmSync(servicePath);
  before = refreshes;
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: fileUri(servicePath), type: 3 }],
  });
  await until('a refresh after the delete', () =>
    Promise.resolve(refreshes > before ? true : undefined),
  );
  assert.ok(codes(await client.pullDiagnostics(stsUri)).includes('sts-service-not-found'));
});
