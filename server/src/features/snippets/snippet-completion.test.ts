import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../model';
import { analyzeCursor } from './cursor-context';
import { completeSnippets } from './snippet-completion';
import { parseSnippetSources } from './snippet-files';

// A small set in the real file format, so these tests do not depend on the shipped snippets.
const { snippets, problems } = parseSnippetSources([
  {
    file: 'test.json',
    text: JSON.stringify({
      Service: {
        prefix: ['svc', 'service'],
        body: ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: ${1:web}', '$0'],
        description: 'A Service',
        context: 'root',
      },
      Probe: {
        prefix: 'probe-tcp',
        body: ['readinessProbe:', '  tcpSocket:', '    port: ${1:8080}'],
        description: 'A probe',
        context: 'container',
      },
      Resources: {
        prefix: 'resources',
        body: ['resources:', '  limits:', '    memory: 1Gi'],
        description: 'Resources',
        context: 'container',
      },
      AntiAffinity: {
        prefix: 'anti-affinity',
        body: ['affinity:', '  podAntiAffinity: {}', '# app: ${1:${KS_APP_LABEL:web}}'],
        description: 'Anti-affinity',
        context: 'pod-spec',
      },
      Retention: {
        prefix: 'pvc-retention',
        body: ['persistentVolumeClaimRetentionPolicy:', '  whenDeleted: Retain'],
        description: 'Retention',
        context: 'statefulset-spec',
      },
      PvcVolume: {
        prefix: 'pvc-volume',
        body: ['- name: ${1:data}', '  persistentVolumeClaim:', '    claimName: $1'],
        description: 'A volume',
        context: 'volumes',
      },
      Vct: {
        prefix: 'vct',
        body: ['- metadata:', '    name: ${1:data}'],
        description: 'A claim template',
        context: 'volumeClaimTemplates',
      },
    }),
  },
]);

/** Completes at the `$0` marker and returns the offered labels with their insert texts. */
function complete(textWithCursor: string): Map<string, string> {
  const offset = textWithCursor.indexOf('$0');
  const text = textWithCursor.replace('$0', '');
  const model = parseFile('file:///test.yaml', 1, text);
  return new Map(
    completeSnippets(model, offset, snippets).map((item) => [item.label, item.insertText]),
  );
}

const statefulSet = [
  'apiVersion: apps/v1',
  'kind: StatefulSet',
  'metadata:',
  '  name: db',
  'spec:',
  '  serviceName: db',
  '  selector:',
  '    matchLabels:',
  '      app: db',
  '  template:',
  '    metadata:',
  '      labels:',
  '        app: db',
  '    spec:',
  '      containers:',
  '      - name: db',
  '        image: postgres:16',
  '        resources:',
  '          limits:',
  '            memory: 1Gi',
];

test('the test snippets load without problems', () => {
  assert.deepEqual(problems, []);
  assert.equal(snippets.length, 7);
});

