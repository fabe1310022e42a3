import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describePlan, existingPaths, planWrites } from './write-plan';

const files = [
  { path: 'a.yaml', content: 'a' },
  { path: 'b.yaml', content: 'b' },
  { path: 'c.yaml', content: 'c' },
];

test('without existing files every file is created, whatever the choice', () => {
  for (const choice of ['overwrite', 'skip', 'cancel'] as const) {
    assert.deepEqual(planWrites(files, [], choice), { create: files, overwrite: [], skip: [] });
  }
});

test('cancel writes nothing when a file exists', () => {
  assert.equal(planWrites(files, ['b.yaml'], 'cancel'), undefined);
});

test('overwrite replaces the existing files and creates the rest', () => {
  const plan = planWrites(files, ['b.yaml'], 'overwrite');
  assert.deepEqual(
    plan?.create.map((file) => file.path),
    ['a.yaml', 'c.yaml'],
  );
  assert.deepEqual(
    plan?.overwrite.map((file) => file.path),
    ['b.yaml'],
  );
  assert.deepEqual(plan?.skip, []);
});

test('skip leaves the existing files and creates the rest', () => {
  const plan = planWrites(files, ['a.yaml', 'c.yaml'], 'skip');
  assert.deepEqual(
    plan?.create.map((file) => file.path),
    ['b.yaml'],
  );
  assert.deepEqual(plan?.overwrite, []);
  assert.deepEqual(plan?.skip, ['a.yaml', 'c.yaml']);
  assert.equal(
    describePlan(plan, 'k8s/kafka'),
    'Wrote 1 file to k8s/kafka; kept 2 existing (a.yaml, c.yaml).',
  );
});

test('existingPaths keeps the order of the generated files', () => {
  assert.deepEqual(
    existingPaths(files, (path) => path !== 'b.yaml'),
    ['a.yaml', 'c.yaml'],
  );
});
