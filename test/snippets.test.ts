// Every shipped snippet, expanded with its defaults, is a manifest that parses and passes the
// schema validation and every registered rule, except for the findings listed for it below.
// Fragments are inserted through the real completion path into a host manifest for their context.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../server/src/model';
import { defaultSettings } from '../server/src/protocol';
import { allRules } from '../server/src/rules/registry';
import { runRules } from '../server/src/rules/run-rules';
import { loadSchema } from '../server/src/schema';
import type { Snippet, SnippetContext } from '../server/src/features/snippets';
import { indexForFixture } from './support/fixture-index';
import {
  completeSnippets,
  expandSnippet,
  findSnippetFolder,
  parseSnippet,
  readSnippetFolder,
  snippetContexts,
} from '../server/src/features/snippets';

const folder = findSnippetFolder(__dirname);
const loaded = folder ? readSnippetFolder(folder) : { snippets: [], problems: ['no folder'] };

/**
 * Findings a snippet exists to produce: each must appear once its rule is registered.
 */
const intended: Readonly<Record<string, readonly string[]>> = {
  'pod-hostpath': ['host-path'],
};

/**
 * Findings that depend on objects outside the snippet (it is one object of a set that other
 * snippets complete), so they may appear when the snippet is checked on its own.
 */
const tolerated: Readonly<Record<string, readonly string[]>> = {
  // One object each; `sts-svc-pdb` is the StatefulSet with its Service and PDB.
  sts: ['sts-service-not-found', 'pdb-missing'],
  'svc-headless': ['service-selects-nothing'],
  pdb: ['pdb-selects-nothing'],
  // The brokers name the ensemble that the `zookeeper` snippet creates.
  kafka: ['kafka-zookeeper-connect-unresolved'],
};

/** Host manifests for fragments: `$0` marks the line where the fragment is completed. */
const containerBlocks: Readonly<Record<string, string>> = {
  readinessProbe: '    readinessProbe:\n      httpGet:\n        path: /ready\n        port: http',
  livenessProbe: '    livenessProbe:\n      httpGet:\n        path: /livez\n        port: http',
  resources:
    '    resources:\n      requests:\n        cpu: 100m\n        memory: 128Mi\n      limits:\n        memory: 128Mi',
};

function containerHost(fragmentKey: string): string {
  const blocks = Object.entries(containerBlocks)
    .filter(([key]) => key !== fragmentKey)
    .map(([, block]) => block);
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: app',
    '  labels:',
    '    app: app',
    'spec:',
    '  containers:',
    '  - name: app',
    '    image: nginx:1.27',
    '    ports:',
    '    - name: http',
    '      containerPort: 8080',
    ...blocks,
    '    $0',
  ].join('\n');
}

const statefulSetParts = {
  service: [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: db-headless',
    'spec:',
    '  clusterIP: None',
    '  selector:',
    '    app: db',
    '  ports:',
    '  - name: pg',
    '    port: 5432',
    '---',
    'apiVersion: policy/v1',
    'kind: PodDisruptionBudget',
    'metadata:',
    '  name: db',
    'spec:',
    '  maxUnavailable: 1',
    '  selector:',
    '    matchLabels:',
    '      app: db',
    '---',
  ],
  head: [
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    'metadata:',
    '  name: db',
    'spec:',
    '  serviceName: db-headless',
    '  replicas: 3',
    '  selector:',
    '    matchLabels:',
    '      app: db',
  ],
  template: ['  template:', '    metadata:', '      labels:', '        app: db', '    spec:'],
  affinity: [
    '      affinity:',
    '        podAntiAffinity:',
    '          preferredDuringSchedulingIgnoredDuringExecution:',
    '          - weight: 100',
    '            podAffinityTerm:',
    '              labelSelector:',
    '                matchLabels:',
    '                  app: db',
    '              topologyKey: kubernetes.io/hostname',
  ],
  containers: [
    '      containers:',
    '      - name: db',
    '        image: postgres:16',
    '        ports:',
    '        - name: pg',
    '          containerPort: 5432',
    '        readinessProbe:',
    '          exec:',
    '            command: [pg_isready]',
    '        livenessProbe:',
    '          tcpSocket:',
    '            port: pg',
    '        resources:',
    '          requests:',
    '            cpu: 250m',
    '            memory: 1Gi',
    '          limits:',
    '            memory: 1Gi',
    '        volumeMounts:',
    '        - name: data',
    '          mountPath: /var/lib/postgresql/data',
  ],
  claims: [
    '  volumeClaimTemplates:',
    '  - metadata:',
    '      name: data',
    '    spec:',
    '      accessModes: [ReadWriteOnce]',
    '      resources:',
    '        requests:',
    '          storage: 10Gi',
  ],
};