test('an empty document offers whole objects, with every prefix, and no fragments', () => {
  const items = complete('$0');
  assert.deepEqual([...items.keys()], ['svc', 'service']);
  assert.equal(items.get('svc'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: ${1:web}\n$0');
});

test('after the last object a whole object gets a leading separator', () => {
  const items = complete('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n\n$0');
  assert.ok(items.get('svc')?.startsWith('---\napiVersion: v1\n'));
});

test('right after `---` with an object below, a whole object gets a trailing separator', () => {
  const items = complete(
    'apiVersion: v1\nkind: Namespace\n---\ns$0\napiVersion: v1\nkind: ConfigMap\n',
  );
  const text = items.get('svc');
  assert.ok(text?.startsWith('apiVersion: v1\n'), text);
  assert.ok(text?.endsWith('\n---'), text);
});

test('no whole objects in the middle of an object, nor indented inside a mapping', () => {
  assert.equal(complete('apiVersion: v1\nkind: Service\n$0\nmetadata:\n  name: x\n').size, 0);
  assert.equal(complete('apiVersion: v1\nkind: Service\nspec:\n  $0\n').has('svc'), false);
});

test('container fragments are offered under a container, indented to the cursor', () => {
  const text = [...statefulSet, '        $0'].join('\n');
  const items = complete(text);
  assert.deepEqual([...items.keys()], ['probe-tcp']);
  assert.equal(
    items.get('probe-tcp'),
    'readinessProbe:\n          tcpSocket:\n            port: ${1:8080}',
  );
});

test('a fragment whose key the mapping already has is not offered', () => {
  const text = [...statefulSet, '        $0'].join('\n');
  assert.equal(complete(text).has('resources'), false);
});

test('pod-spec fragments take the pods own app label into the selector', () => {
  const lines = [...statefulSet];
  lines.splice(14, 0, '      $0');
  const items = complete(lines.join('\n'));
  assert.deepEqual([...items.keys()], ['anti-affinity']);
  assert.equal(
    items.get('anti-affinity'),
    'affinity:\n        podAntiAffinity: {}\n      # app: ${1:db}',
  );
});

test('without an app label the server variable falls back to its default', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  $0\n  containers: []\n';
  assert.equal(
    complete(text).get('anti-affinity'),
    'affinity:\n    podAntiAffinity: {}\n  # app: ${1:web}',
  );
});

test('StatefulSet spec fragments only in a StatefulSet', () => {
  const lines = [...statefulSet];
  lines.splice(5, 0, '  $0');
  assert.deepEqual([...complete(lines.join('\n')).keys()], ['pvc-retention']);
  const deployment = lines.join('\n').replace('kind: StatefulSet', 'kind: Deployment');
  assert.equal(complete(deployment).size, 0);
});

test('volume items are offered under volumes, at the cursor or after a typed dash', () => {
  const base =
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers: []\n  volumes:\n';
  assert.equal(
    complete(`${base}  $0`).get('pvc-volume'),
    '- name: ${1:data}\n    persistentVolumeClaim:\n      claimName: $1',
  );
  assert.equal(
    complete(`${base}  - name: a\n    emptyDir: {}\n  - pv$0`).get('pvc-volume'),
    'name: ${1:data}\n    persistentVolumeClaim:\n      claimName: $1',
  );
  // At the column of the Pod spec's keys, both a new volume and a new spec key fit.
  const both = complete(`${base}  - name: a\n    emptyDir: {}\n  $0`);
  assert.deepEqual([...both.keys()].sort(), ['anti-affinity', 'pvc-volume']);
});

test('claim templates are offered under a StatefulSet volumeClaimTemplates', () => {
  // At the column of the StatefulSet spec's keys, a new spec key fits too.
  const text = [...statefulSet, '  volumeClaimTemplates:', '  $0'].join('\n');
  assert.deepEqual([...complete(text).keys()], ['pvc-retention', 'vct']);
  const indented = [...statefulSet, '  volumeClaimTemplates:', '    $0'].join('\n');
  assert.equal(complete(indented).get('vct'), '- metadata:\n        name: ${1:data}');
});

test('nothing in other YAML, Helm templates, or files of other YAML', () => {
  assert.equal(complete('services:\n  web:\n    image: nginx\n$0').size, 0);
  assert.equal(complete('services:\n  web:\n    $0\n').size, 0);
  assert.equal(
    complete('apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n$0').size,
    0,
  );
  assert.equal(complete('name: ci\non: push\n---\n$0').size, 0);
  assert.ok(complete('apiVersion: v1\nkind: Namespace\n---\n$0').has('svc'));
});

test('the replaced range is the whole word around the cursor', () => {
  const model = parseFile('file:///a.yaml', 1, 'svc');
  const [first] = completeSnippets(model, 2, snippets);
  assert.deepEqual(first?.replace, [0, 3]);
  assert.equal(complete('kind: $0').size, 0, 'no snippets at a value');
});

test('the cursor analysis reports key and item slots with their paths', () => {
  const text = 'apiVersion: v1\nkind: Pod\nspec:\n  volumes:\n  - name: a\n  \n';
  const model = parseFile('file:///a.yaml', 1, text);
  const context = analyzeCursor(model, text.indexOf('\n  \n') + 3);
  assert.deepEqual(context?.keySlot?.path, ['spec']);
  assert.deepEqual([...(context?.keySlot?.siblings ?? [])], ['volumes']);
  assert.deepEqual(context?.itemSlot?.path, ['spec', 'volumes']);
  assert.equal(context?.root, undefined);
  const typed = analyzeCursor(parseFile('file:///b.yaml', 1, `${text}  - pv`), text.length + 6);
  assert.deepEqual(typed?.itemSlot?.path, ['spec', 'volumes']);
  assert.equal(typed?.dashColumn, 2);
  assert.equal(typed?.keySlot, undefined);
});

test('items indented deeper than the cursor belong to no list at its column', () => {
  const text = 'apiVersion: v1\nkind: Pod\nspec:\n  volumes:\n    - name: a\n  $0';
  assert.deepEqual([...complete(text).keys()], ['anti-affinity']);
  const deeper = 'apiVersion: v1\nkind: Pod\nspec:\n  volumes:\n    - name: a\n    $0';
  assert.deepEqual([...complete(deeper).keys()], ['pvc-volume']);
});

test('block scalars and comments do not confuse the indentation reading', () => {
  const text = [
    'apiVersion: v1',
    'kind: Pod',
    'spec:',
    '  containers:',
    '  - name: a',
    '    # a comment at another column',
    '    command:',
    '    - |',
    '      echo: not a key',
    '        still: text',
    '    $0',
  ].join('\n');
  assert.deepEqual([...complete(text).keys()], ['probe-tcp', 'resources']);
});
