// The roles and trees the index derives from kustomizations: patch files (listed or only beside
// a kustomization), JSON 6902 files, top-level overlays, and the rules each role gets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseFile } from '../model';
import { defaultSettings } from '../protocol';
import { runRules } from '../rules/run-rules';
import { loadSchema } from '../schema';
import { extractFacts } from './extract-facts';
import { statUri, uriOfPath } from './index-files';
import { WorkspaceIndex } from './workspace-index';

const schema = loadSchema();

const files: Record<string, string> = {
  'base/kustomization.yaml': 'resources:\n  - zk.yaml\n  - svc.yaml\n',
  'base/zk.yaml': [
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    'metadata:',
    '  name: zk',
    'spec:',
    '  serviceName: zk-hs',
    '  selector: {matchLabels: {app: zk}}',
    '  template:',
    '    metadata: {labels: {app: zk}}',
    '    spec:',
    '      containers: [{name: zk, image: zookeeper:3.9}]',
    '',
  ].join('\n'),
  'base/svc.yaml':
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: zk-hs\nspec:\n  clusterIP: None\n  selector: {app: zk}\n',
  'overlays/prod/kustomization.yaml': [
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    'resources:',
    '  - ../../base',
    'namePrefix: prod-',
    'patches:',
    '  - path: replicas.yaml',
    '  - path: ops.yaml',
    '    target: {kind: StatefulSet, name: zk}',
    '  - path: gone.yaml',
    'patchesStrategicMerge:',
    '  - probes.yaml',
    '',
  ].join('\n'),
  'overlays/prod/replicas.yaml':
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: zk\nspec:\n  replicas: 5\n',
  'overlays/prod/probes.yaml':
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: zk\nspec:\n  template:\n    spec:\n      containers:\n        - name: zk\n          livenessProbe: null\n',
  'overlays/prod/ops.yaml': '- op: replace\n  path: /spec/replicas\n  value: 3\n',
  'overlays/prod/unlisted.yaml':
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: zk\nspec:\n  replicas: 7\n',
  'overlays/dev/kustomization.yaml':
    'resources:\n  - ../../base\nnamespace: dev\nconfigMapGenerator:\n  - name: zk-config\n    literals: [a=b]\n  - name: zk-env\n    behavior: merge\n    literals: [c=d]\n',
  'standalone/sts.yaml':
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: other\nspec:\n  replicas: 1\n',
};

