import { test } from 'node:test';
import assert from 'node:assert/strict';
import { originOf, parseFile } from './parse';

const base = [
  '# leading comment',
  '---',
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: web',
  '---',
  'apiVersion: apps/v1',
  'kind: StatefulSet',
  'metadata:',
  '  name: web',
  'spec:',
  '  serviceName: web',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: app',
  '          image: nginx',
  '--- # a marker with a comment',
  'apiVersion: v1',
  'kind: ConfigMap',
  'data:',
  '  script: |',
  '    echo hi',
  '...',
  '---',
  '',
].join('\n');

/** Deterministic edits: insertions and deletions at every tenth offset. */
function* edits(text: string): Generator<string> {
  for (let offset = 0; offset < text.length; offset += 10) {
    yield text.slice(0, offset) + 'x: [' + text.slice(offset);
    yield text.slice(0, offset) + '\n---\n' + text.slice(offset);
    yield text.slice(0, offset) + text.slice(offset + 7);
  }
}

test('reusing the previous version gives the same model as parsing from scratch', () => {
  const previous = parseFile('file:///a.yaml', 1, base);
  for (const edited of edits(base)) {
    const fresh = parseFile('file:///a.yaml', 2, edited);
    const incremental = parseFile('file:///a.yaml', 2, edited, previous);
    assert.deepEqual(incremental, fresh, `edit gave a different model:\n${edited}`);
  }
});

test('documents the edit did not touch keep their identity', () => {
  const previous = parseFile('file:///a.yaml', 1, base);
  const edited = base.replace('image: nginx', 'image: nginx:1.27');
  const next = parseFile('file:///a.yaml', 2, edited, previous);
  assert.equal(next.documents[0], previous.documents[0]);
  assert.notEqual(next.documents[1], previous.documents[1]);
  assert.equal(next.documents[2]?.kind, 'ConfigMap');
  assert.deepEqual(
    next.documents[2]?.span.map((offset) => offset - 5),
    previous.documents[2]?.span,
  );
});

test('a file with directives is parsed as one chunk', () => {
  const text = '%YAML 1.2\n---\napiVersion: v1\nkind: Pod\n---\nkind: Service\n';
  const model = parseFile('file:///d.yaml', 1, text);
  assert.deepEqual(
    model.documents.map((document) => document.kind),
    ['Pod', 'Service'],
  );
});

test('reused documents keep their identity and report where moved ones came from', () => {
  const previous = parseFile('file:///a.yaml', 1, base);
  const edited = base.replace('name: web\n---', 'name: web-service\n---');
  const next = parseFile('file:///a.yaml', 2, edited, previous);
  const moved = next.documents[2]!;
  assert.equal(originOf(moved)?.document, previous.documents[2]);
  assert.equal(originOf(moved)?.delta, '-service'.length);
  const again = parseFile('file:///a.yaml', 3, edited, next);
  assert.deepEqual(again.documents, next.documents);
  again.documents.forEach((document, index) => assert.equal(document, next.documents[index]));
});
