import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { InsertTextMode } from 'vscode-languageserver/node';
import type { MarkupContent, TextEdit } from 'vscode-languageserver/node';
import type { TestClient } from '../support/lsp-client';
import { startTestClient } from '../support/lsp-client';
import { cursorPosition } from '../support/cursor';

let client: TestClient;
let counter = 0;

before(async () => {
  client = await startTestClient();
});

after(async () => {
  await client.shutdown();
});

/** Opens `source` (with a `$0` cursor) as a new document and asks for completion there. */
async function completionAt(source: string) {
  const cursor = cursorPosition(source);
  const uri = `file:///tmp/protocol/completion-${counter++}.yaml`;
  await client.open(uri, cursor.text);
  return client.completion(uri, cursor.line, cursor.character);
}

async function hoverAt(source: string) {
  const cursor = cursorPosition(source);
  const uri = `file:///tmp/protocol/hover-${counter++}.yaml`;
  await client.open(uri, cursor.text);
  return client.hover(uri, cursor.line, cursor.character);
}

test('advertises completion (space as the only trigger) and hover', async () => {
  const probe = await startTestClient();
  try {
    const result = await probe.request<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: null,
      rootUri: null,
      capabilities: {},
    });
    assert.deepEqual(result.capabilities.completionProvider, {
      triggerCharacters: [' '],
      resolveProvider: false,
    });
    assert.equal(result.capabilities.hoverProvider, true);
  } finally {
    await probe.shutdown();
  }
});

test('completes StatefulSet spec keys with indentation, types and documentation', async () => {
  const items = await completionAt(
    'apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  replicas: 1\n  $0\n',
  );
  const labels = items.map((item) => item.label);
  assert.ok(labels.includes('volumeClaimTemplates'), client.stderr());
  assert.ok(!labels.includes('replicas'));
  const templates = items.find((item) => item.label === 'volumeClaimTemplates')!;
  assert.equal((templates.textEdit as TextEdit).newText, 'volumeClaimTemplates:\n    - ');
  assert.equal(templates.insertTextMode, InsertTextMode.asIs);
  assert.equal(templates.detail, '[]PersistentVolumeClaim');
  assert.equal((templates.documentation as MarkupContent).kind, 'markdown');
  assert.deepEqual(templates.command?.command, 'editor.action.triggerSuggest');
});

test('completes kind values and fills in the apiVersion', async () => {
  const items = await completionAt('kind: $0\n');
  const statefulSet = items.find((item) => item.label === 'StatefulSet');
  assert.ok(statefulSet);
  assert.deepEqual(statefulSet.additionalTextEdits, [
    {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      newText: 'apiVersion: apps/v1\n',
    },
  ]);
});

test('completes accessModes items and podManagementPolicy values', async () => {
  const modes = await completionAt(
    'apiVersion: v1\nkind: PersistentVolumeClaim\nspec:\n  accessModes:\n    - $0\n',
  );
  assert.deepEqual(modes.map((item) => item.label).sort(), [
    'ReadOnlyMany',
    'ReadWriteMany',
    'ReadWriteOnce',
    'ReadWriteOncePod',
  ]);
  const policy = await completionAt(
    'apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  podManagementPolicy: Or$0\n',
  );
  const ordered = policy.find((item) => item.label === 'OrderedReady');
  assert.deepEqual((ordered?.textEdit as TextEdit).range, {
    start: { line: 3, character: 23 },
    end: { line: 3, character: 25 },
  });
});

test('answers nothing for non-Kubernetes YAML', async () => {
  assert.deepEqual(await completionAt('services:\n  web:\n    image: nginx\n    $0\n'), []);
  assert.equal(await hoverAt('services:\n  we$0b:\n    image: nginx\n'), null);
});

test('a typed space opens completion only after `key: ` or `- `', async () => {
  const cursor = cursorPosition('apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  $0\n');
  const uri = `file:///tmp/protocol/space-${counter++}.yaml`;
  await client.open(uri, cursor.text);
  const indenting = await client.request<unknown>('textDocument/completion', {
    textDocument: { uri },
    position: { line: cursor.line, character: cursor.character },
    context: { triggerKind: 2, triggerCharacter: ' ' },
  });
  assert.equal(indenting, null);
  const value = cursorPosition(
    'apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  podManagementPolicy: $0\n',
  );
  const valueUri = `file:///tmp/protocol/space-${counter++}.yaml`;
  await client.open(valueUri, value.text);
  const list = await client.request<{ items: { label: string }[] }>('textDocument/completion', {
    textDocument: { uri: valueUri },
    position: { line: value.line, character: value.character },
    context: { triggerKind: 2, triggerCharacter: ' ' },
  });
  assert.deepEqual(
    list.items.map((item) => item.label),
    ['OrderedReady', 'Parallel'],
  );
});

test('hovers a key with markdown and the key range', async () => {
  const result = await hoverAt('apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  repl$0icas: 3\n');
  assert.ok(result, client.stderr());
  assert.equal((result.contents as MarkupContent).kind, 'markdown');
  assert.match((result.contents as MarkupContent).value, /\*\*replicas\*\* · `integer` · optional/);
  assert.deepEqual(result.range, {
    start: { line: 3, character: 2 },
    end: { line: 3, character: 10 },
  });
});

test('hovers a resource name under limits with what the quantity means', async () => {
  const result = await hoverAt(
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      resources:\n        limits:\n          me$0mory: 1Gi\n',
  );
  assert.match((result?.contents as MarkupContent).value, /Memory, in bytes/);
});
