import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../model';
import { indexForFixture } from '../../../../test/support/fixture-index';
import type { NavigationTarget } from './navigation';
import { definitionAt, referencesAt } from './navigation';
import { referenceHoverAt } from './reference-hover';

const appUri = 'file:///work/app.yaml';
const infraUri = 'file:///work/infra.yaml';

const app = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  namespace: data
spec:
  serviceName: db-headless
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      imagePullSecrets:
        - name: registry
      containers:
        - name: db
          image: postgres:16
          env:
            - name: MODE
              valueFrom:
                configMapKeyRef:
                  name: cfg
                  key: mode
            - name: PASSWORD
              valueFrom:
                secretKeyRef:
                  name: creds
                  key: password
          envFrom:
            - configMapRef:
                name: cfg
            - secretRef:
                name: creds
          volumeMounts:
            - name: data
              mountPath: /data
            - name: config
              mountPath: /etc/db
            - name: shared
              mountPath: /shared
      volumes:
        - name: config
          configMap:
            name: cfg
        - name: tls
          secret:
            secretName: creds
        - name: all
          projected:
            sources:
              - configMap:
                  name: cfg
              - secret:
                  name: creds
        - name: shared
          persistentVolumeClaim:
            claimName: shared
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        storageClassName: fast
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: 1Gi
`;

const infra = `apiVersion: v1
kind: Service
metadata:
  name: db-headless
  namespace: data
spec:
  clusterIP: None
  selector:
    app: db
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: db
  namespace: data
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app: db
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
  namespace: data
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
  namespace: other
---
apiVersion: v1
kind: Secret
metadata:
  name: creds
  namespace: data
---
apiVersion: v1
kind: Secret
metadata:
  name: registry
  namespace: data
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: shared
  namespace: data
spec:
  storageClassName: fast
  accessModes: [ReadWriteMany]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
provisioner: ebs.csi.aws.com
`;

/** The context with the cursor at the `at`-th occurrence (from 0) of `marker` in `uri`. */
function at(uri: string, marker: string, occurrence = 0) {
  let offset = -1;
  const text = uri === appUri ? app : infra;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(marker, offset + 1);
  }
  assert.ok(offset >= 0, `${marker} not found`);
  const models = [parseFile(appUri, 1, app), parseFile(infraUri, 1, infra)];
  const model = models.find((candidate) => candidate.uri === uri)!;
  return {
    context: { model, index: indexForFixture(models), defaultNamespace: 'default' },
    offset,
  };
}

/** `kind name @file:line` (1-based) for comparing targets. */
function show(targets: readonly NavigationTarget[]): string[] {
  return targets.map(
    (target) =>
      `${target.kind} ${target.name} @${target.uri.slice(target.uri.lastIndexOf('/') + 1)}:${target.range.start.line + 1}`,
  );
}

function line(text: string, needle: string, occurrence = 0): number {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
  }
  return text.slice(0, offset).split('\n').length;
}

function definition(uri: string, marker: string, occurrence = 0): string[] {
  const { context, offset } = at(uri, marker, occurrence);
  return show(definitionAt(context, offset)?.targets ?? []);
}

test('definition: serviceName, claimName and storageClassName lead to their objects', () => {
  assert.deepEqual(definition(appUri, 'db-headless'), [
    `Service db-headless @infra.yaml:${line(infra, 'db-headless')}`,
  ]);
  assert.deepEqual(definition(appUri, 'claimName: shared', 0).length, 0, 'the key is not a name');
  assert.deepEqual(definition(appUri, 'shared', 3), [
    `PersistentVolumeClaim shared @infra.yaml:${line(infra, 'name: shared')}`,
  ]);
  assert.deepEqual(definition(appUri, 'fast'), [
    `StorageClass fast @infra.yaml:${line(infra, 'name: fast')}`,
  ]);
  assert.deepEqual(definition(infraUri, 'fast'), [
    `StorageClass fast @infra.yaml:${line(infra, 'name: fast')}`,
  ]);
});

test('definition: ConfigMap and Secret names in volumes, projected sources, env and envFrom', () => {
  const configMap = `ConfigMap cfg @infra.yaml:${line(infra, 'name: cfg')}`;
  const secret = `Secret creds @infra.yaml:${line(infra, 'name: creds')}`;
  // Occurrences of `cfg` in app.yaml: configMapKeyRef, configMapRef, volume, projected source.
  for (const occurrence of [0, 1, 2, 3]) {
    assert.deepEqual(definition(appUri, 'cfg', occurrence), [configMap], `cfg #${occurrence}`);
  }
  for (const occurrence of [0, 1, 2, 3]) {
    assert.deepEqual(definition(appUri, 'creds', occurrence), [secret], `creds #${occurrence}`);
  }
  assert.deepEqual(definition(appUri, 'registry'), [
    `Secret registry @infra.yaml:${line(infra, 'name: registry')}`,
  ]);
});

