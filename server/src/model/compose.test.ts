import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getIn } from './navigate';
import { MAX_PARSE_DEPTH } from './compose';
import { parseFile } from './parse';

test('a document nested 10,000 levels deep becomes one issue instead of a crash', () => {
  const text = 'apiVersion: v1\nkind: Pod\n---\n' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n';
  const model = parseFile('file:///deep.yaml', 1, text);
  const deep = model.documents[1]!;
  assert.equal(deep.root, null);
  assert.equal(deep.classification, 'other');
  assert.deepEqual(
    deep.errors.map((error) => error.code),
    ['NESTING_TOO_DEEP'],
  );
  const offset = text.indexOf('[') + MAX_PARSE_DEPTH;
  assert.deepEqual(deep.errors[0]!.span, [offset, offset + 1]);
  assert.equal(model.documents[0]!.kind, 'Pod');
});

test('unclosed and block nesting are measured the same way', () => {
  for (const text of [
    '{a: '.repeat(5_000),
    '- '.repeat(5_000) + 'x',
    Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
  ]) {
    const [document] = parseFile('file:///deep.yaml', 1, text).documents;
    assert.equal(document!.errors[0]?.code, 'NESTING_TOO_DEEP', text.slice(0, 20));
  }
});

test('nesting under the limit is parsed, and the model keeps its first 200 levels', () => {
  const text = `spec:\n  args: ${'['.repeat(250)}x${']'.repeat(250)}\n  after: 1\n`;
  const [document] = parseFile('file:///deep.yaml', 1, text).documents;
  assert.deepEqual(document!.errors, []);
  assert.equal(getIn(document!.root, ['spec', 'after'])?.type, 'scalar');
  let depth = 0;
  for (let node = getIn(document!.root, ['spec', 'args']); node?.type === 'seq'; depth++) {
    node = node.items[0];
  }
  assert.ok(depth > 190 && depth < 210, `kept ${depth} levels`);
});
