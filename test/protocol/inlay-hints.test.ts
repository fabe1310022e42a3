// Inlay hints over stdio: the StatefulSet's DNS names and storage, a budget's pods counted from
// a workload in another file, the setting that turns them off, and malformed params.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { InlayHint } from 'vscode-languageserver/node';
import type { TestClient } from '../support/lsp-client';
import { fileUri, startTestClient } from '../support/lsp-client';

const root = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspaces', 'wiring');
const zkUri = fileUri(join(root, 'zk.yaml'));
const budgetUri = fileUri(join(root, 'budget.yaml'));
let client: TestClient;
let enabled = true;

const wholeFile = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };

function inlayHints(uri: string): Promise<InlayHint[]> {
  return client.request<InlayHint[]>('textDocument/inlayHint', {
    textDocument: { uri },
    range: wholeFile,
  });
}

before(async () => {
  client = await startTestClient({
    rootPath: root,
    configuration: () => ({ inlayHints: { enabled } }),
  });
  await client.indexed(2);
  await client.open(zkUri, readFileSync(join(root, 'zk.yaml'), 'utf8'));
  await client.open(budgetUri, readFileSync(join(root, 'budget.yaml'), 'utf8'));
});

after(async () => {
  await client.shutdown();
});

test('the StatefulSet shows its pod DNS names and the storage its replicas claim', async () => {
  const hints = await inlayHints(zkUri);
  assert.deepEqual(
    hints.map((hint) => [hint.position, hint.label]),
    [
      [{ line: 22, character: 20 }, 'zk-0.zk-hs.kafka.svc.cluster.local … zk-2'],
      [{ line: 23, character: 13 }, '3 × 10Gi = 30Gi'],
    ],
  );
  const tooltip = hints[0]!.tooltip;
  assert.ok(typeof tooltip === 'object' && tooltip.kind === 'markdown');
  assert.match(tooltip.value, /- `zk-2\.zk-hs\.kafka\.svc\.cluster\.local`/);
});

test('a budget counts the pods of a workload in another file', async () => {
  const hints = await inlayHints(budgetUri);
  assert.deepEqual(
    hints.map((hint) => [hint.position, hint.label]),
    [[{ line: 7, character: 19 }, '1 of 3 pods may be down (StatefulSet zk)']],
  );
});

test('kubeStateful.inlayHints.enabled false turns them off', async () => {
  enabled = false;
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  const deadline = Date.now() + 10_000;
  while ((await inlayHints(zkUri)).length > 0) {
    assert.ok(Date.now() < deadline, 'hints stayed on');
    await new Promise((done) => setTimeout(done, 25));
  }
  enabled = true;
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  while ((await inlayHints(zkUri)).length === 0) {
    assert.ok(Date.now() < deadline, 'hints stayed off');
    await new Promise((done) => setTimeout(done, 25));
  }
});

test('a request without a range is answered with Invalid params', async () => {
  await assert.rejects(
    client.request('textDocument/inlayHint', { textDocument: { uri: zkUri } }),
    (error: { code?: number; message?: string }) =>
      error.code === -32602 && /range/.test(error.message ?? ''),
  );
});

test('a client that supports refresh is asked for new hints and lenses when another file changes', async () => {
  const refreshing = await startTestClient({
    rootPath: root,
    capabilities: {
      textDocument: { diagnostic: { dynamicRegistration: false } },
      workspace: {
        configuration: true,
        diagnostics: { refreshSupport: true },
        inlayHint: { refreshSupport: true },
        codeLens: { refreshSupport: true },
      },
    },
  });
  try {
    const asked: string[] = [];
    refreshing.connection.onRequest('workspace/inlayHint/refresh', () => {
      asked.push('inlayHint');
      return null;
    });
    refreshing.connection.onRequest('workspace/codeLens/refresh', () => {
      asked.push('codeLens');
      return null;
    });
    const deadline = Date.now() + 20_000;
    // Until indexing is done, rules that read other files stay quiet and record no dependency.
    await refreshing.indexed(2, 20_000);
    const budget = readFileSync(join(root, 'budget.yaml'), 'utf8');
    await refreshing.open(zkUri, readFileSync(join(root, 'zk.yaml'), 'utf8'));
    await refreshing.open(budgetUri, budget);
    // The zk file reads the budget (through its hints and rules); changing it makes zk stale.
    await refreshing.request('textDocument/inlayHint', {
      textDocument: { uri: zkUri },
      range: wholeFile,
    });
    await refreshing.pullDiagnostics(zkUri);
    asked.length = 0;
    await refreshing.change(budgetUri, 2, budget.replace('app: zk', 'app: other'));
    while (!(asked.includes('inlayHint') && asked.includes('codeLens'))) {
      assert.ok(Date.now() < deadline, `asked: ${asked.join(', ')}\n${refreshing.stderr()}`);
      await new Promise((done) => setTimeout(done, 25));
    }
  } finally {
    await refreshing.shutdown();
  }
});
