import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asMap, asSeq, getIn, getPair, parseFile } from '../../model';
import { applyEdits } from '../../../../test/support/apply-edits';
import type { FileEdit } from './edits';
import {
  appendToSeq,
  insertDocumentAfter,
  insertLineAbove,
  insertPairs,
  removePair,
  setIn,
} from './edits';
import { detectLayout, renderScalar } from './yaml-text';

function target(text: string) {
  const model = parseFile('file:///t.yaml', 1, text);
  return { model, layout: detectLayout(model), root: asMap(model.documents[0]!.root)! };
}

function apply(text: string, edit: FileEdit | undefined): string {
  assert.ok(edit);
  return applyEdits(text, [edit]);
}

test('detects 2 or 4 spaces, compact or indented sequences, and CRLF', () => {
  const four = target('a:\n    b:\n        c: 1\n    list:\n    - x\n');
  assert.deepEqual(four.layout, { unit: 4, indentSequences: false, eol: '\n' });
  const two = target('a:\r\n  b: 1\r\n  list:\r\n    - x\r\n');
  assert.deepEqual(two.layout, { unit: 2, indentSequences: true, eol: '\r\n' });
  // Sequence items shift their maps by "- ", which must not count as an indentation step.
  const items = target('spec:\n    containers:\n        - name: a\n          image: b\n');
  assert.equal(items.layout.unit, 4);
  assert.deepEqual(target('a: 1\n').layout, { unit: 2, indentSequences: true, eol: '\n' });
});

test('renders scalars plainly only when they read back as the same string', () => {
  assert.equal(renderScalar('kubernetes.io/hostname'), 'kubernetes.io/hostname');
  assert.equal(renderScalar('10Gi'), '10Gi');
  assert.equal(renderScalar('yes'), '"yes"');
  assert.equal(renderScalar('1e3'), '"1e3"');
  assert.equal(renderScalar('0755'), '"0755"');
  assert.equal(renderScalar('a: b'), '"a: b"');
  assert.equal(renderScalar(''), '""');
  assert.equal(renderScalar(1), '1');
});

test('setIn follows existing mappings and nests the rest at the file indentation', () => {
  const text = 'spec:\n    template: # keep me\n        metadata:\n            name: x\n# tail\n';
  const { model, layout, root } = target(text);
  const edit = setIn({ model, layout }, root, ['spec', 'template', 'spec', 'affinity'], {
    a: [{ b: 1, c: 'two' }],
  });
  assert.equal(
    apply(text, edit),
    'spec:\n    template: # keep me\n        metadata:\n            name: x\n        spec:\n' +
      '            affinity:\n                a:\n                    - b: 1\n                      c: two\n# tail\n',
  );
});

test('setIn fills a key without value, an empty flow map, and replaces a scalar', () => {
  const text = 'spec:\n  resources:\n  limits: {}\n  mode: x # why\n';
  const { model, layout, root } = target(text);
  const t = { model, layout };
  assert.equal(
    apply(text, setIn(t, root, ['spec', 'resources', 'requests', 'storage'], '1Gi')),
    'spec:\n  resources:\n    requests:\n      storage: 1Gi\n  limits: {}\n  mode: x # why\n',
  );
  assert.equal(
    apply(text, setIn(t, root, ['spec', 'limits', 'cpu'], 1)),
    'spec:\n  resources:\n  limits:\n    cpu: 1\n  mode: x # why\n',
  );
  assert.equal(
    apply(text, setIn(t, root, ['spec', 'mode'], 'z')),
    'spec:\n  resources:\n  limits: {}\n  mode: z # why\n',
  );
});

test('inserts into flow mappings and sequences in flow style', () => {
  const text = 'labels: {app: a}\nitems: [1]\n';
  const { model, layout, root } = target(text);
  const t = { model, layout };
  assert.equal(
    apply(text, insertPairs(t, asMap(getIn(root, ['labels']))!, { tier: 'db' })),
    'labels: {app: a, tier: db}\nitems: [1]\n',
  );
  assert.equal(
    apply(text, appendToSeq(t, asSeq(getIn(root, ['items']))!, 2)),
    'labels: {app: a}\nitems: [1, 2]\n',
  );
});

test('appends a mapping item to a block sequence at its dash column', () => {
  const text = 'list:\n  - name: a\n    x: 1\nnext: 1';
  const { model, layout, root } = target(text);
  assert.equal(
    apply(text, appendToSeq({ model, layout }, asSeq(getIn(root, ['list']))!, { name: 'b' })),
    'list:\n  - name: a\n    x: 1\n  - name: b\nnext: 1',
  );
});

test('removes a pair with its lines, but not one that opens a sequence item', () => {
  const text = 'spec:\n  a: 1 # one\n  b:\n    c: 2\n  d: 3\nlist:\n  - k: 1\n    v: 2\n';
  const { model, layout, root } = target(text);
  const t = { model, layout };
  const spec = asMap(getIn(root, ['spec']))!;
  assert.equal(
    apply(text, removePair(t, spec, getPair(spec, 'b')!)),
    text.replace('  b:\n    c: 2\n', ''),
  );
  assert.equal(
    apply(text, removePair(t, spec, getPair(spec, 'a')!)),
    text.replace('  a: 1 # one\n', ''),
  );
  const item = asMap(getIn(root, ['list', 0]))!;
  assert.equal(removePair(t, item, getPair(item, 'k')!), undefined);
});

test('adds a document after another, also at the end of a file without a final newline', () => {
  const text = 'kind: A\nmetadata:\n  name: a\n# about b\n---\nkind: B';
  const { model, layout } = target(text);
  const t = { model, layout };
  assert.equal(
    apply(text, insertDocumentAfter(t, model.documents[0]!, { kind: 'C' })),
    'kind: A\nmetadata:\n  name: a\n---\nkind: C\n# about b\n---\nkind: B',
  );
  assert.equal(
    apply(text, insertDocumentAfter(t, model.documents[1]!, { kind: 'C' })),
    `${text}\n---\nkind: C\n`,
  );
});

test('inserts a comment line above with the line indentation', () => {
  const text = 'a:\n  - b: 1\n';
  const { model, layout } = target(text);
  assert.equal(
    apply(text, insertLineAbove({ model, layout }, text.indexOf('b'), '# note')),
    'a:\n  # note\n  - b: 1\n',
  );
});
