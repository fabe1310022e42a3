// The settings area over stdio: after workspace/didChangeConfiguration the server asks the client
// for the settings again, and the new rule severities apply without a restart.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestClient } from '../support/lsp-client';
import { startTestClient } from '../support/lsp-client';

let client: TestClient;
let current: unknown = {};

before(async () => {
  client = await startTestClient();
  // Replaces the harness's fixed answer, so this test can change what the client reports.
  client.connection.onRequest('workspace/configuration', () => [current]);
});

after(async () => {
  await client.shutdown();
});

const pod = `apiVersion: v1
kind: Pod
metadata:
  name: node-files
spec:
  containers:
    - name: app
      image: busybox:1.36
      volumeMounts:
        - name: logs
          mountPath: /logs
  volumes:
    - name: logs
      hostPath:
        path: /var/log
`;

/** The codes of the file's diagnostics once `done` accepts them (polled; the change is async). */
async function codesWhen(uri: string, done: (codes: string[]) => boolean): Promise<string[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const codes = (await client.pullDiagnostics(uri)).map((item) => String(item.code));
    if (done(codes) || Date.now() > deadline) {
      return codes;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('workspace/didChangeConfiguration: the server pulls the new settings and applies them', async () => {
  const uri = 'file:///tmp/protocol/settings/pod.yaml';
  await client.open(uri, pod);
  assert.ok((await codesWhen(uri, () => true)).includes('host-path'), client.stderr());
  current = { rules: { 'host-path': 'off' } };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const off = await codesWhen(uri, (codes) => !codes.includes('host-path'));
  assert.ok(!off.includes('host-path'), `host-path still reported: ${off.join(', ')}`);
  current = {};
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const on = await codesWhen(uri, (codes) => codes.includes('host-path'));
  assert.ok(on.includes('host-path'), `host-path not back: ${on.join(', ')}`);
});
