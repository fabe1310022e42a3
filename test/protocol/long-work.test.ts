// Long diagnostics runs over stdio (a file of 1,500 documents): other requests are answered
// while they run, and an edit that overtakes a pull cancels it (ServerCancelled, retrigger).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic, Hover } from 'vscode-languageserver/node';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { generateManyDocuments } from '../../scripts/bench/inputs';
import type { TestClient } from '../support/lsp-client';
import { startTestClient } from '../support/lsp-client';

const text = generateManyDocuments(3, 1500);
const replicasLine = text.split('\n').findIndex((line) => /^ {2}replicas: \d+$/.test(line));
let client: TestClient;

before(async () => {
  client = await startTestClient();
});

after(() => client.shutdown());

const pull = (uri: string): Promise<{ items: Diagnostic[] }> =>
  client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });

test('a hover sent after a long pull is answered before it', async () => {
  const uri = 'untitled:many-hover.yaml';
  await client.open(uri, text);
  const order: string[] = [];
  const diagnostics = pull(uri).then(() => order.push('diagnostics'));
  const hover = client.connection
    .sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: replicasLine, character: 3 },
    })
    .then((answer) => {
      assert.match(JSON.stringify(answer?.contents), /replicas/);
      order.push('hover');
    });
  await Promise.all([diagnostics, hover]);
  assert.deepEqual(order, ['hover', 'diagnostics']);
});

test('an edit during a pull cancels it; the next pull sees the edit', async () => {
  const uri = 'untitled:many-edit.yaml';
  await client.open(uri, text);
  const stale = pull(uri).then(
    () => undefined,
    (error: unknown) => error,
  );
  const broken = text.replace(/^( {2}replicas: )\d+$/m, '$1three');
  await client.change(uri, 2, broken);
  const error = await stale;
  assert.ok(error instanceof ResponseError, `expected an error, got ${String(error)}`);
  assert.equal(error.code, LSPErrorCodes.ServerCancelled);
  assert.deepEqual(error.data, { retriggerRequest: true });
  const fresh = await pull(uri);
  assert.ok(
    fresh.items.some(
      (diagnostic) =>
        diagnostic.range.start.line === replicasLine && diagnostic.code === 'schema-type',
    ),
  );
});
