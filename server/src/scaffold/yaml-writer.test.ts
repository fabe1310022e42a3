import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../model';
import type { YamlNode } from '../model';
import { commented, writeYamlFile } from './yaml-writer';
import type { YamlMapping } from './yaml-writer';

/** The plain data a parsed node stands for, to compare with what was written. */
function toPlain(node: YamlNode | null): unknown {
  if (!node) {
    return null;
  }
  switch (node.type) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map':
      return Object.fromEntries(node.pairs.map((pair) => [pair.key, toPlain(pair.value)]));
    default:
      return undefined;
  }
}

function roundTrip(document: YamlMapping): unknown {
  const model = parseFile('file:///round-trip.yaml', 1, writeYamlFile(['header'], document));
  assert.deepEqual(model.documents[0]?.errors, []);
  return toPlain(model.documents[0].root);
}

test('strings that look like other types stay strings', () => {
  const tricky = [
    '1000',
    '0.5',
    '1e3',
    '0x1F',
    '0o17',
    '017',
    '1_000',
    '190:20:30',
    '2024-01-02',
    '.inf',
    '-.5',
    'true',
    'yes',
    'No',
    'on',
    'OFF',
    'y',
    'null',
    '~',
    '',
    ' padded',
    'trailing ',
    '- item',
    '-',
    '? key',
    ': value',
    'a: b',
    'a #b',
    'ends:',
    '#comment',
    '*alias',
    '&anchor',
    '!tag',
    '|',
    '>',
    "'quoted'",
    '"double"',
    '%directive',
    '@at',
    '`tick`',
    '[flow]',
    '{flow}',
    ',comma',
    "it's",
    'back\\slash "and" quote\'s',
    'tab\there',
  ];
  const document = Object.fromEntries(tricky.map((value, index) => [`k${index}`, value]));
  assert.deepEqual(roundTrip(document), document);
});

test('strings that only YAML 1.1 readers (kubectl) take for other types are quoted too', () => {
  const text = writeYamlFile([], { a: 'yes', b: 'on', c: '1_000', d: '017', e: '190:20:30' });
  assert.equal(text, "a: 'yes'\nb: 'on'\nc: '1_000'\nd: '017'\ne: '190:20:30'\n");
});

test('plain strings that need no quotes are written without them', () => {
  const text = writeYamlFile([], { a: '-c', b: '500m', c: '2Gi', d: 'CLIENT://$(POD_NAME):9092' });
  assert.equal(text, 'a: -c\nb: 500m\nc: 2Gi\nd: CLIENT://$(POD_NAME):9092\n');
});

test('nested mappings, sequences and empty collections round-trip', () => {
  const document = {
    list: [1, 'two', { three: 3, four: [4, { five: true }] }, [6, 7], [], {}],
    empty: {},
    none: [],
    nothing: null,
    deep: { a: { b: { c: 'd' } } },
  };
  assert.deepEqual(roundTrip(document), document);
});

test('multi-line strings become literal blocks with the right chomping', () => {
  const document = {
    script: 'line one\n  indented\n\nlast\n',
    noNewline: 'a\nb',
    list: ['x\ny\n'],
  };
  assert.deepEqual(roundTrip(document), document);
  assert.match(writeYamlFile([], document), /script: \|\n {2}line one\n {4}indented\n\n {2}last\n/);
});

test('comments go above their key and the header above the document', () => {
  const text = writeYamlFile(['first', '', 'second'], {
    spec: { image: commented('why this image\nand more', 'apache/kafka:3.9.2') },
  });
  assert.equal(
    text,
    '# first\n#\n# second\nspec:\n  # why this image\n  # and more\n  image: apache/kafka:3.9.2\n',
  );
  assert.deepEqual(roundTrip({ spec: { image: commented('c', 'x') } }), { spec: { image: 'x' } });
});

test('undefined values are left out', () => {
  assert.equal(writeYamlFile([], { a: 1, b: undefined }), 'a: 1\n');
});
