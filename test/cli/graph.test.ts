// `kube-stateful graph`: the topology of a folder as Mermaid, dot and SVG, and bad usage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const repoRoot = resolve(__dirname, '..', '..', '..');
const cli = resolve(repoRoot, 'dist', 'cli.js');

function graph(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [cli, 'graph', ...args], { cwd: repoRoot, encoding: 'utf8' });
}

test('the wiring workspace as Mermaid: Service, StatefulSet, pods, claims per pod, budget', () => {
  const result = graph('test/fixtures/workspaces/wiring', '--format', 'mermaid');
  assert.equal(result.status, 0, result.stderr);
  const lines = result.stdout.split('\n');
  assert.equal(lines[0], 'flowchart LR');
  const nodes = lines.filter((line) => /^ {2}n\d+\[/.test(line));
  assert.deepEqual(
    nodes.map((line) => /\["([^"]+)"\]/.exec(line)![1]!.replace(/ ⚠ \d+$/, '')),
    [
      'Service<br/>zk-hs',
      'StatefulSet<br/>zk',
      'Pod<br/>zk-0',
      'PersistentVolumeClaim<br/>data-zk-0',
      'Pod<br/>zk-1',
      'PersistentVolumeClaim<br/>data-zk-1',
      'Pod<br/>zk-2',
      'PersistentVolumeClaim<br/>data-zk-2',
      'PodDisruptionBudget<br/>zk-pdb',
    ],
  );
  for (const edge of [
    'n0 -->|selects| n1',
    'n0 -->|governs| n1',
    'n1 -->|runs| n6',
    'n6 -->|claims| n7',
    'n8 -->|budgets| n1',
  ]) {
    assert.ok(lines.includes(`  ${edge}`), `${edge}\n${result.stdout}`);
  }
});

test('dot puts each finding on its object and colours it by the worst severity', () => {
  const result = graph('test/fixtures/workspaces/navigation');
  assert.equal(result.status, 0, result.stderr);
  assert.match(
    result.stdout,
    /"StatefulSet\/default\/db" \[label="StatefulSet\\ndb\\n[^"]*error: claim-access-modes-missing[^"]*", color=red, penwidth=2\];/,
  );
  assert.match(
    result.stdout,
    /"PersistentVolumeClaim\/default\/data-db-0" -> "StorageClass\/\/fast" \[label="provisions"\];/,
  );
  assert.match(
    result.stdout,
    /"StatefulSet\/default\/db" -> "ConfigMap\/default\/db-config" \[label="references"\];/,
  );
});

test('SVG is laid out without Graphviz: a standalone picture with the findings on the nodes', () => {
  const result = graph('test/fixtures/workspaces/navigation', '--format', 'svg');
  assert.equal(result.status, 0, result.stderr);
  const svg = result.stdout;
  assert.match(
    svg,
    /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="kube-stateful-topology" width="\d+" height="\d+"/,
  );
  // Standalone: its own colours and background, since no editor theme is around it.
  assert.match(svg, /<style>\n[^<]*severity-error rect \{ stroke: #cf222e/);
  const statefulSet =
    /<g class="node kind-statefulset severity-error" data-id="StatefulSet\/default\/db"[^>]*><title>([^<]*)<\/title>/.exec(
      svg,
    );
  assert.ok(statefulSet, svg);
  assert.match(statefulSet[1]!, /&#10;error: .*\(claim-access-modes-missing\)/);
  assert.match(
    svg,
    /<g class="edge edge-references" data-kind="references" data-from="StatefulSet\/default\/db" data-to="ConfigMap\/default\/db-config"><path d="M[\d.]+,[\d.]+ /,
  );
  assert.ok(svg.trimEnd().endsWith('</svg>'));
});

test('bad usage exits 2 with a message', () => {
  assert.equal(graph('test/fixtures/workspaces/wiring', '--format', 'png').status, 2);
  assert.equal(graph().status, 2);
  const missing = graph('no/such/folder');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /kube-stateful graph: /);
});
