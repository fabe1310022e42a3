import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../model';
import { extractFacts } from './extract-facts';
import { WorkspaceIndex } from './workspace-index';

const statefulSet = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 3
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
        - name: db
          image: postgres:16
`;

function service(name: string, namespace?: string): string {
  return [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: ${name}`,
    ...(namespace ? [`  namespace: ${namespace}`] : []),
    'spec:',
    '  clusterIP: None',
    '  selector: {app: db}',
    '',
  ].join('\n');
}

function put(index: WorkspaceIndex, uri: string, text: string) {
  return index.update(uri, extractFacts(parseFile(uri, 1, text)));
}

test('answers queries by category and namespace', () => {
  const index = new WorkspaceIndex();
  put(index, 'file:///ws/sts.yaml', statefulSet);
  put(index, 'file:///ws/svc.yaml', `${service('db')}---\n${service('db', 'other')}`);
  const view = index.view();
  assert.deepEqual(
    view.services('default').map((s) => [s.name, s.namespace, s.clusterIP]),
    [['db', 'default', 'None']],
  );
  assert.equal(view.services().length, 2);
  assert.equal(view.services('other')[0]!.documentIndex, 1);
  const [workload] = view.workloads('default');
  assert.equal(workload?.kind, 'StatefulSet');
  assert.equal(workload?.replicas, 3);
  assert.deepEqual(workload?.podLabels, { app: 'db' });
  assert.equal(workload?.containers[0]?.image, 'postgres:16');
  assert.deepEqual(
    view.objectsOfKind('StatefulSet').map((o) => o.uri),
    ['file:///ws/sts.yaml'],
  );
});

test('revision grows on change; remove drops the file', () => {
  const index = new WorkspaceIndex();
  const start = index.revision;
  put(index, 'file:///ws/svc.yaml', service('db'));
  assert.ok(index.revision > start);
  assert.equal(index.fileCount, 1);
  const change = index.remove('file:///ws/svc.yaml');
  assert.equal(change.changed, true);
  assert.equal(index.fileCount, 0);
  assert.equal(index.view().services().length, 0);
  assert.equal(index.remove('file:///ws/svc.yaml').changed, false);
});

test('files that queried a namespace become dependents of changes there', () => {
  const index = new WorkspaceIndex();
  put(index, 'file:///ws/sts.yaml', statefulSet);
  index.viewFor('file:///ws/sts.yaml').services('default');
  index.viewFor('file:///ws/other.yaml').services('other');
  const change = put(index, 'file:///ws/svc.yaml', service('db'));
  assert.deepEqual(index.dependentsOf(change), ['file:///ws/sts.yaml']);
  // Moving lines without changing facts is not a change for dependents.
  const moved = put(index, 'file:///ws/svc.yaml', `# a comment\n${service('db')}`);
  assert.equal(moved.changed, false);
  assert.deepEqual(index.dependentsOf(moved), []);
});

test('a kustomization namespace applies to its folder and re-checks everyone', () => {
  const index = new WorkspaceIndex();
  put(index, 'file:///ws/app/svc.yaml', service('db'));
  put(index, 'file:///ws/app/ns.yaml', service('pinned', 'fixed'));
  index.viewFor('file:///ws/app/svc.yaml').services('default');
  const change = put(
    index,
    'file:///ws/app/kustomization.yaml',
    'namespace: prod\nresources: [svc.yaml]\n',
  );
  assert.equal(change.everything, true);
  assert.deepEqual(index.dependentsOf(change), ['file:///ws/app/svc.yaml']);
  assert.equal(index.defaultNamespaceOf('file:///ws/app/svc.yaml'), 'prod');
  assert.equal(index.defaultNamespaceOf('file:///ws/elsewhere/a.yaml'), 'default');
  assert.deepEqual(
    index
      .view()
      .services()
      .map((s) => `${s.namespace}/${s.name}`)
      .sort(),
    ['fixed/pinned', 'prod/db'],
  );
});

test('cluster-scoped StorageClasses have no namespace', () => {
  const index = new WorkspaceIndex();
  put(
    index,
    'file:///ws/sc.yaml',
    'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nprovisioner: ebs.csi.aws.com\n',
  );
  const [storageClass] = index.view().storageClasses();
  assert.equal(storageClass?.namespace, '');
  assert.equal(storageClass?.provisioner, 'ebs.csi.aws.com');
  assert.equal(storageClass?.reclaimPolicy, undefined);
});

test('query results do not depend on the order files arrived in (issue 15)', () => {
  // Found by fuzzing: a file closed and reopened moved its objects to the end of every list, so
  // the related locations of a finding came out in another order than in a fresh session.
  const uris = ['file:///ws/a.yaml', 'file:///ws/b.yaml', 'file:///ws/c.yaml'];
  const listed = (order: readonly string[]): string[] => {
    const index = new WorkspaceIndex();
    for (const uri of order) {
      put(index, uri, service('db'));
    }
    return index
      .view()
      .objectsOfKind('Service')
      .map((object) => object.uri);
  };
  assert.deepEqual(listed([uris[2]!, uris[0]!, uris[1]!]), listed(uris));
  assert.deepEqual(listed(uris), uris);
});

test('a file belongs to the top folder below its workspace root', () => {
  const index = new WorkspaceIndex();
  assert.equal(index.projectOf('file:///w/databases/cassandra/sc.yaml'), '');
  index.setRoots(['file:///w', 'file:///w/nested/']);
  assert.equal(index.projectOf('file:///w/databases/cassandra/sc.yaml'), 'file:///w/databases');
  assert.equal(index.projectOf('file:///w/_archived/minio/pvc.yaml'), 'file:///w/_archived');
  assert.equal(index.projectOf('file:///w/storage.yaml'), 'file:///w');
  assert.equal(index.projectOf('file:///w/nested/app/pvc.yaml'), 'file:///w/nested/app');
  assert.equal(index.projectOf('file:///elsewhere/pvc.yaml'), '');
  assert.equal(index.view().projectOf('file:///w/databases/x.yaml'), 'file:///w/databases');
});
