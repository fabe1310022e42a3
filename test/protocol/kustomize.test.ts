// Rendered overlays over stdio: after the first scan the server builds each top-level overlay with
// the real kustomize; the finding a patch causes shows on the patch file, and goes away once the
// patch is edited and saved. A patch never gets whole-object findings of its own.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { ServerStatus } from '../../server/src/protocol';
import type { TestClient } from '../support/lsp-client';
import { fileUri, startTestClient } from '../support/lsp-client';
import { requireKustomize } from '../support/kustomize-binary';
import { waitUntil } from '../support/wait-until';

const fixture = resolve(
  __dirname,
  '..',
  '..',
  '..',
  'test',
  'fixtures',
  'workspaces',
  'kustomize-overlays',
);
requireKustomize();
let root: string;
let client: TestClient;

const until = <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> =>
  waitUntil(what, probe, { timeoutMs: 30000, intervalMs: 50, detail: () => client.stderr() });

const codes = (diagnostics: Diagnostic[]) =>
  diagnostics.map((diagnostic) => String(diagnostic.code));

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'kube-stateful-kustomize-'));
  cpSync(fixture, root, { recursive: true });
  client = await startTestClient({ rootPath: root });
  await until('the initial index', async () => {
    const status = await client.request<ServerStatus>('kubeStateful/status', null);
    return !status.indexing && status.indexedFiles >= 10 ? status : undefined;
  });
});

after(async () => {
  await client.shutdown();
  rmSync(root, { recursive: true, force: true });
});

test('unsaved edits hide the rendered findings of a file, whose lines are those of the disk text', async () => {
  // Found by the fuzzer: findings traced to lines of the text kustomize read were shown on an
  // open file whose buffer had other text, at lines past its end.
  const path = join(root, 'overlays', 'prod', 'no-probes.yaml');
  const uri = fileUri(path);
  const text = readFileSync(path, 'utf8');
  await client.open(uri, text);
  await until('probe-missing from the rendered overlay', async () => {
    const diagnostics = await client.pullDiagnostics(uri);
    return codes(diagnostics).includes('probe-missing') ? diagnostics : undefined;
  });
  await client.change(uri, 2, `# an unsaved comment\n# and another\n${text}`);
  assert.deepEqual(codes(await client.pullDiagnostics(uri)), []);
  await client.change(uri, 3, text);
  const back = await client.pullDiagnostics(uri);
  assert.deepEqual(
    back.map((diagnostic) => `${String(diagnostic.code)}@${diagnostic.range.start.line}`),
    ['probe-missing@10'],
  );
  await client.close(uri);
});

test('editing a patch and saving updates the overlay’s findings on it', async () => {
  const path = join(root, 'overlays', 'prod', 'no-probes.yaml');
  const uri = fileUri(path);
  const text = readFileSync(path, 'utf8');
  await client.open(uri, text);
  const before = await until('probe-missing from the rendered overlay', async () => {
    const diagnostics = await client.pullDiagnostics(uri);
    return codes(diagnostics).includes('probe-missing') ? diagnostics : undefined;
  });
  const probe = before.find((diagnostic) => diagnostic.code === 'probe-missing')!;
  assert.equal(probe.range.start.line, 10, 'on `readinessProbe: null`');
  const message = typeof probe.message === 'string' ? probe.message : probe.message.value;
  assert.match(message, /^in overlay `overlays\/prod`: /);
  assert.equal(
    probe.relatedInformation?.[0]?.location.uri,
    fileUri(join(root, 'overlays', 'prod', 'kustomization.yaml')),
  );
  // Only the overlay's finding: the patch itself is no whole StatefulSet.
  assert.deepEqual(codes(before), ['probe-missing']);

  const fixed = text.replace(
    '          readinessProbe: null\n          livenessProbe: null\n',
    '          terminationMessagePolicy: FallbackToLogsOnError\n',
  );
  writeFileSync(path, fixed);
  await client.change(uri, 2, fixed);
  await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  await until('the finding gone after the save', async () => {
    const diagnostics = await client.pullDiagnostics(uri);
    return codes(diagnostics).includes('probe-missing') ? undefined : diagnostics;
  });
  assert.deepEqual(codes(await client.pullDiagnostics(uri)), []);
});

test('the overlay’s kustomization carries the findings its entries cause, and hover says it is rendered', async () => {
  const path = join(root, 'overlays', 'prod', 'kustomization.yaml');
  const uri = fileUri(path);
  await client.open(uri, readFileSync(path, 'utf8'));
  const diagnostics = await until('zk-servers-mismatch on the replicas entry', async () => {
    const items = await client.pullDiagnostics(uri);
    return codes(items).includes('zk-servers-mismatch') ? items : undefined;
  });
  const ensemble = diagnostics.find(
    (diagnostic) => diagnostic.code === 'zk-servers-mismatch' && diagnostic.range.start.line === 6,
  );
  assert.ok(ensemble, 'on `- name: zookeeper` of replicas');
  const hover = await client.hover(uri, 4, 3);
  const markdown = JSON.stringify(hover?.contents);
  assert.match(markdown, /Prepended to the name of every object/);
  assert.match(markdown, /Overlays are rendered with/);
});

test('an untrusted workspace renders nothing until the client says it is trusted', async () => {
  const untrusted = await startTestClient({ rootPath: root, workspaceTrusted: false });
  try {
    const kustomization = fileUri(join(root, 'overlays', 'prod', 'kustomization.yaml'));
    await untrusted.open(kustomization, readFileSync(new URL(kustomization), 'utf8'));
    const note = await until('the not-trusted note on hover', async () => {
      const hover = JSON.stringify((await untrusted.hover(kustomization, 4, 3))?.contents ?? '');
      return hover.includes('not trusted') ? hover : undefined;
    });
    assert.match(note, /Overlays are not rendered: the workspace is not trusted/);
    assert.deepEqual(codes(await untrusted.pullDiagnostics(kustomization)), []);
    await untrusted.connection.sendNotification('kubeStateful/workspaceTrusted');
    await until('the rendered findings once trusted', async () => {
      const items = await untrusted.pullDiagnostics(kustomization);
      return codes(items).includes('zk-servers-mismatch') ? items : undefined;
    });
  } finally {
    await untrusted.shutdown();
  }
});
