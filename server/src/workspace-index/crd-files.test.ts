import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMemoryFileSystem } from '../../../test/support/memory-file-system';
import { createCrdPathMatcher, crdWatches } from './crd-files';

const crd = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n';

test('a configured file, folder and glob each become one watch', async () => {
  const fs = createMemoryFileSystem({
    '/ops/crds/kafka.yaml': crd,
    '/ops/bundle/a/x.yaml': crd,
    '/home/u/ws/local-crd.yml': crd,
  });
  const watches = await crdWatches(
    fs,
    ['/ops/crds/kafka.yaml', '/ops/bundle', '/ops/charts/*/crds/*.yaml', 'local-crd.yml', '/later'],
    '/home/u/ws',
  );
  assert.deepEqual(watches, [
    { folder: '/ops/crds', pattern: 'kafka.yaml' },
    { folder: '/ops/bundle', pattern: '**/*.{yaml,yml}' },
    { folder: '/ops/charts', pattern: '*/crds/*.yaml' },
    { folder: '/home/u/ws', pattern: 'local-crd.yml' },
    // Not there yet: watched as a folder so that creating it is seen.
    { folder: '/later', pattern: '**/*.{yaml,yml}' },
  ]);
});

test('the path matcher accepts exactly the paths the entries read', () => {
  const matches = createCrdPathMatcher(
    ['/ops/crds/kafka.yaml', '/ops/bundle', '/ops/charts/*/crds/*.yaml', 'local.yaml'],
    '/ws',
  );
  assert.equal(matches('/ops/crds/kafka.yaml'), true);
  assert.equal(matches('/ops/crds/other.yaml'), false);
  assert.equal(matches('/ops/bundle/deep/er/x.yml'), true);
  assert.equal(matches('/ops/bundle/readme.md'), false);
  assert.equal(matches('/ops/bundle-old/x.yaml'), false);
  assert.equal(matches('/ops/charts/strimzi/crds/040-Crd-kafka.yaml'), true);
  assert.equal(matches('/ops/charts/strimzi/templates/x.yaml'), false);
  assert.equal(matches('/ws/local.yaml'), true);
});