function statefulSetHost(where: 'pod-spec' | 'statefulset-spec' | 'volumeClaimTemplates'): string {
  const { service, head, template, affinity, containers, claims } = statefulSetParts;
  switch (where) {
    case 'pod-spec':
      // No affinity: the fragment supplies the spreading.
      return [...service, ...head, ...template, '      $0', ...containers, ...claims].join('\n');
    case 'statefulset-spec':
      return [...service, ...head, '  $0', ...template, ...affinity, ...containers, ...claims].join(
        '\n',
      );
    case 'volumeClaimTemplates':
      // The container mounts `data`, which only the inserted claim template provides.
      return [
        ...service,
        ...head,
        ...template,
        ...affinity,
        ...containers,
        '  volumeClaimTemplates:',
        '  $0',
      ].join('\n');
  }
}

const volumesHost = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: app',
  'spec:',
  '  containers:',
  '  - name: app',
  '    image: nginx:1.27',
  '    readinessProbe:',
  '      httpGet:',
  '        path: /',
  '        port: 80',
  '    livenessProbe:',
  '      tcpSocket:',
  '        port: 80',
  '    resources:',
  '      limits:',
  '        memory: 128Mi',
  '  volumes:',
  '  $0',
].join('\n');

function hostFor(context: Exclude<SnippetContext, 'root'>, fragmentKey: string): string {
  switch (context) {
    case 'container':
      return containerHost(fragmentKey);
    case 'volumes':
      return volumesHost;
    default:
      return statefulSetHost(context);
  }
}

/** The manifest text a snippet produces with its defaults, placed where it belongs. */
function manifestOf(snippet: Snippet): string {
  const expanded = expandSnippet(snippet.nodes);
  if (snippet.context === 'root') {
    return expanded;
  }
  const firstKey = /^([\w.-]+):/.exec(expanded)?.[1] ?? '';
  const host = hostFor(snippet.context, firstKey);
  const offset = host.indexOf('$0');
  const text = host.replace('$0', '');
  const model = parseFile('file:///host.yaml', 1, text);
  const item = completeSnippets(model, offset, [snippet])[0];
  assert.ok(item, `${snippet.prefixes[0]} is not offered in its ${snippet.context} host`);
  const inserted = expandSnippet(parseSnippet(item.insertText));
  return text.slice(0, item.replace[0]) + inserted + text.slice(item.replace[1]);
}

test('the snippet folder loads without problems and covers every context', () => {
  assert.ok(folder, 'the snippets/ folder is found from the compiled tests');
  assert.deepEqual(loaded.problems, []);
  assert.ok(loaded.snippets.length >= 30, `only ${loaded.snippets.length} snippets`);
  for (const context of snippetContexts) {
    assert.ok(
      loaded.snippets.some((snippet) => snippet.context === context),
      `no snippet for ${context}`,
    );
  }
  const prefixes = loaded.snippets.flatMap((snippet) => snippet.prefixes);
  assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes are unique');
  for (const expected of [
    'sts',
    'statefulset',
    'pvc',
    'svc-headless',
    'pdb',
    'vct',
    'pvc-volume',
  ]) {
    assert.ok(prefixes.includes(expected), `no ${expected} prefix`);
  }
});

const schema = loadSchema();
const registered = new Set(allRules.map((rule) => rule.id));

for (const snippet of loaded.snippets) {
  const prefix = snippet.prefixes[0]!;
  test(`snippet ${prefix} expands to a clean manifest`, () => {
    const text = manifestOf(snippet);
    const model = parseFile(`file:///snippets/${prefix}.yaml`, 1, text);
    for (const document of model.documents) {
      assert.deepEqual(document.errors, [], `${prefix}: YAML errors in\n${text}`);
      assert.equal(document.classification, 'kubernetes', `${prefix}: not a manifest:\n${text}`);
      assert.ok(document.apiVersion && document.kind, `${prefix}: apiVersion and kind`);
    }
    const findings = runRules(model, {
      schema,
      settings: defaultSettings,
      index: indexForFixture([model]),
    }).filter((finding) => finding.severity === 'error' || finding.severity === 'warning');
    const found = findings.map((finding) => finding.ruleId);
    const expected = intended[prefix] ?? [];
    const allowed = new Set([...expected, ...(tolerated[prefix] ?? [])]);
    const unexpected = findings.filter((finding) => !allowed.has(finding.ruleId));
    assert.deepEqual(
      unexpected.map((finding) => `${finding.ruleId}: ${finding.message}`),
      [],
      `${prefix}:\n${text}`,
    );
    for (const id of expected.filter((ruleId) => registered.has(ruleId))) {
      assert.ok(found.includes(id), `${prefix} should produce ${id}`);
    }
  });
}

test('docs/snippets.md lists every prefix', () => {
  const docs = readFileSync(join(__dirname, '..', '..', 'docs', 'snippets.md'), 'utf8');
  const missing = loaded.snippets
    .flatMap((snippet) => snippet.prefixes)
    .filter((prefix) => !docs.includes(`\`${prefix}\``));
  assert.deepEqual(missing, []);
});
