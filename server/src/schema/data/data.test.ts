import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSchema } from '../schema';
import type { FieldType } from '../types';
import { allowedValues } from './allowed-values';
import { quantityFields, resourceNameMeaning } from './quantities';
import { suggestedValues } from './suggestions';
import { storageClassParameters } from './storage-class-parameters';

const schema = loadSchema();

function leaf(type: FieldType): FieldType {
  return type.kind === 'array' ? leaf(type.items) : type.kind === 'map' ? leaf(type.values) : type;
}

function fieldAt(key: string) {
  const [model, field] = key.split('.') as [string, string];
  return schema.object(model)?.fields.get(field);
}

test('every allowed-values and suggestions entry names a string field of the schema', () => {
  for (const key of [...Object.keys(allowedValues), ...Object.keys(suggestedValues)]) {
    const field = fieldAt(key);
    assert.ok(field, `${key} is a field of the generated schema`);
    assert.deepEqual(leaf(field.type), { kind: 'primitive', type: 'string' }, key);
  }
});

test('every quantity entry names a string or string-map field that became a quantity', () => {
  for (const key of quantityFields) {
    const field = fieldAt(key);
    assert.ok(field, `${key} is a field of the generated schema`);
    assert.deepEqual(leaf(field.type), { kind: 'primitive', type: 'quantity' }, key);
  }
});

test('offers StorageClass parameter keys per provisioner', () => {
  const azure = storageClassParameters('disk.csi.azure.com');
  assert.ok(azure.skuName?.values?.includes('Premium_LRS'));
  assert.ok(azure.cachingMode);
  assert.ok(azure['csi.storage.k8s.io/fstype']);
  const aws = storageClassParameters('ebs.csi.aws.com');
  for (const key of ['type', 'iops', 'throughput', 'encrypted', 'kmsKeyId']) {
    assert.ok(aws[key], key);
  }
  assert.ok(storageClassParameters('pd.csi.storage.gke.io')['replication-type']);
  assert.deepEqual(Object.keys(storageClassParameters('kubernetes.io/no-provisioner')), []);
  assert.ok(storageClassParameters('example.com/custom')['csi.storage.k8s.io/fstype']);
});

test('explains well-known resource names', () => {
  assert.match(resourceNameMeaning('cpu') ?? '', /cores/);
  assert.match(resourceNameMeaning('hugepages-2Mi') ?? '', /Huge pages/);
  assert.match(resourceNameMeaning('example.com/fpga') ?? '', /extended resource/);
  assert.equal(resourceNameMeaning('unknown'), undefined);
});