test('definition: a volume mount leads to its volume or volumeClaimTemplate', () => {
  assert.deepEqual(definition(appUri, 'name: data', 0).length, 0, 'cursor on the key');
  const { context, offset } = at(appUri, 'data\n              mountPath');
  assert.deepEqual(show(definitionAt(context, offset)!.targets), [
    `volumeClaimTemplate data @app.yaml:${line(app, 'name: data', 1)}`,
  ]);
  assert.deepEqual(definition(appUri, 'config\n              mountPath'), [
    `volume config @app.yaml:${line(app, '- name: config\n          configMap')}`,
  ]);
});

test('definition: Service and PDB selectors lead to the workloads they select', () => {
  const workload = `StatefulSet db @app.yaml:${line(app, 'name: db')}`;
  assert.deepEqual(definition(infraUri, 'selector:'), [workload]);
  assert.deepEqual(definition(infraUri, 'app: db'), [workload]);
  assert.deepEqual(definition(infraUri, 'app: db', 1), [workload]);
});

function references(
  uri: string,
  marker: string,
  occurrence = 0,
  includeDeclaration = true,
): string[] {
  const { context, offset } = at(uri, marker, occurrence);
  return show(referencesAt(context, offset, includeDeclaration)).sort();
}

test('references: every place naming a ConfigMap, Secret, claim, class or Service', () => {
  const cfgLines = [0, 1, 2, 3].map((n) => `ConfigMap cfg @app.yaml:${line(app, 'cfg', n)}`);
  assert.deepEqual(
    references(infraUri, 'cfg'),
    [...cfgLines, `ConfigMap cfg @infra.yaml:${line(infra, 'cfg')}`].sort(),
  );
  assert.deepEqual(
    references(infraUri, 'cfg', 1),
    [`ConfigMap cfg @infra.yaml:${line(infra, 'cfg', 1)}`],
    'other namespace',
  );
  assert.deepEqual(references(appUri, 'creds', 2, false).length, 4);
  assert.deepEqual(references(infraUri, 'shared\n  namespace'), [
    `PersistentVolumeClaim shared @app.yaml:${line(app, 'claimName: shared')}`,
    `PersistentVolumeClaim shared @infra.yaml:${line(infra, 'name: shared')}`,
  ]);
  assert.deepEqual(references(infraUri, 'fast\nprovisioner', 0, false), [
    `StorageClass fast @app.yaml:${line(app, 'fast')}`,
    `StorageClass fast @infra.yaml:${line(infra, 'fast')}`,
  ]);
  assert.deepEqual(references(infraUri, 'db-headless', 0, false), [
    `Service db-headless @app.yaml:${line(app, 'db-headless')}`,
  ]);
});

test('references: a volume and its mounts; a workload and what selects it', () => {
  assert.deepEqual(references(appUri, 'data\n      spec:'), [
    `volumeClaimTemplate data @app.yaml:${line(app, 'name: data', 1)}`,
    `volumeMount data @app.yaml:${line(app, 'name: data')}`,
  ]);
  const selecting = [
    `PodDisruptionBudget db @infra.yaml:${line(infra, 'name: db\n  namespace: data\nspec:\n  maxUnavailable')}`,
    `Service db-headless @infra.yaml:${line(infra, 'selector:')}`,
  ];
  assert.deepEqual(references(appUri, 'db\n  namespace'), selecting);
  assert.deepEqual(references(appUri, 'app: db', 1), selecting);
});

test('hover on a reference shows the target kind, name, namespace and file', () => {
  const { context, offset } = at(appUri, 'db-headless');
  const hover = referenceHoverAt(context, offset)!;
  assert.equal(
    hover.markdown,
    `Refers to Service \`db-headless\`:\n- **Service** \`db-headless\` in namespace \`data\`: \`infra.yaml\`, line ${line(infra, 'db-headless')}`,
  );
  assert.deepEqual(hover.span, [offset, offset + 'db-headless'.length]);
  const mount = at(appUri, 'config\n              mountPath');
  assert.match(
    referenceHoverAt(mount.context, mount.offset)!.markdown,
    /^Mounts volume `config`:\n- \*\*volume\*\* `config`: this file, line \d+$/,
  );
  const missing = at(appUri, 'registry');
  const models = [parseFile(appUri, 1, app)];
  const alone = { ...missing.context, index: indexForFixture(models) };
  assert.equal(
    referenceHoverAt(alone, missing.offset)!.markdown,
    'No Secret named `registry` in the workspace.',
  );
  const key = at(infraUri, 'selector:');
  assert.equal(referenceHoverAt(key.context, key.offset), undefined, 'keys keep the schema hover');
});
