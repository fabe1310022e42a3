// The in-process overlay view: a base is judged as each overlay deploys it (namespace, labels,
// replicas, generated ConfigMaps), without kustomize. Findings every overlay has are reported
// as they are, findings of some overlays name them, and a base its overlays complete is clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../model';
import { defaultSettings } from '../protocol';
import type { Finding } from '../rules/types';
import { runRules } from '../rules/run-rules';
import { loadSchema } from '../schema';
import { extractFacts } from './extract-facts';
import { WorkspaceIndex } from './workspace-index';

const schema = loadSchema();
const root = 'file:///work/space';

const statefulSet = (replicas: number, extra = ''): string =>
  [
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    'metadata:',
    '  name: zk',
    'spec:',
    `  replicas: ${replicas}`,
    '  serviceName: zk-hs',
    '  selector: {matchLabels: {app: zk}}',
    '  template:',
    '    metadata: {labels: {app: zk}}',
    '    spec:',
    '      containers: [{name: zk, image: zookeeper:3.9}]',
    extra,
  ].join('\n');

const headlessService =
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: zk-hs\nspec:\n  clusterIP: None\n  selector: {app: zk}\n  ports: [{port: 2181}]\n';

function indexOf(files: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [path, text] of Object.entries(files)) {
    index.update(`${root}/${path}`, extractFacts(parseFile(`${root}/${path}`, 0, text)));
  }
  return index;
}

const label = (overlayUri: string): string =>
  overlayUri.slice(root.length + 1, overlayUri.lastIndexOf('/'));

function check(
  index: WorkspaceIndex,
  files: Record<string, string>,
  path: string,
  ruleId: string,
  overlays = true,
): Finding[] {
  const uri = `${root}/${path}`;
  const model = parseFile(uri, 0, files[path]!);
  return runRules(model, {
    schema,
    settings: defaultSettings,
    index: index.viewFor(uri),
    defaultNamespace: index.defaultNamespaceOf(uri),
    roleOf: (documentIndex) => index.roleOf(uri, documentIndex),
    ...(overlays ? { overlays: index.overlayScopesFor(uri, label) } : {}),
  }).filter((finding) => finding.ruleId === ruleId);
}

test('a base whose Service only its overlays add is not reported; one overlay without it is named', () => {
  const files = {
    'base/kustomization.yaml': 'resources:\n  - zk.yaml\n',
    'base/zk.yaml': statefulSet(3),
    'overlays/prod/kustomization.yaml':
      'namespace: prod\nresources:\n  - ../../base\n  - service.yaml\n',
    'overlays/prod/service.yaml': headlessService,
    'overlays/dev/kustomization.yaml': 'namespace: dev\nresources:\n  - ../../base\n',
  };
  const index = indexOf(files);
  // Judged alone, the base's StatefulSet (namespace default) has no Service.
  assert.equal(check(index, files, 'base/zk.yaml', 'sts-service-not-found', false).length, 1);
  const findings = check(index, files, 'base/zk.yaml', 'sts-service-not-found');
  assert.deepEqual(
    findings.map((finding) => finding.message.slice(0, 51)),
    ['in overlay `overlays/dev`: No Service named "zk-hs"'],
  );
  assert.match(findings[0]!.message, /in namespace "dev"/);
  assert.deepEqual(
    findings[0]!.related?.map((related) => related.uri),
    [`${root}/overlays/dev/kustomization.yaml`],
  );

  // With the Service in both overlays, the base is clean.
  const complete = {
    ...files,
    'overlays/dev/kustomization.yaml': 'namespace: dev\nresources:\n  - ../../base\n  - svc.yaml\n',
    'overlays/dev/svc.yaml': headlessService,
  };
  assert.deepEqual(check(indexOf(complete), complete, 'base/zk.yaml', 'sts-service-not-found'), []);
});

