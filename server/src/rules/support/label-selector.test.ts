import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getIn, parseFile } from '../../model';
import {
  isEmptySelector,
  isValidSelector,
  labelsMatch,
  readLabelSelector,
  selectorMatches,
  selectorProblems,
} from './label-selector';

function selectorNode(yaml: string) {
  const model = parseFile('file:///selector.yaml', 1, yaml);
  return getIn(model.documents[0]!.root, ['selector']);
}

test('matchLabels must all match', () => {
  const selector = readLabelSelector(
    selectorNode('selector:\n  matchLabels: {app: db, tier: data}\n'),
  )!;
  assert.equal(selectorMatches(selector, { app: 'db', tier: 'data', extra: 'x' }), true);
  assert.equal(selectorMatches(selector, { app: 'db' }), false);
  assert.equal(selectorMatches(selector, { app: 'web', tier: 'data' }), false);
});

test('matchExpressions honour In, NotIn, Exists and DoesNotExist', () => {
  const selector = readLabelSelector(
    selectorNode(
      [
        'selector:',
        '  matchExpressions:',
        '    - {key: app, operator: In, values: [db, cache]}',
        '    - {key: env, operator: NotIn, values: [dev]}',
        '    - {key: tier, operator: Exists}',
        '    - {key: canary, operator: DoesNotExist}',
        '',
      ].join('\n'),
    ),
  )!;
  assert.equal(selectorMatches(selector, { app: 'cache', tier: 'x' }), true);
  assert.equal(selectorMatches(selector, { app: 'cache', tier: 'x', env: 'prod' }), true);
  assert.equal(selectorMatches(selector, { app: 'cache', tier: 'x', env: 'dev' }), false);
  assert.equal(selectorMatches(selector, { app: 'web', tier: 'x' }), false);
  assert.equal(selectorMatches(selector, { app: 'db' }), false);
  assert.equal(selectorMatches(selector, { app: 'db', tier: 'x', canary: 'yes' }), false);
});

test('an empty selector selects everything; a missing one reads as undefined', () => {
  const empty = readLabelSelector(selectorNode('selector: {}\n'))!;
  assert.equal(isEmptySelector(empty), true);
  assert.equal(selectorMatches(empty, {}), true);
  assert.equal(readLabelSelector(selectorNode('other: 1\n')), undefined);
});

test('invalid requirements select nothing and are reported', () => {
  const node = selectorNode(
    [
      'selector:',
      '  matchExpressions:',
      '    - {key: app, operator: Equals, values: [db]}',
      '    - {key: tier, operator: In, values: []}',
      '    - {key: zone, operator: Exists, values: [a]}',
      '',
    ].join('\n'),
  );
  const selector = readLabelSelector(node)!;
  assert.equal(isValidSelector(selector), false);
  assert.equal(selectorMatches(selector, { app: 'db', tier: 'a', zone: 'a' }), false);
  const messages = selectorProblems(node).map((problem) => problem.message);
  assert.equal(messages.length, 3);
  assert.match(messages[0]!, /"Equals" is not a selector operator/);
  assert.match(messages[1]!, /needs a non-empty values list/);
  assert.match(messages[2]!, /takes no values/);
});

test('a Service-style label map matches when every pair is present', () => {
  assert.equal(labelsMatch({ app: 'db' }, { app: 'db', tier: 'data' }), true);
  assert.equal(labelsMatch({ app: 'db', tier: 'cache' }, { app: 'db', tier: 'data' }), false);
});
