// `kubeStateful/topology` over stdio: the laid-out picture of a file's namespace, with objects
// from other (closed) files, the findings of each object on its node, and malformed params.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TopologyResult } from '../../server/src/protocol';
import type { TestClient } from '../support/lsp-client';
import { fileUri, startTestClient } from '../support/lsp-client';

const root = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspaces', 'wiring');
const zkUri = fileUri(join(root, 'zk.yaml'));
const budgetUri = fileUri(join(root, 'budget.yaml'));
const zk = readFileSync(join(root, 'zk.yaml'), 'utf8');
let client: TestClient;

const topology = (params: unknown): Promise<TopologyResult> =>
  client.request<TopologyResult>('kubeStateful/topology', params);

before(async () => {
  client = await startTestClient({ rootPath: root });
  await client.indexed(2);
  await client.open(zkUri, zk);
});

after(async () => {
  await client.shutdown();
});

test('the namespace of the file: Service, StatefulSet, pods, claims and the budget of another file', async () => {
  const result = await topology({ uri: zkUri });
  assert.equal(result.namespace, 'kafka');
  assert.deepEqual(result.nodes.map((node) => node.id).sort(), [
    'PersistentVolumeClaim/kafka/data-zk-0',
    'PersistentVolumeClaim/kafka/data-zk-1',
    'PersistentVolumeClaim/kafka/data-zk-2',
    'Pod/kafka/zk-0',
    'Pod/kafka/zk-1',
    'Pod/kafka/zk-2',
    'PodDisruptionBudget/kafka/zk-pdb',
    'Service/kafka/zk-hs',
    'StatefulSet/kafka/zk',
  ]);
  const edges = result.edges.map((edge) => `${edge.from} ${edge.kind} ${edge.to}`);
  for (const edge of [
    'Service/kafka/zk-hs governs StatefulSet/kafka/zk',
    'Service/kafka/zk-hs selects StatefulSet/kafka/zk',
    'PodDisruptionBudget/kafka/zk-pdb budgets StatefulSet/kafka/zk',
    'StatefulSet/kafka/zk runs Pod/kafka/zk-0',
    'Pod/kafka/zk-0 claims PersistentVolumeClaim/kafka/data-zk-0',
  ]) {
    assert.ok(edges.includes(edge), `${edge}\n${edges.join('\n')}`);
  }
  // The budget lives in a file that is not open; clicking its node opens that file.
  const budget = result.nodes.find((node) => node.kind === 'PodDisruptionBudget');
  assert.equal(budget?.uri, budgetUri);
  assert.equal(budget.line, 4);
  // The StatefulSet's findings are those its diagnostics show, the worst one colouring it.
  const statefulSet = result.nodes.find((node) => node.kind === 'StatefulSet');
  assert.equal(statefulSet?.severity, 'warning');
  assert.ok(
    statefulSet.findings.some((finding) =>
      finding.startsWith('warning: Container "zk" has no readinessProbe'),
    ),
    JSON.stringify(statefulSet.findings),
  );
  // The SVG carries every node and edge, and the stylesheet the theme's colours.
  for (const node of result.nodes) {
    assert.ok(result.svg.includes(`data-id="${node.id}"`), node.id);
  }
  assert.equal(result.svg.match(/<g class="edge /g)?.length, result.edges.length);
  assert.match(result.svg, /class="node kind-statefulset severity-warning"/);
  assert.match(result.stylesheet, /var\(--vscode-editorWarning-foreground\)/);
});

test('an edit shows at once: a fourth replica is a fourth pod', async () => {
  await client.change(zkUri, 2, zk.replace('replicas: 3', 'replicas: 4'));
  const result = await topology({ uri: zkUri, line: 16 });
  assert.equal(result.nodes.filter((node) => node.kind === 'Pod').length, 4);
  await client.change(zkUri, 3, zk);
});

test('malformed params are answered with Invalid params', async () => {
  await assert.rejects(topology({}), /Invalid params/);
  await assert.rejects(topology({ uri: zkUri, line: -1 }), /Invalid params/);
});
