import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../model';
import { defaultSettings } from '../../protocol';
import type { KubeStatefulSettings } from '../../protocol';
import { loadSchema } from '../../schema';
import { withCursor } from '../../../../test/support/cursor';
import { complete } from './complete';
import { quoteIfNeeded } from './value-items';
import type { CompletionProposal } from './types';

const schema = loadSchema();

interface Result {
  readonly items: CompletionProposal[];
  readonly text: string;
  labels(): string[];
  item(label: string): CompletionProposal;
  /** The text after choosing `label`, with its additional edits. */
  apply(label: string): string;
}

function completeAt(source: string, settings: KubeStatefulSettings = defaultSettings): Result {
  const { text, offset } = withCursor(source);
  const model = parseFile('file:///test.yaml', 1, text);
  const items = complete(model, offset, schema, settings);
  const result: Result = {
    items,
    text,
    labels: () =>
      [...items].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((item) => item.label),
    item(label) {
      const found = items.find((item) => item.label === label);
      assert.ok(found, `no proposal ${label} among ${items.map((item) => item.label).join(', ')}`);
      return found;
    },
    apply(label) {
      const chosen = result.item(label);
      const edits = [
        { span: chosen.replace, newText: chosen.insertText },
        ...(chosen.additionalEdits ?? []),
      ];
      edits.sort((a, b) => b.span[0] - a.span[0]);
      return edits.reduce(
        (current, edit) =>
          current.slice(0, edit.span[0]) + edit.newText + current.slice(edit.span[1]),
        text,
      );
    },
  };
  return result;
}

