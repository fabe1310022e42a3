// Custom resources over stdio: a workspace with a CRD file and a custom resource file. Completion
// in the resource's spec offers the CRD's properties, and editing the CRD (a new required
// property) re-validates the open resource without reopening it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
  'custom-resources',
);
let root: string;
let client: TestClient;
let refreshes = 0;

const until = <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> =>
  waitUntil(what, probe, { timeoutMs: 10000, intervalMs: 25, detail: () => client.stderr() });

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'kube-stateful-crd-'));
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

test('completion in a custom resource offers the properties of its CRD (from another file)', async () => {
  const uri = fileUri(join(root, 'backup.yaml'));
  const text = readFileSync(join(root, 'backup.yaml'), 'utf8');
  await client.open(uri, `${text}  \n`);
  const items = await client.completion(uri, 7, 2);
  const labels = items.map((item) => item.label);
  assert.ok(labels.includes('retentionDays'), labels.join(', '));
  assert.ok(!labels.includes('schedule'), 'schedule is already written');
  const hover = await client.hover(uri, 5, 4);
  assert.match(JSON.stringify(hover?.contents), /Cron schedule of the backup/);
  assert.deepEqual(await client.pullDiagnostics(uri), []);
  await client.close(uri);
});

test('editing the CRD re-validates the open custom resource', async () => {
  const crUri = fileUri(join(root, 'backup.yaml'));
  const crdUri = fileUri(join(root, 'crds', 'backups.yaml'));
  await client.open(crUri, readFileSync(join(root, 'backup.yaml'), 'utf8'));
  assert.deepEqual(await client.pullDiagnostics(crUri), []);
  const crd = readFileSync(join(root, 'crds', 'backups.yaml'), 'utf8');
  await client.open(crdUri, crd);
  const before = refreshes;
  // A new required property `bucket` in the spec.
  const edited = crd.replace(
    '              properties:\n                schedule:',
    '              required: [bucket]\n              properties:\n                bucket: { type: string }\n                schedule:',
  );
  assert.notEqual(edited, crd);
  await client.change(crdUri, 2, edited);
  await until('a diagnostics refresh', () =>
    Promise.resolve(refreshes > before ? true : undefined),
  );
  const diagnostics = await client.pullDiagnostics(crUri);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.range.start.line]),
    [['schema-required', 4]],
  );
  const message = diagnostics[0]?.message;
  assert.match(typeof message === 'string' ? message : '', /`bucket`/);
});

test('kubeStateful.crds reads CRDs from outside the workspace', async () => {
  const elsewhere = mkdtempSync(join(tmpdir(), 'kube-stateful-crds-'));
  const workspace = mkdtempSync(join(tmpdir(), 'kube-stateful-cr-'));
  cpSync(join(fixture, 'crds', 'backups.yaml'), join(elsewhere, 'operator', 'backups.yaml'), {
    recursive: true,
  });
  const other = await startTestClient({
    rootPath: workspace,
    settings: { crds: [join(elsewhere, '**', '*.yaml')] },
  });
  try {
    const uri = fileUri(join(workspace, 'backup.yaml'));
    await other.open(uri, 'apiVersion: example.com/v1\nkind: Backup\nspec:\n  target: ftp\n');
    const deadline = Date.now() + 10_000;
    let codes: unknown[] = [];
    while (Date.now() < deadline) {
      codes = (await other.pullDiagnostics(uri)).map((d) => d.code);
      if (codes.length > 0) {
        break;
      }
      await new Promise((done) => setTimeout(done, 50));
    }
    assert.deepEqual(codes, ['schema-enum']);
    const unknown = fileUri(join(workspace, 'widget.yaml'));
    await other.open(unknown, 'apiVersion: acme.io/v1\nkind: Widget\nspec:\n  any: thing\n');
    assert.deepEqual(await other.pullDiagnostics(unknown), []);
    const hover = await other.hover(unknown, 1, 8);
    assert.match(JSON.stringify(hover?.contents), /No CustomResourceDefinition/);
  } finally {
    await other.shutdown();
    rmSync(elsewhere, { recursive: true, force: true });
    rmSync(workspace, { recursive: true, force: true });
  }
});

test('kubeStateful.crds files are watched: a changed CRD re-validates open custom resources', async () => {
  const elsewhere = mkdtempSync(join(tmpdir(), 'kube-stateful-crds-'));
  const workspace = mkdtempSync(join(tmpdir(), 'kube-stateful-cr-'));
  const crdPath = join(elsewhere, 'operator', 'backups.yaml');
  const crd = readFileSync(join(fixture, 'crds', 'backups.yaml'), 'utf8');
  cpSync(join(fixture, 'crds', 'backups.yaml'), crdPath, { recursive: true });
  const other = await startTestClient({
    rootPath: workspace,
    settings: { crds: [join(elsewhere, 'operator')] },
    // VS Code's capabilities for watched files: dynamic registration with relative patterns.
    capabilities: {
      textDocument: { diagnostic: { dynamicRegistration: false } },
      workspace: {
        configuration: true,
        diagnostics: { refreshSupport: true },
        didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
      },
    },
  });
  const waitFor = <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> =>
    waitUntil(what, probe, { timeoutMs: 10000, intervalMs: 25, detail: () => other.stderr() });
  try {
    const uri = fileUri(join(workspace, 'backup.yaml'));
    await other.open(uri, 'apiVersion: example.com/v1\nkind: Backup\nspec:\n  target: ftp\n');
    await waitFor('the enum finding from the configured CRD', async () => {
      const codes = (await other.pullDiagnostics(uri)).map((d) => d.code);
      return codes.includes('schema-enum') ? codes : undefined;
    });
    const watch = await waitFor('a watch on the configured folder', () =>
      Promise.resolve(
        other.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'),
      ),
    );
    assert.deepEqual(watch.registerOptions, {
      watchers: [
        {
          globPattern: {
            baseUri: fileUri(join(elsewhere, 'operator')),
            pattern: '**/*.{yaml,yml}',
          },
        },
      ],
    });
    // The operator's CRD gains `ftp`: once the client reports the change, the finding goes.
    writeFileSync(crdPath, crd.replace('enum: [s3, gcs]', 'enum: [s3, gcs, ftp]'));
    await other.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: fileUri(crdPath), type: 2 }],
    });
    await waitFor('the custom resource re-validated against the changed CRD', async () => {
      const diagnostics = await other.pullDiagnostics(uri);
      return diagnostics.length === 0 ? diagnostics : undefined;
    });
  } finally {
    await other.shutdown();
    rmSync(elsewhere, { recursive: true, force: true });
    rmSync(workspace, { recursive: true, force: true });
  }
});
