import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryFileSystem } from '../../../test/support/memory-file-system';
import { indexFolders } from './index-files';
import { isInSkippedFolder, listManifestFiles } from './scan-workspace';
import { WorkspaceIndex } from './workspace-index';

const service = (name: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector: { app: ${name} }\n`;

const tree = {
  '/ws/app/svc.yaml': service('svc'),
  '/ws/app/notes.txt': 'not yaml',
  '/ws/app/kustomization.yaml': 'namespace: shop\n',
  '/ws/node_modules/pkg/svc.yaml': service('vendored'),
  '/ws/.git/hooks/x.yaml': service('git'),
  '/ws/chart/Chart.yaml': 'name: chart\n',
  '/ws/chart/templates/svc.yaml':
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n',
  '/ws/chart/values.yaml': 'replicas: 1\n',
  '/ws/generated/out.yml': service('generated'),
  '/ws/plain/templates/svc.yaml': service('plain-templates'),
};

test('lists manifests, skipping node_modules, .git, Helm templates and excludes', async () => {
  const fs = createMemoryFileSystem(tree);
  const files = await listManifestFiles(fs, '/ws', { exclude: ['generated/**'] });
  assert.deepEqual(files, [
    '/ws/app/kustomization.yaml',
    '/ws/app/svc.yaml',
    '/ws/chart/Chart.yaml',
    '/ws/chart/values.yaml',
    '/ws/plain/templates/svc.yaml',
  ]);
});

test('isInSkippedFolder applies the same folder rules to single paths', async () => {
  const hasChart = (folder: string) => Promise.resolve(folder === '/ws/chart');
  assert.equal(await isInSkippedFolder('/ws', '/ws/chart/templates/svc.yaml', hasChart), true);
  assert.equal(await isInSkippedFolder('/ws', '/ws/plain/templates/svc.yaml', hasChart), false);
  assert.equal(await isInSkippedFolder('/ws', '/ws/node_modules/a/b.yaml', hasChart), true);
  assert.equal(await isInSkippedFolder('/ws', '/elsewhere/b.yaml', hasChart), true);
});

test('indexFolders keeps only facts and resolves the kustomization namespace', async () => {
  const fs = createMemoryFileSystem(tree);
  const index = new WorkspaceIndex();
  const progress: string[] = [];
  const found = await indexFolders(fs, index, ['/ws'], {
    exclude: ['generated/**'],
    maxFileSize: 1_000_000,
    isOpen: () => false,
    onProgress: (done, total) => progress.push(`${done}/${total}`),
  });
  assert.equal(found.length, 5);
  assert.deepEqual(progress, ['0/5', '5/5']);
  // Chart.yaml and values.yaml hold no Kubernetes objects, so they are not kept.
  assert.equal(index.fileCount, 3);
  assert.deepEqual(
    index
      .view()
      .services()
      .map((s) => `${s.namespace}/${s.name}`)
      .sort(),
    ['default/plain-templates', 'shop/svc'],
  );
});

test('open documents and oversized files are not read from disk', async () => {
  const fs = createMemoryFileSystem({ '/ws/a.yaml': service('a'), '/ws/b.yaml': service('b') });
  const index = new WorkspaceIndex();
  await indexFolders(fs, index, ['/ws'], {
    exclude: [],
    maxFileSize: 1_000_000,
    isOpen: (uri) => uri.endsWith('/a.yaml'),
  });
  assert.deepEqual(
    index
      .view()
      .services()
      .map((s) => s.name),
    ['b'],
  );
  const small = new WorkspaceIndex();
  await indexFolders(fs, small, ['/ws'], { exclude: [], maxFileSize: 10, isOpen: () => false });
  assert.equal(small.fileCount, 0);
});
