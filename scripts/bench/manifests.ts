// Realistic Kubernetes manifests for the benchmark inputs: one function per kind, each returning
// the lines of one YAML document. Choices come from the seeded Random, so output is reproducible.
import type { Random } from './prng';

/** What the documents of one application share: names, labels, namespace, storage. */
export interface App {
  readonly name: string;
  readonly namespace: string;
  readonly team: string;
  readonly storageClass: string;
  /** The Service that governs a StatefulSet; its own name unless it joins a shared one. */
  readonly serviceName: string;
  /** Labels the Service and the PodDisruptionBudget select on. */
  readonly selector: Readonly<Record<string, string>>;
}

export const storageClassNames = ['fast-ssd', 'standard-hdd', 'gp3-encrypted', 'zonal-nvme'];

const images = [
  ['postgres', '16.4', 5432],
  ['redis', '7.4-alpine', 6379],
  ['mysql', '8.4', 3306],
  ['mongo', '7.0', 27017],
  ['rabbitmq', '3.13-management', 5672],
  ['elasticsearch', '8.15.0', 9200],
  ['nginx', '1.27', 8080],
  ['grafana/grafana', '11.2.0', 3000],
] as const;

const provisioners = [
  ['ebs.csi.aws.com', ['type: gp3', 'encrypted: "true"', 'iops: "3000"']],
  ['pd.csi.storage.gke.io', ['type: pd-ssd', 'replication-type: none']],
  ['disk.csi.azure.com', ['skuName: Premium_LRS', 'cachingMode: ReadOnly']],
  ['rancher.io/local-path', []],
] as const;

/**
 * Rarely, a document carries one of the mistakes people make, so diagnostics have something to
 * report (the inputs stay mostly valid, like a real repository).
 */
const flawRate = 0.03;

function labelLines(indent: string, labels: Readonly<Record<string, string>>): string[] {
  return Object.entries(labels).map(([key, value]) => `${indent}${key}: ${value}`);
}

