import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../model';
import { extractFacts, isKustomizationUri } from './extract-facts';

const manifests = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: kafka
  namespace: streaming
spec:
  serviceName: kafka-headless
  replicas: 3
  selector:
    matchLabels: { app: kafka }
  template:
    metadata:
      labels: { app: kafka, tier: data }
    spec:
      initContainers:
        - name: init
          image: busybox:1.36
      containers:
        - name: kafka
          image: apache/kafka:3.8.0
          env:
            - { name: KAFKA_NODE_ID, value: '1' }
            - name: POD_NAME
              valueFrom: { fieldRef: { fieldPath: metadata.name } }
          ports:
            - { name: client, containerPort: 9092 }
      volumes:
        - name: config
          persistentVolumeClaim: { claimName: kafka-config }
  volumeClaimTemplates:
    - metadata: { name: data }
      spec:
        accessModes: [ReadWriteOnce]
        storageClassName: fast
        resources: { requests: { storage: 10Gi } }
---
apiVersion: v1
kind: Service
metadata:
  name: kafka-headless
spec:
  clusterIP: None
  publishNotReadyAddresses: true
  selector: { app: kafka }
  ports:
    - { name: client, port: 9092, targetPort: client }
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: kafka }
spec:
  maxUnavailable: 1
  selector:
    matchExpressions: [{ key: app, operator: In, values: [kafka] }]
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: kafka-config }
spec:
  accessModes: [ReadWriteMany]
  storageClassName: ''
  resources: { requests: { storage: 1Gi } }
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: { name: fast }
provisioner: pd.csi.storage.gke.io
reclaimPolicy: Retain
---
apiVersion: v1
kind: ConfigMap
metadata: { name: settings }
---
services:
  compose: { image: not-kubernetes }
`;

test('extracts one entry per Kubernetes object, with its category', () => {
  const facts = extractFacts(parseFile('file:///ws/kafka.yaml', 1, manifests));
  assert.deepEqual(
    facts.entries.map((entry) => [
      entry.typed.category,
      entry.typed.facts.kind,
      entry.explicitNamespace,
    ]),
    [
      ['workload', 'StatefulSet', 'streaming'],
      ['service', 'Service', undefined],
      ['pdb', 'PodDisruptionBudget', undefined],
      ['claim', 'PersistentVolumeClaim', undefined],
      ['storageClass', 'StorageClass', undefined],
      ['configMap', 'ConfigMap', undefined],
    ],
  );
  assert.equal(facts.entries[4]!.clusterScoped, true);
  assert.equal(facts.kustomizationNamespace, undefined);
});

test('workload facts carry replicas, labels, claims, templates and containers', () => {
  const [entry] = extractFacts(parseFile('file:///ws/kafka.yaml', 1, manifests)).entries;
  assert.equal(entry!.typed.category, 'workload');
  const workload = entry!.typed.category === 'workload' ? entry!.typed.facts : undefined;
  assert.equal(workload?.replicas, 3);
  assert.equal(workload?.serviceName, 'kafka-headless');
  assert.deepEqual(workload?.podLabels, { app: 'kafka', tier: 'data' });
  assert.deepEqual(workload?.selector?.matchLabels, { app: 'kafka' });
  assert.deepEqual(
    workload?.claims.map((claim) => [claim.volumeName, claim.claimName]),
    [['config', 'kafka-config']],
  );
  assert.deepEqual(
    workload?.claimTemplates.map((template) => [
      template.name,
      template.accessModes,
      template.storageClassName,
      template.storageRequest,
    ]),
    [['data', ['ReadWriteOnce'], 'fast', '10Gi']],
  );
  assert.deepEqual(
    workload?.containers.map((container) => [container.name, container.init, container.image]),
    [
      ['kafka', false, 'apache/kafka:3.8.0'],
      ['init', true, 'busybox:1.36'],
    ],
  );
  assert.deepEqual(workload?.containers[0]?.env, [
    { name: 'KAFKA_NODE_ID', value: '1' },
    { name: 'POD_NAME' },
  ]);
  assert.deepEqual(workload?.containers[0]?.ports, [{ name: 'client', containerPort: 9092 }]);
  assert.deepEqual(workload?.nameRange.start, { line: 3, character: 8 });
});

test('service, budget, claim and class facts', () => {
  const entries = extractFacts(parseFile('file:///ws/kafka.yaml', 1, manifests)).entries;
  const facts = entries.map((entry) => entry.typed);
  const service = facts[1]!.category === 'service' ? facts[1]!.facts : undefined;
  assert.equal(service?.clusterIP, 'None');
  assert.equal(service?.type, 'ClusterIP');
  assert.equal(service?.publishNotReadyAddresses, true);
  assert.deepEqual(service?.selector, { app: 'kafka' });
  assert.deepEqual(service?.ports, [{ name: 'client', port: 9092, targetPort: 'client' }]);
  const pdb = facts[2]!.category === 'pdb' ? facts[2]!.facts : undefined;
  assert.equal(pdb?.maxUnavailable, 1);
  assert.equal(pdb?.selector?.matchExpressions[0]?.operator, 'In');
  const claim = facts[3]!.category === 'claim' ? facts[3]!.facts : undefined;
  // An explicit empty class means "no class", which differs from leaving it out.
  assert.equal(claim?.storageClassName, '');
  assert.deepEqual(claim?.accessModes, ['ReadWriteMany']);
  const storageClass = facts[4]!.category === 'storageClass' ? facts[4]!.facts : undefined;
  assert.equal(storageClass?.reclaimPolicy, 'Retain');
});

test('a kustomization contributes its namespace', () => {
  assert.equal(isKustomizationUri('file:///ws/app/kustomization.yaml'), true);
  assert.equal(isKustomizationUri('file:///ws/app/kustomization-notes.yaml'), false);
  const facts = extractFacts(
    parseFile(
      'file:///ws/app/kustomization.yaml',
      1,
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: shop\nresources: [web.yaml]\n',
    ),
  );
  assert.equal(facts.kustomizationNamespace, 'shop');
});

test('facts of documents an edit moved or left alone equal a fresh extraction', () => {
  const text = [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  clusterIP: None\n  selector:\n    app: db\n',
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  selector:\n    matchLabels:\n      app: db\n  template:\n    metadata:\n      labels:\n        app: db\n    spec:\n      containers:\n        - name: db\n          image: postgres\n',
    'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: db\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: db\n',
  ].join('---\n');
  const uri = 'file:///w/db.yaml';
  const first = parseFile(uri, 1, text);
  extractFacts(first);
  const edits = [
    text.replace('clusterIP: None\n', 'clusterIP: None\n  type: ClusterIP\n'),
    text.replace('apiVersion: v1\nkind: Service', '# a comment\n\napiVersion: v1\nkind: Service'),
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n---\n${text}`,
  ];
  for (const edited of edits) {
    const next = parseFile(uri, 2, edited, first);
    assert.deepEqual(extractFacts(next), extractFacts(parseFile(uri, 2, edited)));
  }
});