test('a finding every overlay has is reported once, without an overlay name', () => {
  const files = {
    'base/kustomization.yaml': 'resources:\n  - zk.yaml\n',
    'base/zk.yaml': statefulSet(3),
    'overlays/a/kustomization.yaml': 'resources:\n  - ../../base\n',
    'overlays/b/kustomization.yaml': 'resources:\n  - ../../base\n',
  };
  const findings = check(indexOf(files), files, 'base/zk.yaml', 'sts-service-not-found');
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /^No Service named "zk-hs" in namespace "default"/);
});

test('replicas an overlay sets are what the other objects see (a PDB that blocks every eviction)', () => {
  const pdb =
    'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: zk\nspec:\n  minAvailable: 2\n  selector: {matchLabels: {app: zk}}\n';
  const files = {
    'base/kustomization.yaml': 'resources:\n  - zk.yaml\n  - svc.yaml\n  - pdb.yaml\n',
    'base/zk.yaml': statefulSet(3),
    'base/svc.yaml': headlessService,
    'base/pdb.yaml': pdb,
    'overlays/small/kustomization.yaml':
      'namePrefix: small-\nresources:\n  - ../../base\nreplicas:\n  - name: zk\n    count: 2\n',
    'overlays/big/kustomization.yaml': 'resources:\n  - ../../base\n',
  };
  const index = indexOf(files);
  assert.deepEqual(check(index, files, 'base/pdb.yaml', 'pdb-blocks-eviction', false), []);
  const findings = check(index, files, 'base/pdb.yaml', 'pdb-blocks-eviction');
  assert.equal(findings.length, 1, JSON.stringify(findings));
  assert.match(findings[0]!.message, /^in overlay `overlays\/small`: /);
  // The rename does not break serviceName: kustomize rewrites it with the Service's name.
  assert.deepEqual(check(index, files, 'base/zk.yaml', 'sts-service-not-found'), []);
});

test('the overlay view holds generated ConfigMaps and each object under its deployed namespace and name', () => {
  const files = {
    'base/kustomization.yaml': 'namespace: kafka\nresources:\n  - zk.yaml\n  - svc.yaml\n',
    'base/zk.yaml': statefulSet(3),
    'base/svc.yaml': headlessService,
    'overlays/prod/kustomization.yaml': [
      'namespace: prod',
      'namePrefix: prod-',
      'resources:',
      '  - ../../base',
      '  - ../../budgets',
      'commonLabels:',
      '  env: prod',
      'configMapGenerator:',
      '  - name: zk-config',
      '    literals: [a=b]',
      '',
    ].join('\n'),
    'budgets/kustomization.yaml': 'commonLabels:\n  team: storage\nresources:\n  - pdb.yaml\n',
    'budgets/pdb.yaml':
      'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: zk\nspec:\n  maxUnavailable: 1\n  selector: {matchLabels: {app: zk}}\n',
    'standalone/other.yaml': headlessService.replace('zk-hs', 'elsewhere'),
  };
  const index = indexOf(files);
  const scopes = index.overlayScopesFor(`${root}/base/zk.yaml`, label);
  assert.equal(scopes.length, 1);
  const view = scopes[0]!.index;
  assert.equal(scopes[0]!.namespace, 'prod');
  assert.deepEqual(
    view.objectsOfKind('ConfigMap', 'prod').map((object) => [object.name, object.deployedName]),
    [['zk-config', 'prod-zk-config']],
  );
  assert.deepEqual(
    view.services().map((service) => [service.name, service.namespace, service.deployedName]),
    [
      ['zk-hs', 'prod', 'prod-zk-hs'],
      // Files of no kustomize tree are deployed alongside, as they are.
      ['elsewhere', 'default', undefined],
    ],
  );
  // Labels the overlay adds reach the base's objects and its own alike: from the base's view
  // nothing changes. Labels a sibling base adds to its own selector do show.
  assert.deepEqual(view.workloads('prod')[0]?.podLabels, { app: 'zk' });
  assert.deepEqual(
    view.podDisruptionBudgets('prod').map((pdb) => pdb.selector?.matchLabels),
    [{ app: 'zk', team: 'storage' }],
  );
  assert.deepEqual(index.overlayScopesFor(`${root}/standalone/other.yaml`, label), []);
});
