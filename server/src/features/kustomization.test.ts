// Completion, hover and go-to-definition in kustomizations, and completion inside a patch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFile } from '../model';
import { defaultSettings } from '../protocol';
import { loadSchema } from '../schema';
import { withCursor } from '../../../test/support/cursor';
import { statUri, uriOfPath } from '../workspace-index/index-files';
import { complete } from './completion';
import { hover } from './hover';
import { kustomizationPathTarget } from './kustomization';

const schema = loadSchema();
const kustomizationUri = 'file:///ws/overlays/prod/kustomization.yaml';

function labelsAt(source: string, uri = kustomizationUri): string[] {
  const { text, offset } = withCursor(source);
  return complete(parseFile(uri, 1, text), offset, schema, defaultSettings).map(
    (proposal) => proposal.label,
  );
}

test('root keys of a kustomization come from the kustomize table, without deprecated ones', () => {
  const labels = labelsAt('resources:\n  - ../../base\n$0');
  for (const name of ['namePrefix', 'patches', 'replicas', 'images', 'configMapGenerator']) {
    assert.ok(labels.includes(name), `${name} in ${labels.join()}`);
  }
  assert.ok(!labels.includes('resources'), 'keys already written are not offered again');
  assert.ok(!labels.includes('patchesStrategicMerge'), 'deprecated fields are not offered');
  assert.ok(!labels.includes('spec'), 'no Kubernetes fields in a kustomization');
});

test('keys of a patches entry and of its target', () => {
  assert.deepEqual(labelsAt('patches:\n  - path: a.yaml\n    $0').sort(), [
    'options',
    'patch',
    'target',
  ]);
  const target = labelsAt('patches:\n  - path: a.yaml\n    target:\n      $0');
  assert.ok(target.includes('kind') && target.includes('labelSelector'), target.join());
});

test('kind and apiVersion values of a kustomization file without a telling name', () => {
  const uri = 'file:///ws/components/tls/component.yaml';
  assert.deepEqual(labelsAt('apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: $0', uri), [
    'Kustomization',
    'Component',
  ]);
});

test('completion inside a strategic-merge patch offers the kind’s fields', () => {
  const labels = labelsAt(
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: zk\nspec:\n  $0',
    'file:///ws/overlays/prod/replicas.yaml',
  );
  assert.ok(labels.includes('replicas') && labels.includes('template'), labels.join());
});

test('hover on a kustomization key explains it and carries the render note at the root', () => {
  const { text, offset } = withCursor('resources:\n  - ../../base\nname$0Prefix: prod-\n');
  const result = hover(
    parseFile(kustomizationUri, 1, text),
    offset,
    schema,
    'Overlays are not rendered: no kustomize.',
  );
  assert.ok(result?.markdown.includes('Prepended to the name of every object'), result?.markdown);
  assert.ok(result?.markdown.includes('Overlays are not rendered: no kustomize.'));
});

test('go to definition from a path: a file, or the kustomization of a base directory', () => {
  const root = mkdtempSync(join(tmpdir(), 'kustomize-definition-'));
  try {
    mkdirSync(join(root, 'base'));
    mkdirSync(join(root, 'prod'));
    writeFileSync(join(root, 'base', 'kustomization.yaml'), 'resources: []\n');
    writeFileSync(join(root, 'prod', 'replicas.yaml'), 'spec: {}\n');
    const source =
      'resources:\n  - ../base\npatches:\n  - path: replicas.yaml\n  - path: gone.yaml\n';
    const model = parseFile(uriOfPath(join(root, 'prod', 'kustomization.yaml')), 1, source);
    const at = (word: string) =>
      kustomizationPathTarget(model, source.indexOf(word) + 1, statUri)?.uri;
    assert.equal(at('../base'), uriOfPath(join(root, 'base', 'kustomization.yaml')));
    assert.equal(at('replicas.yaml'), uriOfPath(join(root, 'prod', 'replicas.yaml')));
    assert.equal(at('gone.yaml'), undefined);
    assert.equal(at('patches'), undefined);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
