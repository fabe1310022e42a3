// The shipped bundle serves the snippets folder as completion items, in context, over stdio.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver/node';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver/node';
import type { TestClient } from '../support/lsp-client';
import { startTestClient } from '../support/lsp-client';
import { cursorPosition } from '../support/cursor';

let client: TestClient;

before(async () => {
  client = await startTestClient();
});

after(async () => {
  await client.shutdown();
});

async function completeAt(name: string, source: string): Promise<CompletionItem[]> {
  const cursor = cursorPosition(source);
  const uri = `file:///tmp/protocol-snippets/${name}.yaml`;
  await client.open(uri, cursor.text);
  return client.completion(uri, cursor.line, cursor.character);
}

function snippetsOf(items: readonly CompletionItem[]): CompletionItem[] {
  return items.filter((item) => item.kind === CompletionItemKind.Snippet);
}

test('an empty .yaml file lists the whole-object snippets with their descriptions', async () => {
  const snippets = snippetsOf(await completeAt('empty', '$0'));
  const labels = snippets.map((item) => item.label);
  for (const expected of ['sts', 'statefulset', 'pvc', 'sc-azure-disk', 'svc-headless', 'pdb']) {
    assert.ok(labels.includes(expected), `${expected} missing from ${labels.join(', ')}`);
  }
  assert.ok(!labels.includes('probe-tcp'), 'no fragments at the root');
  const sts = snippets.find((item) => item.label === 'sts')!;
  assert.match(sts.detail ?? '', /StatefulSet/);
  assert.equal(sts.insertTextFormat, InsertTextFormat.Snippet);
  const documentation = sts.documentation as MarkupContent;
  assert.equal(documentation.kind, 'markdown');
  assert.match(documentation.value, /^```yaml\napiVersion: apps\/v1\nkind: StatefulSet\n/);
  assert.match((sts.textEdit as TextEdit).newText, /^apiVersion: apps\/v1\nkind: StatefulSet\n/);
});

test('a fragment is offered under a container, indented for the cursor', async () => {
  const source = [
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    'metadata:',
    '  name: db',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '      - name: db',
    '        image: postgres:16',
    '        probe$0',
  ].join('\n');
  const snippets = snippetsOf(await completeAt('container', source));
  const probe = snippets.find((item) => item.label === 'probe-tcp');
  assert.ok(probe, `probe-tcp missing from ${snippets.map((item) => item.label).join(', ')}`);
  const edit = probe.textEdit as TextEdit;
  assert.deepEqual(edit.range, {
    start: { line: 10, character: 8 },
    end: { line: 10, character: 13 },
  });
  assert.match(edit.newText, /:\n {10}tcpSocket:\n {12}port: \$\{2:8080\}/);
  assert.ok(!snippets.some((item) => item.label === 'sts'), 'no whole objects inside a mapping');
});

test('a whole object below an existing one brings its own separator', async () => {
  const snippets = snippetsOf(
    await completeAt('separator', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n\npv$0'),
  );
  const pvc = snippets.find((item) => item.label === 'pvc');
  assert.ok((pvc?.textEdit as TextEdit | undefined)?.newText.startsWith('---\napiVersion: v1\n'));
});

test('no snippets in other YAML', async () => {
  const items = await completeAt('compose', 'services:\n  web:\n    image: nginx\n$0');
  assert.deepEqual(snippetsOf(items), []);
});
