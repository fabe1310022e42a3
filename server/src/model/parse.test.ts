import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from './parse';
import { getIn, nodePathAt, scalarText } from './navigate';
import { offsetToPosition, positionToOffset } from './spans';

test('classifies each document of a multi-document file by content', () => {
  const model = parseFile(
    'file:///a.yaml',
    1,
    'apiVersion: v1\nkind: Service\n---\nservices:\n  web: {}\n---\nkind: Pod\n---\n# only a comment\n',
  );
  assert.deepEqual(
    model.documents.map((document) => document.classification),
    ['kubernetes', 'other', 'partial', 'empty'],
  );
  assert.equal(model.hasKubernetes, true);
  assert.equal(model.documents[0]?.kind, 'Service');
});

test('skips Helm templates', () => {
  const model = parseFile('file:///t.yaml', 1, 'apiVersion: v1\nkind: {{ .Values.kind }}\n');
  assert.equal(model.documents[0]?.classification, 'helm');
});

test('keeps key and value spans as UTF-16 offsets', () => {
  const text = 'metadata:\n  name: web\n  labels:\n    app: "é"\n';
  const model = parseFile('file:///a.yaml', 1, text);
  const root = model.documents[0]!.root;
  const name = getIn(root, ['metadata', 'name']);
  assert.equal(scalarText(name), 'web');
  assert.deepEqual(name?.span, [text.indexOf('web'), text.indexOf('web') + 3]);
  const app = getIn(root, ['metadata', 'labels', 'app']);
  assert.equal(app?.type === 'scalar' && app.style, 'double');
});

test('an empty value is modelled as no value', () => {
  const model = parseFile('file:///a.yaml', 1, 'spec:\n  replicas:\n');
  const spec = getIn(model.documents[0]!.root, ['spec']);
  assert.equal(spec?.type, 'map');
  assert.equal(spec?.type === 'map' ? spec.pairs[0]?.value : 'x', null);
});

test('reports one syntax error per line, without a cascade', () => {
  const model = parseFile('file:///a.yaml', 1, 'kind: Pod\nspec:\n  - a\n  b: c\n');
  const lines = model.documents[0]!.errors.map(
    (error) => offsetToPosition(model, error.span[0]).line,
  );
  assert.equal(new Set(lines).size, lines.length);
  assert.ok(lines.length >= 1);
});

test('never expands aliases, so alias bombs stay small', () => {
  const bomb =
    'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n' +
    'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n';
  const model = parseFile('file:///bomb.yaml', 1, bomb);
  const d = getIn(model.documents[0]!.root, ['d', 0]);
  assert.equal(d?.type, 'alias');
});

test('copes with CRLF, BOM, tabs and binary junk', () => {
  const inputs = [
    '\uFEFFkind: Pod\r\napiVersion: v1\r\n',
    'a:\n\tb: 1\n',
    '\u0000\u0001\u0002kind: ::::\n',
    '',
  ];
  for (const input of inputs) {
    const model = parseFile('file:///x.yaml', 1, input);
    assert.ok(model.documents.length >= 1);
  }
  const crlf = parseFile('file:///c.yaml', 1, 'a: 1\r\nb: 2\r\n');
  assert.deepEqual(offsetToPosition(crlf, crlf.text.indexOf('b')), { line: 1, character: 0 });
  assert.equal(positionToOffset(crlf, { line: 1, character: 99 }), crlf.text.indexOf('b: 2') + 4);
});

test('nodePathAt finds the chain of nodes and whether the cursor is on a key', () => {
  const text = 'spec:\n  template:\n    spec:\n      containers:\n        - name: app\n';
  const model = parseFile('file:///a.yaml', 1, text);
  const root = model.documents[0]!.root;
  const onValue = nodePathAt(root, text.indexOf('app') + 1);
  assert.deepEqual(onValue.steps.at(-1)?.path, [
    'spec',
    'template',
    'spec',
    'containers',
    0,
    'name',
  ]);
  const onKey = nodePathAt(root, text.indexOf('name') + 1);
  assert.equal(onKey.onKey?.key, 'name');
});

test('an offset inside a CRLF line break is the end of its line (issue 15)', () => {
  // Found by fuzzing: a syntax error spanning the `\r` of `value: \r\n` ended at character 22
  // of a 21-character line, outside the text for the editor.
  const model = parseFile('file:///crlf.yaml', 1, 'a:\r\n  value: \r\nb: 1\r\n');
  const inside = model.text.indexOf('\r\nb') + 1;
  assert.deepEqual(offsetToPosition(model, inside), { line: 1, character: 9 });
  assert.deepEqual(offsetToPosition(model, inside + 1), { line: 2, character: 0 });
});
