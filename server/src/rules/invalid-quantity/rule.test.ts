import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suggestQuantity } from './rule';
import { suggestField } from '../schema-unknown-field/rule';

test('suggests the quantity a malformed one most likely meant', () => {
  assert.equal(suggestQuantity('10GB'), '10Gi');
  assert.equal(suggestQuantity('500mb'), '500Mi');
  assert.equal(suggestQuantity('2gi'), '2Gi');
  assert.equal(suggestQuantity('1 Gi'), '1Gi');
  assert.equal(suggestQuantity('1.5 G'), '1.5G');
  assert.equal(suggestQuantity('2g'), '2Gi');
  assert.equal(suggestQuantity('100MB'), '100Mi');
  assert.equal(suggestQuantity('1.5.0'), undefined);
  assert.equal(suggestQuantity('Gi'), undefined);
});

test('suggests a field only when it is a plausible typo', () => {
  const fields = ['serviceName', 'selector', 'replicas', 'template'];
  assert.equal(suggestField('serviceNmae', fields), 'serviceName');
  assert.equal(suggestField('ServiceName', fields), 'serviceName');
  assert.equal(suggestField('selectr', fields), 'selector');
  assert.equal(suggestField('storageClass', fields), undefined);
  assert.equal(suggestField('x', []), undefined);
});
