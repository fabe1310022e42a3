import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IndexView, StorageClassFacts } from '../rules/index-view';
import { emptyIndexView } from '../rules/index-view';
import { knownStorageClassNames } from './storage-class-names';

function storageClass(name: string): StorageClassFacts {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return {
    uri: 'file:///sc.yaml',
    documentIndex: 0,
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    name,
    namespace: '',
    nameRange: range,
  };
}

test('merges workspace StorageClasses with the configured ones, sorted and unique', () => {
  const index: IndexView = {
    ...emptyIndexView,
    storageClasses: () => [storageClass('fast'), storageClass('gp3')],
  };
  assert.deepEqual(
    knownStorageClassNames(index, { knownStorageClasses: ['managed-csi-premium', 'gp3'] }),
    ['fast', 'gp3', 'managed-csi-premium'],
  );
});

test('with an empty index only the settings contribute', () => {
  assert.deepEqual(knownStorageClassNames(emptyIndexView, { knownStorageClasses: [] }), []);
});
