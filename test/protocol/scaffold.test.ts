// The scaffold requests over stdio: the shipped server generates the set and lists StorageClasses.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ScaffoldResult } from '../../server/src/protocol';
import { scaffoldRequest, storageClassNamesRequest } from '../../server/src/protocol';
import type { TestClient } from '../support/lsp-client';
import { startTestClient } from '../support/lsp-client';

let client: TestClient;

before(async () => {
  client = await startTestClient({ settings: { knownStorageClasses: ['managed-csi-premium'] } });
});

after(async () => {
  await client.shutdown();
});

test('kubeStateful/scaffold returns the files of the set', async () => {
  const result = await client.request<ScaffoldResult>(scaffoldRequest.method, {
    variant: 'kafka-kraft',
    brokers: 1,
  });
  assert.deepEqual(result.errors, []);
  assert.equal(result.mainFile, 'kafka-statefulset.yaml');
  assert.ok(result.files.some((file) => file.path === 'kafka-controller-statefulset.yaml'));
  assert.match(result.warnings.join('\n'), /1 Kafka broker/);
});

test('kubeStateful/scaffold answers invalid options with errors, not a failure', async () => {
  const result = await client.request<ScaffoldResult>(scaffoldRequest.method, {
    variant: 'kafka-zookeeper',
    zookeeperReplicas: 2,
  });
  assert.deepEqual(result.files, []);
  assert.equal(result.errors[0]?.option, 'zookeeperReplicas');
});

test('kubeStateful/storageClassNames includes the configured classes', async () => {
  const names = await client.request<string[]>(storageClassNamesRequest.method, undefined);
  assert.ok(names.includes('managed-csi-premium'), client.stderr());
});
