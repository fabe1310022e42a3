// storage-class-not-found judges a claim against the StorageClasses of its own project (the top
// folder of the linted folder), so unrelated examples in one repository do not vouch for, or
// accuse, each other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/run-cli';

const storageClass = (name: string): string =>
  `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: ${name}\nprovisioner: pd.csi.storage.gke.io\n`;
const claim = (className: string): string =>
  `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  storageClassName: ${className}\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n`;

function lint(files: Record<string, string>): string[] {
  const root = mkdtempSync(join(tmpdir(), 'kube-stateful-projects-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    const result = runCli(['lint', '--format', 'json', '.'], root);
    const report = JSON.parse(result.stdout) as { findings: { path: string; ruleId: string }[] };
    return report.findings
      .filter((finding) => finding.ruleId === 'storage-class-not-found')
      .map((finding) => finding.path);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test('a StorageClass of another top folder neither counts nor makes the classes known', () => {
  assert.deepEqual(
    lint({ 'cassandra/sc.yaml': storageClass('fast'), 'minio/pvc.yaml': claim('slow') }),
    [],
  );
});

test('within one project an unknown class is reported, a cloud default is not', () => {
  assert.deepEqual(
    lint({
      'app/sc.yaml': storageClass('fast'),
      'app/base/pvc.yaml': claim('fsat'),
      'app/other/pvc.yaml': claim('standard-rwo'),
    }),
    ['app/base/pvc.yaml'],
  );
});

test('a StorageClass at the root of the linted folder counts for every project', () => {
  assert.deepEqual(
    lint({ 'storage.yaml': storageClass('fast'), 'minio/pvc.yaml': claim('fsat') }),
    ['minio/pvc.yaml'],
  );
});

test('a StorageClass that one overlay deploys with the claim counts, whatever its top folder', () => {
  // base/ and overlays/ are top folders of their own; the overlay deploys both files together.
  const kustomization = (resources: string[]): string =>
    `resources:\n${resources.map((entry) => `  - ${entry}\n`).join('')}`;
  assert.deepEqual(
    lint({
      'base/kustomization.yaml': kustomization(['sc.yaml']),
      'base/sc.yaml': storageClass('fast'),
      'overlays/prod/kustomization.yaml': kustomization(['../../base', 'pvc.yaml', 'sc.yaml']),
      'overlays/prod/pvc.yaml': claim('fast'),
      'overlays/prod/sc.yaml': storageClass('archive'),
      'other/pvc.yaml': claim('fast'),
      'other/sc.yaml': storageClass('slow'),
    }),
    ['other/pvc.yaml'],
  );
});
