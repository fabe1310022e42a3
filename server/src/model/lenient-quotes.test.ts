import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getIn, getPair, scalarText } from './navigate';
import { parseFile } from './parse';

const text = `apiVersion: v1
kind: Pod
metadata:
  annotations:
    init: '[
        {"name": "install"}
    ]'
  name: zoo
`;

test('a quoted scalar closed at its key indentation is read as kubectl reads it', () => {
  const model = parseFile('file:///pod.yaml', 1, text);
  const document = model.documents[0]!;
  assert.deepEqual(document.errors, []);
  assert.equal(document.warnings?.length, 1);
  assert.equal(document.warnings?.[0]?.code, 'KUBECTL_ONLY_INDENT');
  assert.equal(text.slice(...document.warnings[0].span), "'[");
  assert.equal(
    scalarText(getIn(document.root, ['metadata', 'annotations', 'init'])),
    '[ {"name": "install"} ]',
  );
  // Positions after the repaired lines are those of the original text.
  const name = getPair(getIn(document.root, ['metadata']), 'name')!;
  assert.equal(text.slice(...name.keySpan), 'name');
  assert.equal(text.slice(...name.value!.span), 'zoo');
});

test('a quoted scalar that never closes is still a syntax error', () => {
  const broken = "a: 'open\nb: 1\n";
  const document = parseFile('file:///x.yaml', 1, broken).documents[0]!;
  assert.ok(document.errors.length > 0);
  assert.equal(document.warnings, undefined);
});
