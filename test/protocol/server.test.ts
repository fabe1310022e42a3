import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestClient } from '../support/lsp-client';
import { startTestClient } from '../support/lsp-client';

let client: TestClient;

before(async () => {
  client = await startTestClient();
});

after(async () => {
  await client.shutdown();
});

test('reports a YAML syntax error in a Kubernetes document over stdio', async () => {
  const uri = 'file:///tmp/protocol/broken.yaml';
  await client.open(uri, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [a\n');
  const diagnostics = await client.pullDiagnostics(uri);
  assert.ok(
    diagnostics.some((diagnostic) => diagnostic.code === 'yaml-syntax'),
    `expected yaml-syntax in ${JSON.stringify(diagnostics)}\n${client.stderr()}`,
  );
  assert.ok(diagnostics.every((diagnostic) => diagnostic.source === 'kube-stateful'));
});

test('leaves non-Kubernetes YAML alone', async () => {
  const uri = 'file:///tmp/protocol/compose.yaml';
  await client.open(uri, 'services:\n  web:\n    image: nginx\n    ports: [\n');
  assert.deepEqual(await client.pullDiagnostics(uri), []);
});

test('skips files above the size limit with one information diagnostic', async () => {
  const big = await startTestClient({ settings: { maxFileSize: 100 } });
  try {
    const uri = 'file:///tmp/protocol/big.yaml';
    await big.open(uri, `apiVersion: v1\nkind: ConfigMap\ndata:\n  a: "${'x'.repeat(200)}"\n`);
    const diagnostics = await big.pullDiagnostics(uri);
    assert.deepEqual(
      diagnostics.map((diagnostic) => diagnostic.code),
      ['file-too-large'],
    );
  } finally {
    await big.shutdown();
  }
});

test('pushes diagnostics to a client without pull support', async () => {
  const pushClient = await startTestClient({ pullDiagnostics: false });
  try {
    const uri = 'file:///tmp/protocol/push.yaml';
    await pushClient.open(uri, 'apiVersion: v1\nkind: Pod\nmetadata: {name: [\n');
    const deadline = Date.now() + 5000;
    while (!pushClient.pushed.has(uri) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.ok(pushClient.pushed.get(uri)?.some((diagnostic) => diagnostic.code === 'yaml-syntax'));
  } finally {
    await pushClient.shutdown();
  }
});
