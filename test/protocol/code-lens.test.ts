// The wiring code lens over stdio: parts that open the Service and budget in other files, a ✗
// part that names the rule whose quick fix it runs, and malformed params.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CodeLens } from 'vscode-languageserver/node';
import type { TestClient } from '../support/lsp-client';
import { fileUri, startTestClient } from '../support/lsp-client';

const root = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspaces', 'wiring');
const zkUri = fileUri(join(root, 'zk.yaml'));
const budgetUri = fileUri(join(root, 'budget.yaml'));
const zk = readFileSync(join(root, 'zk.yaml'), 'utf8');
let client: TestClient;

function codeLens(uri: string): Promise<CodeLens[]> {
  return client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
}

before(async () => {
  client = await startTestClient({ rootPath: root });
  await client.indexed(2);
  await client.open(zkUri, zk);
});

after(async () => {
  await client.shutdown();
});

test('the StatefulSet lens opens its Service and its budget in another file', async () => {
  const lenses = await codeLens(zkUri);
  assert.deepEqual(
    lenses.map((lens) => [lens.range.start.line, lens.command?.title, lens.command?.command]),
    [
      [16, '3 pods', ''],
      [16, 'headless `zk-hs` ✓', 'kubeStateful.openLocation'],
      [16, 'PDB `zk-pdb` (1 may be down)', 'kubeStateful.openLocation'],
      [16, '3 × 10Gi on the default class', ''],
      [16, 'Show topology', 'kubeStateful.showTopology'],
    ],
  );
  // The topology opens for the StatefulSet's namespace: its file and its first line.
  assert.deepEqual(lenses[4]!.command!.arguments, [zkUri, 16]);
  assert.deepEqual(lenses[1]!.command!.arguments, [
    zkUri,
    { start: { line: 4, character: 8 }, end: { line: 4, character: 13 } },
  ]);
  assert.equal(lenses[2]!.command!.arguments![0], budgetUri);
});

test('a Service that is not headless gives a ✗ part that runs its quick fix', async () => {
  await client.change(zkUri, 2, zk.replace('clusterIP: None', 'clusterIP: 10.96.0.10'));
  const lenses = await codeLens(zkUri);
  const part = lenses.find((lens) => lens.command?.title.includes('✗'));
  assert.equal(part?.command?.title, '`zk-hs` ✗ not headless');
  assert.equal(part.command.command, 'kubeStateful.applyQuickFix');
  assert.equal(part.command.arguments![0], zkUri);
  assert.equal(part.command.arguments![2], 'sts-service-not-headless');
  // The range covers the StatefulSet, where the editor finds the diagnostic and its fix.
  const diagnostics = await client.pullDiagnostics(zkUri);
  const notHeadless = diagnostics.find((d) => d.code === 'sts-service-not-headless');
  const range = part.command.arguments![1] as { start: { line: number }; end: { line: number } };
  assert.ok(notHeadless, JSON.stringify(diagnostics));
  assert.ok(
    range.start.line <= notHeadless.range.start.line &&
      notHeadless.range.end.line <= range.end.line,
    JSON.stringify({ range, diagnostic: notHeadless.range }),
  );
  await client.change(zkUri, 3, zk);
});

test('an edit of another file changes the lens of an unchanged file', async () => {
  // The lenses of a file version are reused while the index stays the same: the budget's file
  // changes here, zk.yaml does not, and its lens must follow.
  const before = await codeLens(zkUri);
  assert.ok(before.some((lens) => lens.command?.title === 'PDB `zk-pdb` (1 may be down)'));
  const budget = readFileSync(join(root, 'budget.yaml'), 'utf8');
  await client.open(budgetUri, budget);
  await client.change(budgetUri, 2, budget.replace('maxUnavailable: 1', 'maxUnavailable: 2'));
  const deadline = Date.now() + 10_000;
  for (;;) {
    const titles = (await codeLens(zkUri)).map((lens) => lens.command?.title);
    if (titles.includes('PDB `zk-pdb` (2 may be down)')) {
      break;
    }
    assert.ok(Date.now() < deadline, `the lens kept ${JSON.stringify(titles)}`);
    await new Promise((done) => setTimeout(done, 25));
  }
  await client.close(budgetUri);
});

test('a request without a text document is answered with Invalid params', async () => {
  await assert.rejects(
    client.request('textDocument/codeLens', {}),
    (error: { code?: number }) => error.code === -32602,
  );
});
