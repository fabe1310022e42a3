import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidQuantity, quantityValue } from './quantity';

test('accepts the Kubernetes quantity forms', () => {
  for (const text of [
    '500m',
    '1.5',
    '10Gi',
    '1e3',
    '0.5',
    '+1',
    '-2',
    '1.',
    '.5',
    '128974848',
    '129M',
    '1E-2',
    '2Ki',
    '100n',
  ]) {
    assert.equal(isValidQuantity(text), true, text);
  }
});

test('rejects what is not a quantity', () => {
  for (const text of [
    '10GB',
    '1.5.0',
    'Gi',
    '1 Gi',
    '',
    'm',
    '10gi',
    '1e',
    '1e1.5',
    '--1',
    'one',
    '10 ',
    '1Mib',
  ]) {
    assert.equal(isValidQuantity(text), false, JSON.stringify(text));
  }
});

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