function withWorkspace(run: (root: string, index: WorkspaceIndex) => void): void {
  const root = mkdtempSync(join(tmpdir(), 'kustomize-tree-'));
  try {
    const index = new WorkspaceIndex(statUri);
    for (const [path, text] of Object.entries(files)) {
      const full = join(root, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
      index.update(uriOfPath(full), extractFacts(parseFile(uriOfPath(full), 0, text)));
    }
    run(root, index);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const uri = (root: string, path: string): string => uriOfPath(join(root, path));

function lint(root: string, index: WorkspaceIndex, path: string): string[] {
  const model = parseFile(uri(root, path), 0, files[path]!);
  return runRules(model, {
    schema,
    settings: defaultSettings,
    index: index.viewFor(model.uri),
    defaultNamespace: index.defaultNamespaceOf(model.uri),
    roleOf: (documentIndex) => index.roleOf(model.uri, documentIndex),
  }).map((finding) => finding.ruleId);
}

test('files that kustomizations use as patches get the patch roles', () => {
  withWorkspace((root, index) => {
    assert.equal(index.roleOf(uri(root, 'overlays/prod/replicas.yaml')), 'patch');
    assert.equal(index.roleOf(uri(root, 'overlays/prod/probes.yaml')), 'patch');
    assert.equal(index.roleOf(uri(root, 'overlays/prod/ops.yaml')), 'json-patch');
    // Not listed, but a patch's shape beside a kustomization.
    assert.equal(index.roleOf(uri(root, 'overlays/prod/unlisted.yaml')), 'patch');
    assert.equal(index.roleOf(uri(root, 'base/zk.yaml')), 'object');
    assert.equal(index.roleOf(uri(root, 'standalone/sts.yaml')), 'object');
    assert.equal(index.roleOf(uri(root, 'base/kustomization.yaml')), 'kustomization');
  });
});

test('a patch gets only the rules that judge the fields it sets; a whole object gets them all', () => {
  withWorkspace((root, index) => {
    assert.deepEqual(lint(root, index, 'overlays/prod/replicas.yaml'), []);
    assert.deepEqual(lint(root, index, 'overlays/prod/probes.yaml'), []);
    assert.deepEqual(lint(root, index, 'overlays/prod/unlisted.yaml'), []);
    assert.deepEqual(lint(root, index, 'overlays/prod/ops.yaml'), []);
    // The same text outside any kustomization is a (broken) whole object.
    const standalone = lint(root, index, 'standalone/sts.yaml');
    assert.ok(standalone.includes('schema-required'), standalone.join());
    assert.ok(standalone.includes('sts-service-name-missing'), standalone.join());
  });
});

test('patches are not indexed as objects: the base StatefulSet is the only `zk`', () => {
  withWorkspace((root, index) => {
    const zk = index
      .view()
      .allObjects()
      .filter((object) => object.name === 'zk');
    assert.deepEqual(
      zk.map((object) => object.uri),
      [uri(root, 'base/zk.yaml')],
    );
  });
});

test('a path that does not exist is reported on its line; existing files and bases are not', () => {
  withWorkspace((root, index) => {
    const model = parseFile(
      uri(root, 'overlays/prod/kustomization.yaml'),
      0,
      files['overlays/prod/kustomization.yaml']!,
    );
    const findings = runRules(model, { schema, settings: defaultSettings, index: index.view() });
    assert.deepEqual(
      findings.map((finding) => [finding.ruleId, model.text.slice(...finding.span)]),
      [['kustomize-path-not-found', 'gone.yaml']],
    );
  });
});

test('top-level overlays and the tree roots of a file', () => {
  withWorkspace((root, index) => {
    const tree = index.kustomizeTree();
    assert.deepEqual(tree.topLevel().sort(), [
      uri(root, 'overlays/dev/kustomization.yaml'),
      uri(root, 'overlays/prod/kustomization.yaml'),
    ]);
    assert.deepEqual(index.kustomizationRootsOf(uri(root, 'base/zk.yaml')), [
      uri(root, 'overlays/dev/kustomization.yaml'),
      uri(root, 'overlays/prod/kustomization.yaml'),
    ]);
    assert.deepEqual(index.kustomizationRootsOf(uri(root, 'overlays/prod/replicas.yaml')), [
      uri(root, 'overlays/prod/kustomization.yaml'),
    ]);
    assert.deepEqual(index.kustomizationRootsOf(uri(root, 'standalone/sts.yaml')), []);
    assert.ok(
      tree
        .filesOf(uri(root, 'overlays/prod/kustomization.yaml'))
        .includes(uri(root, 'base/zk.yaml')),
    );
  });
});

test('removing the kustomization turns its patch back into a whole object', () => {
  withWorkspace((root, index) => {
    const patch = uri(root, 'overlays/prod/replicas.yaml');
    const change = index.remove(uri(root, 'overlays/prod/kustomization.yaml'));
    assert.equal(change.everything, true);
    assert.equal(index.roleOf(patch), 'object');
  });
});

test('configMapGenerator objects exist in the index, in the kustomization’s namespace', () => {
  withWorkspace((root, index) => {
    const configMaps = index.view().objectsOfKind('ConfigMap');
    // `behavior: merge` changes a ConfigMap of a base instead of creating one.
    assert.deepEqual(
      configMaps.map((object) => [
        object.name,
        object.namespace,
        object.uri,
        object.nameRange.start.line,
      ]),
      [['zk-config', 'dev', uri(root, 'overlays/dev/kustomization.yaml'), 4]],
    );
  });
});
