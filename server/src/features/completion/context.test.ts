import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentAt, parseFile } from '../../model';
import { withCursor } from '../../../../test/support/cursor';
import { analyzeContext } from './context';
import type { CompletionContext } from './context';
import { indentUnitOf } from './lines';

function contextAt(source: string): CompletionContext | undefined {
  const { text, offset } = withCursor(source);
  const model = parseFile('file:///context.yaml', 1, text);
  return analyzeContext(model, documentAt(model, offset), offset);
}

function keyAt(source: string) {
  const context = contextAt(source);
  assert.equal(context?.target, 'key', `expected a key position in:\n${source}`);
  return context;
}

function valueAt(source: string) {
  const context = contextAt(source);
  assert.equal(context?.target, 'value', `expected a value position in:\n${source}`);
  return context;
}

test('an empty line after `key:` is a key of that key', () => {
  const context = keyAt('spec:\n  replicas: 3\n  $0\n');
  assert.deepEqual(context.path, ['spec']);
  assert.deepEqual([...context.existingKeys], ['replicas']);
  assert.equal(context.column, 2);
});

test('a half-typed key keeps its path and replaces the whole word', () => {
  const source = 'spec:\n  template:\n    spec:\n      serv$0\n      containers: []\n';
  const context = keyAt(source);
  assert.deepEqual(context.path, ['spec', 'template', 'spec']);
  assert.equal(context.prefix, 'serv');
  const { text } = withCursor(source);
  assert.equal(text.slice(...context.replace), 'serv');
  assert.ok(context.existingKeys.has('containers'), 'keys below the cursor count too');
  assert.ok(!context.existingKeys.has('serv'), 'the key being typed is not already present');
});

test('a cursor inside a key replaces all of it and keeps the colon', () => {
  const source = 'spec:\n  repl$0icas: 3\n';
  const context = keyAt(source);
  assert.equal(withCursor(source).text.slice(...context.replace), 'replicas');
  assert.equal(context.hasColon, true);
});

test('list items: a new `- ` item, a key after `- `, and compact sequences', () => {
  const newItem = keyAt('spec:\n  containers:\n    - name: a\n    - $0\n');
  assert.deepEqual(newItem.path, ['spec', 'containers', 1]);
  assert.equal(newItem.inNewItem, true);
  assert.equal(newItem.column, 6);

  const secondKey = keyAt('spec:\n  containers:\n    - name: a\n      ima$0\n');
  assert.deepEqual(secondKey.path, ['spec', 'containers', 0]);
  assert.ok(secondKey.existingKeys.has('name'));

  const compact = keyAt('spec:\n  containers:\n  - name: a\n  - name: b\n    $0\n');
  assert.deepEqual(compact.path, ['spec', 'containers', 1]);

  const nested = keyAt(
    'spec:\n  volumeClaimTemplates:\n    - metadata:\n        name: data\n      spec:\n        $0\n',
  );
  assert.deepEqual(nested.path, ['spec', 'volumeClaimTemplates', 0, 'spec']);
});

test('values: after `key: `, half typed, in a list item and without a space', () => {
  const policy = valueAt('spec:\n  podManagementPolicy: Or$0\n');
  assert.deepEqual(policy.path, ['spec', 'podManagementPolicy']);
  assert.equal(policy.prefix, 'Or');

  const item = keyAt('spec:\n  accessModes:\n    - Rea$0\n');
  assert.deepEqual(item.path, ['spec', 'accessModes', 0]);
  assert.equal(item.prefix, 'Rea');

  const noSpace = valueAt('kind:$0');
  assert.equal(noSpace.needsSpace, true);

  const quoted = valueAt('spec:\n  type: "Cl$0"\n');
  assert.equal(quoted.quoted, true);
  assert.equal(quoted.prefix, 'Cl');
});

test('flow maps and flow sequences', () => {
  const key = keyAt('spec:\n  resources: { limits: { cpu: 1 }, re$0 }\n');
  assert.deepEqual(key.path, ['spec', 'resources']);
  assert.equal(key.flow, true);
  assert.ok(key.existingKeys.has('limits'));
  assert.equal(key.prefix, 're');

  const inner = keyAt('spec:\n  resources: { requests: { $0 } }\n');
  assert.deepEqual(inner.path, ['spec', 'resources', 'requests']);

  const value = valueAt('spec:\n  accessModes: [ReadWriteOnce, Re$0]\n');
  assert.deepEqual(value.path, ['spec', 'accessModes', 1]);
  assert.ok(value.existingItems.has('ReadWriteOnce'));

  const multiLine = keyAt('metadata: {\n  name: a,\n  $0\n');
  assert.deepEqual(multiLine.path, ['metadata']);
  assert.ok(multiLine.existingKeys.has('name'));

  const afterClosed = contextAt('metadata: {name: a} $0\n');
  assert.equal(afterClosed, undefined);
});

test('multi-document files: the path stops at the `---` of the cursor document', () => {
  const context = keyAt('kind: Service\nspec:\n  ports: []\n---\nkind: Pod\n$0');
  assert.deepEqual(context.path, []);
  assert.deepEqual([...context.existingKeys], ['kind']);
});

test('CRLF line ends and a cursor at the end of a file without a final newline', () => {
  const crlf = keyAt('spec:\r\n  replicas: 1\r\n  se$0\r\n');
  assert.deepEqual(crlf.path, ['spec']);
  assert.equal(crlf.prefix, 'se');
  const end = valueAt('spec:\n  podManagementPolicy: $0');
  assert.deepEqual(end.path, ['spec', 'podManagementPolicy']);
});

test('comments, block scalars and free text get nothing', () => {
  assert.equal(contextAt('spec: # a comm$0\n'), undefined);
  assert.equal(contextAt('# spec$0\n'), undefined);
  assert.equal(contextAt('data:\n  script: |\n    echo hi\n    fo$0\n'), undefined);
  assert.equal(contextAt('spec:\n  command: echo hel$0\n'), undefined);
  assert.equal(contextAt('kind: Pod\n---$0\n'), undefined);
  assert.equal(contextAt('%YAML 1.2$0\n---\n'), undefined);
});

test('the indentation unit comes from the file', () => {
  const four = parseFile('file:///a.yaml', 1, 'spec:\n    replicas: 1\n');
  assert.equal(indentUnitOf(four), 4);
  const two = parseFile('file:///b.yaml', 1, 'spec:\n  containers:\n  - name: a\n    image: b\n');
  assert.equal(indentUnitOf(two), 2);
  const none = parseFile('file:///c.yaml', 1, 'kind: Pod\n');
  assert.equal(indentUnitOf(none), 2);
});
