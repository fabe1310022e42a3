import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  expandSnippet,
  parseSnippet,
  resolveVariables,
  serializeSnippet,
  tabstopIndexes,
} from './snippet-syntax';

test('parses tabstops, placeholders, choices and variables', () => {
  assert.deepEqual(parseSnippet('a $1 ${2} ${3:x} ${4|p,q|} $TM_FILENAME ${NAME:dflt}'), [
    { type: 'text', value: 'a ' },
    { type: 'tabstop', index: 1, children: [] },
    { type: 'text', value: ' ' },
    { type: 'tabstop', index: 2, children: [] },
    { type: 'text', value: ' ' },
    { type: 'tabstop', index: 3, children: [{ type: 'text', value: 'x' }] },
    { type: 'text', value: ' ' },
    { type: 'choice', index: 4, options: ['p', 'q'] },
    { type: 'text', value: ' ' },
    { type: 'variable', name: 'TM_FILENAME', children: [] },
    { type: 'text', value: ' ' },
    { type: 'variable', name: 'NAME', children: [{ type: 'text', value: 'dflt' }] },
  ]);
});

test('expands placeholders to their defaults, choices to the first option, mirrors to the placeholder', () => {
  const nodes = parseSnippet(
    'name: ${1:web}\nservice: $1-headless\nmode: ${2|ReadWriteOnce,ReadWriteMany|}\nagain: $2$0',
  );
  assert.equal(
    expandSnippet(nodes),
    'name: web\nservice: web-headless\nmode: ReadWriteOnce\nagain: ReadWriteOnce',
  );
});

test('nested placeholders and variables expand to their defaults', () => {
  assert.equal(
    expandSnippet(parseSnippet('${1:a ${2:b} c} ${UNKNOWN_VAR:fallback} $OTHER')),
    'a b c fallback OTHER',
  );
  assert.equal(expandSnippet(parseSnippet('${1:${TM_FILENAME_BASE}}')), 'manifest');
  assert.equal(
    expandSnippet(parseSnippet('$TM_FILENAME_BASE'), { TM_FILENAME_BASE: 'kafka' }),
    'kafka',
  );
});

test('escapes keep dollars and braces literal; malformed constructs are text', () => {
  assert.equal(
    expandSnippet(parseSnippet('\\${HOSTNAME##*-} \\$((1)) a\\}b \\\\')),
    '${HOSTNAME##*-} $((1)) a}b \\',
  );
  assert.equal(expandSnippet(parseSnippet('cost: $ 5 ${ x ${1:y')), 'cost: $ 5 ${ x ${1:y');
  assert.equal(expandSnippet(parseSnippet('${1|a\\,b,c|}')), 'a,b');
});

test('a transform keeps its tabstop and is skipped in previews', () => {
  const nodes = parseSnippet('${1:web} ${1/(.*)/${1:/upcase}/}');
  assert.deepEqual(tabstopIndexes(nodes), [1]);
  assert.equal(expandSnippet(nodes), 'web web');
});

test('serializing a parsed body gives back an equivalent body', () => {
  const source = 'a: ${1:web}\nb: ${2|x,y\\,z|}\nc: \\${HOME} $TM_FILENAME ${3:${VAR:d}}$0';
  const nodes = parseSnippet(source);
  assert.deepEqual(parseSnippet(serializeSnippet(nodes)), nodes);
  assert.equal(expandSnippet(parseSnippet(serializeSnippet(nodes))), expandSnippet(nodes));
});

test('resolves server variables to values, or to their defaults when they are ours', () => {
  const nodes = parseSnippet('app: ${1:${KS_APP_LABEL:web}} file: $TM_FILENAME');
  assert.equal(
    serializeSnippet(resolveVariables(nodes, { KS_APP_LABEL: 'zk' })),
    'app: ${1:zk} file: ${TM_FILENAME}',
  );
  assert.equal(
    serializeSnippet(resolveVariables(nodes, {}, new Set(['KS_APP_LABEL']))),
    'app: ${1:web} file: ${TM_FILENAME}',
  );
});
