import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quantityValue } from './quantity';

test('quantityValue reads binary, decimal and exponent suffixes', () => {
  assert.equal(quantityValue('500m'), 0.5);
  assert.equal(quantityValue('1Gi'), 2 ** 30);
  assert.equal(quantityValue('1G'), 1e9);
  assert.equal(quantityValue('1.5Mi'), 1.5 * 2 ** 20);
  assert.equal(quantityValue('2'), 2);
  assert.equal(quantityValue(3), 3);
  assert.equal(quantityValue('1e3'), 1000);
  assert.equal(quantityValue('.5'), 0.5);
  assert.ok(quantityValue('1Gi')! > quantityValue('1G')!);
});

test('quantityValue rejects what is not a quantity', () => {
  assert.equal(quantityValue('1 Gi'), undefined);
  assert.equal(quantityValue('1GB'), undefined);
  assert.equal(quantityValue('lots'), undefined);
});
