// The topology layout and its SVG: boxes never overlap, edges run left to right from source to
// target, and the SVG carries what the webview and the UI check read (data attributes, tooltips).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../model';
import { indexForFixture } from '../../../test/support/fixture-index';
import { buildTopology } from './topology';
import type { Topology } from './topology';
import { layoutTopology } from './topology-layout';
import { renderTopologySvg, topologyStylesheet } from './topology-svg';

const manifests = `apiVersion: v1
kind: Service
metadata:
  name: zk-hs
  namespace: kafka
spec:
  clusterIP: None
  selector: { app: zk }
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: zk
  namespace: kafka
spec:
  serviceName: zk-hs
  replicas: 3
  selector:
    matchLabels: { app: zk }
  template:
    metadata:
      labels: { app: zk }
    spec:
      containers:
        - name: zk
          image: zookeeper:3.9
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        storageClassName: fast
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: 10Gi
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
provisioner: ebs.csi.aws.com
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: "zk-<pdb>"
  namespace: kafka
spec:
  maxUnavailable: 1
  selector:
    matchLabels: { app: zk }
`;

function topology(): Topology {
  const model = parseFile('file:///t.yaml', 1, manifests);
  return buildTopology(
    indexForFixture([model]),
    [
      {
        uri: 'file:///t.yaml',
        documentIndex: 1,
        severity: 'warning',
        ruleId: 'some-rule',
        message: 'a <message> & "quotes"',
      },
    ],
    'kafka',
  );
}

test('every node is placed inside the picture and no two boxes overlap', () => {
  const layout = layoutTopology(topology());
  assert.equal(layout.nodes.length, topology().nodes.length);
  for (const a of layout.nodes) {
    assert.ok(a.x >= 0 && a.y >= 0, a.node.id);
    assert.ok(a.x + a.width <= layout.width && a.y + a.height <= layout.height, a.node.id);
    for (const b of layout.nodes) {
      if (a !== b) {
        const apart =
          a.x + a.width <= b.x ||
          b.x + b.width <= a.x ||
          a.y + a.height <= b.y ||
          b.y + b.height <= a.y;
        assert.ok(apart, `${a.node.id} overlaps ${b.node.id}`);
      }
    }
  }
});

test('edges start at their source and end at their target, flowing left to right', () => {
  const layout = layoutTopology(topology());
  const placed = new Map(layout.nodes.map((each) => [each.node.id, each]));
  assert.equal(layout.edges.length, topology().edges.length);
  for (const { edge, points } of layout.edges) {
    const from = placed.get(edge.from)!;
    const to = placed.get(edge.to)!;
    const first = points[0]!;
    const last = points.at(-1)!;
    assert.ok(points.length >= 2, `${edge.kind} ${edge.from} → ${edge.to}`);
    // Rank by rank from the left: the target box lies right of the source box.
    assert.ok(to.x > from.x, `${edge.kind} ${edge.from} → ${edge.to}`);
    const near = (point: { x: number; y: number }, box: typeof from): boolean =>
      point.x >= box.x - 1 &&
      point.x <= box.x + box.width + 1 &&
      point.y >= box.y - 1 &&
      point.y <= box.y + box.height + 1;
    assert.ok(near(first, from), `${edge.kind} starts at ${edge.from}`);
    assert.ok(near(last, to), `${edge.kind} ends at ${edge.to}`);
  }
});

test('the SVG has one node group per object with its data, tooltip and severity', () => {
  const graph = topology();
  const svg = renderTopologySvg(layoutTopology(graph), { title: 'Topology of kafka' });
  assert.equal(svg.match(/<g class="node /g)?.length, graph.nodes.length);
  assert.equal(svg.match(/<g class="edge /g)?.length, graph.edges.length);
  const statefulSet = /<g class="node kind-statefulset severity-warning"[^>]*>/.exec(svg)?.[0];
  assert.ok(statefulSet, svg);
  assert.match(statefulSet, /data-id="StatefulSet\/kafka\/zk"/);
  assert.match(statefulSet, /data-uri="file:\/\/\/t.yaml"/);
  // The 0-based line of the StatefulSet's metadata.name.
  assert.match(statefulSet, /data-line="12"/);
  assert.match(statefulSet, /data-severity="warning"/);
  // The finding's text is escaped into the tooltip; nothing of it is markup.
  assert.ok(
    svg.includes(
      '<title>StatefulSet kafka/zk&#10;warning: a &lt;message&gt; &amp; &quot;quotes&quot; (some-rule)</title>',
    ),
  );
  assert.ok(svg.includes('data-name="zk-&lt;pdb&gt;"'));
  assert.ok(!svg.includes('<pdb>'));
  for (const kind of ['selects', 'governs', 'runs', 'claims', 'provisions', 'budgets']) {
    assert.ok(svg.includes(`data-kind="${kind}"`), kind);
    assert.ok(svg.includes(`>${kind}</text>`), kind);
  }
  // The editor brings its own stylesheet; only a standalone file embeds one.
  assert.ok(!svg.includes('<style>'));
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
});

test('the editor palette uses theme variables, the standalone one fixed colours', () => {
  const editor = topologyStylesheet('vscode');
  assert.match(editor, /severity-error rect \{ stroke: var\(--vscode-editorError-foreground\)/);
  assert.match(editor, /\.node text \{ fill: var\(--vscode-editor-foreground\)/);
  assert.ok(!/#[0-9a-f]{6}/i.test(editor));
  const svg = renderTopologySvg(layoutTopology(topology()), { embedStyle: 'standalone' });
  assert.match(svg, /<style>[\s\S]*severity-warning rect \{ stroke: #bf8700/);
  assert.match(svg, /<rect class="background"/);
});

test('an empty topology is an empty picture', () => {
  const layout = layoutTopology({ nodes: [], edges: [] });
  assert.deepEqual(layout, { nodes: [], edges: [], width: 0, height: 0 });
  assert.match(renderTopologySvg(layout), /<g class="nodes"><\/g>/);
});