test('a ConfigMap keeps its configuration files (properties, zoo.cfg, scripts) with their lines', () => {
  const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: broker-config
data:
  init.sh: |
    ZONE=$(kubectl get node "$NODE_NAME" -o=go-template='{{index .metadata.labels "zone"}}')
  server.properties: |
    broker.id=0
    log.dirs=/data
  dashboard.json: '{}'
`;
  const facts = extractFacts(parseFile('file:///w/cm.yaml', 1, text));
  const entry = facts.entries[0]!.typed;
  assert.equal(entry.category, 'configMap');
  assert.ok(entry.category === 'configMap');
  assert.deepEqual(
    entry.facts.files.map((file) => [file.key, file.valueLine]),
    [
      ['init.sh', 6],
      ['server.properties', 8],
    ],
  );
  assert.match(entry.facts.files[1]!.text, /^broker\.id=0\n/);
});

test('a custom resource keeps the pod labels its operator puts on the pods it creates', () => {
  const text = `apiVersion: monitoring.coreos.com/v1
kind: Prometheus
metadata:
  name: k8s
spec:
  podMetadata:
    labels: { app.kubernetes.io/name: prometheus }
---
apiVersion: kafka.strimzi.io/v1beta2
kind: Kafka
metadata:
  name: my-cluster
spec:
  kafka:
    template:
      pod:
        metadata:
          labels: { team: payments }
---
apiVersion: snapshot.storage.k8s.io/v1
kind: VolumeSnapshot
metadata:
  name: snap
`;
  const facts = extractFacts(parseFile('file:///w/cr.yaml', 1, text));
  assert.deepEqual(
    facts.entries.map((entry) => [
      entry.typed.category,
      entry.typed.category === 'customResource' || entry.typed.category === 'strimzi'
        ? entry.typed.facts.podLabelSets
        : undefined,
    ]),
    [
      ['customResource', [{ 'app.kubernetes.io/name': 'prometheus' }]],
      ['strimzi', [{ team: 'payments' }]],
      ['object', undefined],
    ],
  );
});
