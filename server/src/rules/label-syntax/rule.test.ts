// Label key and value syntax at its edges: lengths, prefixes and characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labelKeyProblem, labelValueProblem } from './rule';

test('label keys: optional DNS-subdomain prefix, 63-character name', () => {
  for (const key of ['app', 'app.kubernetes.io/name', 'a', 'A_b.c-d', `${'a'.repeat(63)}`]) {
    assert.equal(labelKeyProblem(key), undefined, key);
  }
  assert.match(labelKeyProblem(`${'a'.repeat(64)}`) ?? '', /64 characters/);
  assert.match(labelKeyProblem(`${'a'.repeat(254)}/x`) ?? '', /prefix has 254 characters/);
  assert.match(labelKeyProblem('Example.com/x') ?? '', /not a DNS subdomain/);
  assert.match(labelKeyProblem('a/b/c') ?? '', /must start and end/);
  assert.match(labelKeyProblem('') ?? '', /empty/);
});

test('label values: empty allowed, else 63 characters of the name charset', () => {
  for (const value of ['', 'v1', '1.0', 'a-b_c.d', 'x'.repeat(63)]) {
    assert.equal(labelValueProblem(value), undefined, value);
  }
  assert.match(labelValueProblem('x'.repeat(64)) ?? '', /64 characters/);
  assert.match(labelValueProblem('-x') ?? '', /must start and end/);
  assert.match(labelValueProblem('a b') ?? '', /only letters, digits/);
});
