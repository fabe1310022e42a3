import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidQuantity } from './quantity';

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
