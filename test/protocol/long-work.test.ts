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

test('a 20 MB file (maxFileSize raised) never blocks the server; an edit supersedes its check', async () => {
  const large = await startTestClient({ settings: { maxFileSize: 30_000_000 } });
  try {
    const huge = generateManyDocuments(4, 20_000);
    assert.ok(huge.length > 19_000_000, `${huge.length} characters`);
    const small = 'untitled:small.yaml';
    await large.open(small, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\n');
    await large.pullDiagnostics(small);
    const uri = 'untitled:huge.yaml';
    const order: string[] = [];
    await large.open(uri, huge);
    const check = large.connection
      .sendRequest('textDocument/diagnostic', { textDocument: { uri } })
      .then(
        () => order.push('huge diagnostics'),
        (error: unknown) => {
          order.push('huge diagnostics cancelled');
          return error;
        },
      );
    // Another file is answered while the huge one is parsed, and the huge one's own hover as
    // soon as its parse is done, while its rules still run.
    const hugeHover = large.hover(uri, replicasLineOf(huge), 3).then((answer) => {
      assert.match(JSON.stringify(answer?.contents), /replicas/);
      order.push('huge hover');
    });
    const smallHover = large.hover(small, 1, 2).then((answer) => {
      assert.match(JSON.stringify(answer?.contents), /kind/i);
      order.push('small hover');
    });
    await Promise.all([smallHover, hugeHover]);
    assert.deepEqual(order, ['small hover', 'huge hover']);
    // An edit makes the running check stale: it stops, and the new text is checked at once.
    await large.change(uri, 2, text);
    const error = await check;
    assert.deepEqual(order, ['small hover', 'huge hover', 'huge diagnostics cancelled']);
    assert.ok(error instanceof ResponseError, `expected an error, got ${String(error)}`);
    assert.equal(error.code, LSPErrorCodes.ServerCancelled);
    const fresh = await large.pullDiagnostics(uri);
    assert.ok(fresh.length > 0);
  } finally {
    await large.shutdown();
  }
});

function replicasLineOf(source: string): number {
  return source.split('\n').findIndex((line) => /^ {2}replicas: \d+$/.test(line));
}
