import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestClient } from '../support/lsp-client';
import { startTestClient } from '../support/lsp-client';

let client: TestClient;

before(async () => {
  client = await startTestClient({ settings: { rules: { 'schema-required': 'warning' } } });
});

after(async () => {
  await client.shutdown();
});

const statefulSet = [
  'apiVersion: apps/v1',
  'kind: StatefulSet',
  'metadata:',
  '  name: kafka',
  '  labels: { canary: on }',
  'spec:',
  '  serviceNmae: kafka',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: kafka',
  '          image: apache/kafka:3.9.0',
  '          resources: { requests: { storage: 10GB } }',
  '---',
  '',
].join('\n');

test('reports schema findings with codes, exact ranges and quick-fix data over stdio', async () => {
  const uri = 'file:///tmp/protocol/statefulset.yaml';
  await client.open(uri, statefulSet);
  const diagnostics = await client.pullDiagnostics(uri);
  const byCode = new Map(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic]));
  const context = `${JSON.stringify(diagnostics, null, 1)}\n${client.stderr()}`;

  const unknown = byCode.get('schema-unknown-field');
  assert.deepEqual(
    unknown?.range,
    {
      start: { line: 6, character: 2 },
      end: { line: 6, character: 13 },
    },
    context,
  );
  assert.deepEqual(unknown.data, { suggestion: 'serviceName' });

  const required = byCode.get('schema-required');
  assert.equal(required?.severity, 2, 'the configured warning severity applies');
  assert.deepEqual(required.data, { missing: ['selector'] });

  assert.equal(byCode.get('invalid-quantity')?.range.start.line, 12, context);
  assert.deepEqual(byCode.get('yaml-boolean-string')?.data, { quoted: '"on"' });
});

test('reports nothing from the schema for a custom resource', async () => {
  const uri = 'file:///tmp/protocol/custom.yaml';
  await client.open(
    uri,
    'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  anything: [1, 2]\n',
  );
  assert.deepEqual(await client.pullDiagnostics(uri), []);
});