function metadata(app: App, name: string, kindLabel: string): string[] {
  return [
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${app.namespace}`,
    '  labels:',
    `    app.kubernetes.io/name: ${app.name}`,
    `    app.kubernetes.io/component: ${kindLabel}`,
    `    app.kubernetes.io/part-of: ${app.team}`,
  ];
}

function container(random: Random, app: App, indent: string, stateful: boolean): string[] {
  const [image, tag, port] = random.pick(images);
  const memory = random.pick(['256Mi', '512Mi', '1Gi', '2Gi']);
  const cpu = random.pick(['100m', '250m', '500m', '1']);
  const envCount = random.int(1, 4);
  const env: string[] = [];
  for (let i = 0; i < envCount; i++) {
    env.push(
      `${indent}    - name: ${random.pick(['LOG_LEVEL', 'TZ', 'MAX_CONNECTIONS', 'CACHE_SIZE'])}_${i}`,
      `${indent}      value: "${random.pick(['info', 'UTC', '200', '64'])}"`,
    );
  }
  const flawed = random.chance(flawRate);
  const probe = (kind: string, delay: number): string[] => [
    `${indent}  ${kind}:`,
    `${indent}    tcpSocket:`,
    `${indent}      port: ${port}`,
    `${indent}    initialDelaySeconds: ${delay}`,
    `${indent}    periodSeconds: 10`,
  ];
  return [
    `${indent}- name: ${app.name}`,
    `${indent}  image: ${image}:${tag}`,
    `${indent}  imagePullPolicy: ${flawed ? 'Sometimes' : random.pick(['IfNotPresent', 'Always'])}`,
    `${indent}  securityContext:`,
    `${indent}    allowPrivilegeEscalation: false`,
    `${indent}    readOnlyRootFilesystem: true`,
    `${indent}  ports:`,
    `${indent}    - name: main`,
    `${indent}      containerPort: ${port}`,
    `${indent}      protocol: TCP`,
    `${indent}  env:`,
    ...env,
    `${indent}  resources:`,
    `${indent}    requests:`,
    `${indent}      cpu: ${cpu}`,
    `${indent}      memory: ${memory}`,
    `${indent}    limits:`,
    `${indent}      memory: ${memory}`,
    ...probe('readinessProbe', 5),
    ...probe('livenessProbe', 30),
    `${indent}  volumeMounts:`,
    `${indent}    - name: ${stateful ? 'data' : 'cache'}`,
    `${indent}      mountPath: /var/lib/${app.name}`,
    `${indent}    - name: config`,
    `${indent}      mountPath: /etc/${app.name}`,
    `${indent}      readOnly: true`,
  ];
}

function podTemplate(random: Random, app: App, stateful: boolean): string[] {
  return [
    '  template:',
    '    metadata:',
    '      labels:',
    ...labelLines('        ', app.selector),
    '      annotations:',
    `        prometheus.io/scrape: "${random.pick(['true', 'false'])}"`,
    '    spec:',
    `      terminationGracePeriodSeconds: ${random.pick([30, 60, 120])}`,
    '      securityContext:',
    '        runAsNonRoot: true',
    `        fsGroup: ${random.pick([999, 1000, 1001])}`,
    '      affinity:',
    '        podAntiAffinity:',
    '          preferredDuringSchedulingIgnoredDuringExecution:',
    '            - weight: 100',
    '              podAffinityTerm:',
    '                topologyKey: kubernetes.io/hostname',
    '                labelSelector:',
    '                  matchLabels:',
    ...labelLines('                    ', app.selector),
    '      containers:',
    ...container(random, app, '        ', stateful),
    '      volumes:',
    '        - name: config',
    '          configMap:',
    `            name: ${app.name}-config`,
    ...(stateful
      ? []
      : ['        - name: cache', '          emptyDir:', '            sizeLimit: 1Gi']),
  ];
}

export function statefulSet(random: Random, app: App, name = app.name): string[] {
  const storage = random.chance(flawRate) ? '10GB' : random.pick(['10Gi', '50Gi', '100Gi']);
  return [
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    ...metadata(app, name, 'database'),
    'spec:',
    `  serviceName: ${app.serviceName}`,
    `  replicas: ${random.pick([3, 3, 5])}`,
    `  podManagementPolicy: ${random.pick(['OrderedReady', 'Parallel'])}`,
    '  updateStrategy:',
    '    type: RollingUpdate',
    '  persistentVolumeClaimRetentionPolicy:',
    '    whenDeleted: Retain',
    `    whenScaled: ${random.pick(['Retain', 'Delete'])}`,
    '  selector:',
    '    matchLabels:',
    ...labelLines('      ', app.selector),
    ...podTemplate(random, app, true),
    '  volumeClaimTemplates:',
    '    - metadata:',
    '        name: data',
    '      spec:',
    '        accessModes:',
    '          - ReadWriteOnce',
    `        storageClassName: ${app.storageClass}`,
    '        resources:',
    '          requests:',
    `            storage: ${storage}`,
  ];
}

export function deployment(random: Random, app: App): string[] {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    ...metadata(app, app.name, 'web'),
    'spec:',
    `  replicas: ${random.pick([2, 3, 4])}`,
    '  strategy:',
    '    type: RollingUpdate',
    '    rollingUpdate:',
    '      maxUnavailable: 1',
    '      maxSurge: 25%',
    '  selector:',
    '    matchLabels:',
    ...labelLines('      ', app.selector),
    ...podTemplate(random, app, false),
  ];
}

export function service(random: Random, app: App, headless: boolean): string[] {
  const port = random.pick(images)[2];
  return [
    'apiVersion: v1',
    'kind: Service',
    ...metadata(app, app.serviceName, 'network'),
    'spec:',
    ...(headless
      ? ['  clusterIP: None', '  publishNotReadyAddresses: true']
      : ['  type: ClusterIP']),
    '  selector:',
    ...labelLines('    ', app.selector),
    '  ports:',
    '    - name: main',
    `      port: ${port}`,
    '      targetPort: main',
    '      protocol: TCP',
  ];
}

export function podDisruptionBudget(random: Random, app: App): string[] {
  return [
    'apiVersion: policy/v1',
    'kind: PodDisruptionBudget',
    ...metadata(app, `${app.name}-pdb`, 'availability'),
    'spec:',
    random.chance(0.5) ? '  maxUnavailable: 1' : '  minAvailable: 50%',
    '  selector:',
    '    matchLabels:',
    ...labelLines('      ', app.selector),
  ];
}

export function persistentVolumeClaim(random: Random, app: App): string[] {
  return [
    'apiVersion: v1',
    'kind: PersistentVolumeClaim',
    ...metadata(app, `${app.name}-backup`, 'backup'),
    'spec:',
    '  accessModes:',
    `    - ${random.pick(['ReadWriteOnce', 'ReadWriteMany'])}`,
    `  storageClassName: ${app.storageClass}`,
    '  volumeMode: Filesystem',
    '  resources:',
    '    requests:',
    `      storage: ${random.pick(['5Gi', '20Gi', '200Gi'])}`,
  ];
}

export function storageClass(random: Random, name: string): string[] {
  const [provisioner, parameters] = random.pick(provisioners);
  return [
    'apiVersion: storage.k8s.io/v1',
    'kind: StorageClass',
    'metadata:',
    `  name: ${name}`,
    `provisioner: ${provisioner}`,
    ...(parameters.length > 0 ? ['parameters:', ...parameters.map((line) => `  ${line}`)] : []),
    `reclaimPolicy: ${random.pick(['Retain', 'Delete'])}`,
    'volumeBindingMode: WaitForFirstConsumer',
    'allowVolumeExpansion: true',
  ];
}