const statefulSet = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
`;

test('root keys of a StatefulSet: no status (read-only), no duplicate spec, no written keys', () => {
  const withSpec = completeAt(`${statefulSet}spec:\n  replicas: 1\n$0`);
  assert.deepEqual(withSpec.labels(), []);
  const result = completeAt(`${statefulSet}$0`);
  assert.deepEqual(result.labels(), ['spec']);
  assert.equal(result.item('spec').detail, 'StatefulSetSpec');
});

test('keys under spec: required first, each with its type and description', () => {
  const result = completeAt(`${statefulSet}spec:\n  replicas: 3\n  $0\n`);
  const labels = result.labels();
  assert.deepEqual(labels.slice(0, 2), ['selector', 'template']);
  assert.ok(!labels.includes('replicas'));
  assert.equal(result.item('selector').detail, 'LabelSelector · required');
  assert.equal(result.item('minReadySeconds').detail, 'integer');
  assert.equal(result.item('volumeClaimTemplates').detail, '[]PersistentVolumeClaim');
  assert.match(result.item('podManagementPolicy').documentation ?? '', /OrderedReady/);
});

test('types in details: int or string, quantity maps, string maps', () => {
  const port = completeAt(
    'apiVersion: v1\nkind: Service\nspec:\n  ports:\n    - port: 80\n      $0\n',
  );
  assert.equal(port.item('targetPort').detail, 'int or string');
  const resources = completeAt(
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      resources:\n        $0\n',
  );
  assert.equal(resources.item('limits').detail, 'map[string]quantity');
  const metadata = completeAt('apiVersion: v1\nkind: Pod\nmetadata:\n  $0\n');
  assert.equal(metadata.item('labels').detail, 'map[string]string');
  assert.ok(!metadata.labels().includes('uid'), 'server-owned metadata is never proposed');
  assert.ok(!metadata.labels().includes('creationTimestamp'));
});

test('inserted keys bring the right indentation for objects, lists and scalars', () => {
  const source = `${statefulSet}spec:\n  template:\n    spec:\n      $0\n`;
  const result = completeAt(source);
  assert.equal(result.item('containers').insertText, 'containers:\n        - ');
  assert.equal(result.item('securityContext').insertText, 'securityContext:\n        ');
  assert.equal(result.item('hostname').insertText, 'hostname: ');
  assert.equal(result.item('nodeSelector').insertText, 'nodeSelector:\n        ');
  assert.equal(result.item('containers').retrigger, true);

  const fourSpaces = completeAt('apiVersion: v1\nkind: Pod\nspec:\n    hostname: a\n    $0\n');
  assert.equal(fourSpaces.item('containers').insertText, 'containers:\n        - ');

  const inItem = completeAt('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - $0\n');
  assert.equal(inItem.item('ports').insertText, 'ports:\n        - ');
  assert.equal(inItem.item('name').detail, 'string · required');

  const scalarList = completeAt(
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      $0\n',
  );
  assert.equal(scalarList.item('args').insertText, 'args:\n        - ');
});

test('a key typed before an existing colon inserts only the name', () => {
  const result = completeAt(`${statefulSet}spec:\n  repl$0icas: 3\n`);
  assert.equal(result.apply('replicas'), `${statefulSet}spec:\n  replicas: 3\n`);
});

test('a half-typed key in an invalid document still completes', () => {
  const result = completeAt(
    `${statefulSet}spec:\n  replicas: 3\n  serv$0\n  template:\n    metadata: {\n`,
  );
  assert.ok(result.labels().includes('serviceName'));
  assert.ok(!result.labels().includes('replicas'));
  assert.ok(!result.labels().includes('template'));
  assert.equal(result.apply('serviceName'), result.text.replace('serv\n', 'serviceName: \n'));
});

test('Red Hat comparison: accessModes items get the real access modes', () => {
  const source = `apiVersion: v1
kind: PersistentVolumeClaim
spec:
  accessModes:
    - $0
`;
  assert.deepEqual(completeAt(source).labels(), [
    'ReadWriteOnce',
    'ReadOnlyMany',
    'ReadWriteMany',
    'ReadWriteOncePod',
  ]);
  const second = completeAt(source.replace('- $0', '- ReadWriteOnce\n    - Read$0'));
  assert.ok(
    !second.labels().includes('ReadWriteOnce'),
    'an access mode already listed is not offered again',
  );
  assert.equal(second.apply('ReadOnlyMany'), second.text.replace('- Read\n', '- ReadOnlyMany\n'));
  const underKey = completeAt(source.replace('    - $0', '    $0'));
  assert.equal(underKey.item('ReadWriteOnce').insertText, '- ReadWriteOnce');
  const flow = completeAt(source.replace('\n    - $0', ' [ReadWriteOnce, $0]'));
  assert.ok(!flow.labels().includes('ReadWriteOnce'));
  assert.ok(flow.labels().includes('ReadWriteMany'));
});

test('Red Hat comparison: podManagementPolicy values, half-typed too', () => {
  const empty = completeAt(`${statefulSet}spec:\n  podManagementPolicy: $0\n`);
  assert.deepEqual(empty.labels(), ['OrderedReady', 'Parallel']);
  const typed = completeAt(`${statefulSet}spec:\n  podManagementPolicy: Or$0\n`);
  assert.equal(
    typed.apply('OrderedReady'),
    `${statefulSet}spec:\n  podManagementPolicy: OrderedReady\n`,
  );
  const noSpace = completeAt(`${statefulSet}spec:\n  podManagementPolicy:$0`);
  assert.equal(noSpace.item('Parallel').insertText, ' Parallel');
});

test('booleans, well-known topology keys and provisioners', () => {
  const bool = completeAt('apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: $0\n');
  assert.deepEqual(bool.labels(), ['true', 'false']);
  const topology = completeAt(
    'apiVersion: v1\nkind: Pod\nspec:\n  topologySpreadConstraints:\n    - topologyKey: $0\n',
  );
  assert.ok(topology.labels().includes('topology.kubernetes.io/zone'));
  assert.ok(topology.labels().includes('kubernetes.io/hostname'));
  const provisioner = completeAt(
    'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nprovisioner: $0\n',
  );
  assert.ok(provisioner.labels().includes('ebs.csi.aws.com'));
});

test('StorageClass parameters keys follow the provisioner, and their values too', () => {
  const source =
    'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nprovisioner: ebs.csi.aws.com\nparameters:\n  $0\n';
  const keys = completeAt(source);
  assert.ok(keys.labels().includes('type'), keys.labels().join(', '));
  assert.ok(keys.labels().includes('csi.storage.k8s.io/fstype'));
  const values = completeAt(source.replace('  $0', '  type: $0'));
  assert.ok(values.labels().includes('gp3'), values.labels().join(', '));
});

test('storageClassName proposes StorageClasses of the file and of the settings', () => {
  const source = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
provisioner: ebs.csi.aws.com
---
apiVersion: v1
kind: PersistentVolumeClaim
spec:
  storageClassName: $0
`;
  const result = completeAt(source, { ...defaultSettings, knownStorageClasses: ['gp3-cluster'] });
  assert.deepEqual(result.labels(), ['""', 'fast', 'gp3-cluster']);
  assert.equal(result.item('""').insertText, '""');
});

