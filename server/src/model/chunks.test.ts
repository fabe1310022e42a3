// Tests for the per-document reuse of parses: a model built from an earlier version's chunks is
// exactly the model a fresh parse gives, and the chunking agrees with the parser's documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { splitChunks } from './chunks';
import { parseFile, parseFileReusing } from './parse';
import { computeLineStarts } from './spans';

const base = [
  '# leading comment',
  'apiVersion: v1',
  'kind: Service',
  'metadata: { name: db }',
  '---',
  'apiVersion: apps/v1',
  'kind: StatefulSet',
  'spec:',
  '  serviceName: db',
  '  replicas: 3',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: db',
  '          image: "postgres:16"',
  '--- # a comment on the marker',
  'apiVersion: v1',
  'kind: ConfigMap',
  'data:',
  '  key: |',
  '    line one',
  '...',
  '---',
  '',
].join('\n');

/** Edits that keep, grow, shrink, split, join and break documents. */
const edits: readonly ((text: string) => string)[] = [
  (text) => text.replace('replicas: 3', 'replicas: 4'),
  (text) => text.replace('replicas: 3', 'replicas: 30000'),
  (text) => text.replace('name: db }', 'name: d }'),
  (text) => text.replace('  serviceName: db\n', '  serviceName: db\n---\nkind: Pod\n'),
  (text) => text.replace('---\napiVersion: apps/v1', 'apiVersion: apps/v1'),
  (text) => text.replace('image: "postgres:16"', 'image: "postgres:16'),
  (text) => text.replace('    line one', '    line one\n    line two'),
  (text) => '---\n' + text,
  (text) => text + 'kind: Pod\n',
  (text) => text.replace('\n', '\r\n'),
  (text) => '%YAML 1.2\n' + text,
];

test('a model built from the previous version equals a fresh parse', () => {
  const first = parseFileReusing('file:///a.yaml', 1, base, undefined);
  for (const [index, edit] of edits.entries()) {
    const text = edit(base);
    assert.notEqual(text, base, `edit ${index} changes the text`);
    const reused = parseFileReusing('file:///a.yaml', 2, text, first.chunks).model;
    assert.deepEqual(reused, parseFile('file:///a.yaml', 2, text), `edit ${index}`);
    // And back again, from the edited version's chunks.
    const edited = parseFileReusing('file:///a.yaml', 2, text, first.chunks).chunks;
    const back = parseFileReusing('file:///a.yaml', 3, base, edited).model;
    assert.deepEqual(back, parseFile('file:///a.yaml', 3, base), `edit ${index} undone`);
  }
});

test('documents the edit did not touch are reused, not parsed again', () => {
  const first = parseFileReusing('file:///a.yaml', 1, base, undefined);
  const text = base.replace('replicas: 3', 'replicas: 4');
  const second = parseFileReusing('file:///a.yaml', 2, text, first.chunks).model;
  const [service, statefulSet, configMap] = first.model.documents;
  assert.equal(second.documents[0]!.root, service!.root);
  assert.notEqual(second.documents[1]!.root, statefulSet!.root);
  // Same length, so the later document keeps its offsets and its very nodes.
  assert.equal(second.documents[2]!.root, configMap!.root);
});

test('chunks start at `---` markers only, and a file with directives stays whole', () => {
  const chunks = (text: string) => splitChunks(text, computeLineStarts(text));
  assert.deepEqual(chunks('a: 1\n---\nb: 2\n'), [
    [0, 5],
    [5, 14],
  ]);
  assert.deepEqual(chunks('---\na: 1\n---x\n--- \n'), [
    [0, 14],
    [14, 19],
  ]);
  assert.deepEqual(chunks('a: 1\r\n---\r\nb: 2'), [
    [0, 6],
    [6, 15],
  ]);
  assert.deepEqual(chunks('%YAML 1.2\n---\na: 1\n---\nb: 2\n'), [[0, 28]]);
  assert.deepEqual(chunks(''), []);
});

function yamlFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? yamlFiles(path) : name.endsWith('.yaml') ? [path] : [];
  });
}

test('chunked parsing finds the documents the parser finds in every fixture', () => {
  const fixtures = resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures');
  const files = yamlFiles(fixtures);
  assert.ok(files.length > 20);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const whole = parseAllDocuments(text, { uniqueKeys: false });
    const expected = Array.isArray(whole) && whole.length > 0 ? whole : [];
    const model = parseFile('file:///f.yaml', 1, text);
    assert.equal(model.documents.length, Math.max(1, expected.length), file);
    for (const [index, document] of expected.entries()) {
      assert.equal(model.documents[index]!.errors.length > 0, document.errors.length > 0, file);
    }
  }
});