test('kind values: every built-in kind; StatefulSet fills in apps/v1', () => {
  const result = completeAt('kind: $0');
  const labels = result.labels();
  for (const kind of ['StatefulSet', 'Pod', 'PersistentVolumeClaim', 'StorageClass', 'CronJob']) {
    assert.ok(labels.includes(kind), kind);
  }
  assert.equal(result.apply('StatefulSet'), 'apiVersion: apps/v1\nkind: StatefulSet');
  assert.equal(result.item('StatefulSet').detail, 'apps/v1');
});

test('kind values: a written apiVersion that does not serve the kind is corrected', () => {
  const wrong = completeAt('apiVersion: v1\nkind: Sta$0\n');
  assert.equal(wrong.apply('StatefulSet'), 'apiVersion: apps/v1\nkind: StatefulSet\n');
  assert.equal(wrong.apply('Pod'), 'apiVersion: v1\nkind: Pod\n');
  assert.ok(
    wrong.labels().indexOf('Pod') < wrong.labels().indexOf('StatefulSet'),
    'kinds of v1 first',
  );
  const empty = completeAt('apiVersion:\nkind: $0\n');
  assert.equal(empty.apply('StorageClass'), 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\n');
});

test('apiVersion values: those serving the kind, or all of them', () => {
  const hpa = completeAt('apiVersion: $0\nkind: HorizontalPodAutoscaler\n');
  assert.deepEqual(hpa.labels(), ['autoscaling/v2', 'autoscaling/v1']);
  const all = completeAt('apiVersion: $0\n');
  const labels = all.labels();
  for (const apiVersion of ['v1', 'apps/v1', 'batch/v1', 'storage.k8s.io/v1', 'policy/v1']) {
    assert.ok(labels.includes(apiVersion), apiVersion);
  }
  assert.equal(new Set(labels).size, labels.length, 'each apiVersion once');
});

test('routing: a new file and a new document among manifests get apiVersion and kind first', () => {
  assert.deepEqual(completeAt('$0').labels(), ['apiVersion', 'kind', 'metadata']);
  assert.deepEqual(completeAt('ap$0').labels(), ['apiVersion', 'kind', 'metadata']);
  const newDocument = completeAt(`${statefulSet}spec:\n  replicas: 1\n---\n$0`);
  assert.deepEqual(newDocument.labels(), ['apiVersion', 'kind', 'metadata']);
  assert.equal(newDocument.item('metadata').insertText, 'metadata:\n  ');
});

test('routing: partial documents get the missing apiVersion first, then the kind fields', () => {
  const onlyKind = completeAt('kind: StatefulSet\n$0');
  assert.deepEqual(onlyKind.labels(), ['apiVersion', 'metadata', 'spec']);
  const onlyApiVersion = completeAt('apiVersion: apps/v1\n$0');
  assert.deepEqual(onlyApiVersion.labels().slice(0, 1), ['kind']);
});

test('routing: non-Kubernetes YAML and Helm templates get nothing', () => {
  const others = [
    'services:\n  web:\n    image: nginx\n    $0\n',
    'version: "3.8"\nservices:\n  db:\n    $0\n',
    'name: CI\non:\n  push:\njobs:\n  build:\n    runs-on: ubuntu-latest\n    $0\n',
    '- hosts: all\n  tasks:\n    - name: install\n      $0\n',
    'openapi: 3.0.0\ninfo:\n  title: API\npaths:\n  $0\n',
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n  $0\n',
    'services:\n  web:\n    image: nginx\n---\n$0',
  ];
  for (const source of others) {
    assert.deepEqual(completeAt(source).labels(), [], source);
  }
});

test('multi-document files route each document, core v1 kinds included', () => {
  const source = `services:
  web: {}
---
apiVersion: v1
kind: Service
spec:
  $0
`;
  const labels = completeAt(source).labels();
  assert.ok(labels.includes('ports'));
  assert.ok(labels.includes('selector'));
});

test('flow maps: keys inside braces stay on one line', () => {
  const result = completeAt(
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - {name: a, resources: {$0}}\n',
  );
  assert.equal(result.item('limits').insertText, 'limits: {$1}');
  assert.equal(result.item('limits').snippet, true);
  const sibling = completeAt(
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - {name: a, ima$0}\n',
  );
  assert.equal(sibling.item('image').insertText, 'image: ');
  assert.ok(!sibling.labels().includes('name'));
});

test('CRLF documents complete like LF ones', () => {
  const result = completeAt(
    'apiVersion: apps/v1\r\nkind: StatefulSet\r\nspec:\r\n  podManagementPolicy: $0\r\n',
  );
  assert.deepEqual(result.labels(), ['OrderedReady', 'Parallel']);
  const key = completeAt('apiVersion: apps/v1\r\nkind: StatefulSet\r\nspec:\r\n  $0\r\n');
  assert.ok(key.labels().includes('serviceName'));
});

test('values that YAML would read as something else are quoted', () => {
  assert.equal(quoteIfNeeded('true'), '"true"');
  assert.equal(quoteIfNeeded('1.0'), '"1.0"');
  assert.equal(quoteIfNeeded('a: b'), '"a: b"');
  assert.equal(quoteIfNeeded(''), '""');
  assert.equal(quoteIfNeeded('kubernetes.io/hostname'), 'kubernetes.io/hostname');
  assert.equal(quoteIfNeeded('ReadWriteOnce'), 'ReadWriteOnce');
  const result = completeAt(
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      imagePullPolicy: "$0"\n',
  );
  assert.equal(result.apply('Always'), result.text.replace('""', '"Always"'));
});

test('maps of quantities propose the resource names that fit them', () => {
  const limits = completeAt(
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      resources:\n        limits:\n          memory: 1Gi\n          $0\n',
  );
  assert.deepEqual(limits.labels(), ['cpu', 'ephemeral-storage', 'hugepages-1Gi', 'hugepages-2Mi']);
  assert.equal(limits.item('cpu').detail, 'quantity');
  assert.match(limits.item('cpu').documentation ?? '', /millicores/);
  const claim = completeAt(
    'apiVersion: v1\nkind: PersistentVolumeClaim\nspec:\n  resources:\n    requests:\n      $0\n',
  );
  assert.deepEqual(claim.labels(), ['storage']);
  const labels = completeAt('apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    $0\n');
  assert.deepEqual(labels.labels(), [], 'free-form maps have no fixed keys');
});

test('a kind chosen in the second document writes its apiVersion there', () => {
  const result = completeAt(`${statefulSet}---\nkind: Persist$0`);
  assert.equal(
    result.apply('PersistentVolumeClaim'),
    `${statefulSet}---\napiVersion: v1\nkind: PersistentVolumeClaim`,
  );
});
