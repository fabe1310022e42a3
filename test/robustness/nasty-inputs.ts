// The corpus of hostile inputs the robustness tests feed to every layer: malformed YAML, odd
// encodings, pathological nesting, alias bombs, huge lines and type-confused manifests. All of
// it is generated from a seeded PRNG, so every run sees exactly the same inputs.

/** A small seeded PRNG (mulberry32): deterministic, fast, good enough for fuzzing. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface NastyInput {
  readonly name: string;
  readonly text: string;
}

/** A realistic multi-document manifest set that exercises most rules and the cross-object index. */
export const baseManifest = `apiVersion: v1
kind: Service
metadata:
  name: kafka-headless
  namespace: data
  labels: { app: kafka }
spec:
  clusterIP: None
  selector:
    app: kafka
  ports:
    - name: broker
      port: 9092
      targetPort: broker
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: kafka
  namespace: data
  annotations:
    kube-stateful.io/ignore: "probe-identical"
spec:
  serviceName: kafka-headless
  replicas: 3
  podManagementPolicy: Parallel
  selector:
    matchLabels: &labels
      app: kafka
  template:
    metadata:
      labels: *labels
    spec:
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            - topologyKey: kubernetes.io/hostname
              labelSelector:
                matchExpressions:
                  - { key: app, operator: In, values: [kafka] }
      containers:
        - name: kafka
          image: apache/kafka:3.9.0
          ports:
            - { name: broker, containerPort: 9092 }
          env:
            - name: KAFKA_ZOOKEEPER_CONNECT
              value: zk-0.zk-hs.data.svc:2181,zk-1.zk-hs.data.svc:2181
            - name: KAFKA_DEFAULT_REPLICATION_FACTOR
              value: "1"
            - name: KAFKA_BROKER_ID
              value: "0"
          readinessProbe: &probe
            tcpSocket: { port: broker }
            periodSeconds: 10
          livenessProbe: *probe
          resources:
            requests: { cpu: 500m, memory: 1Gi }
            limits: { cpu: "2", memory: 512Mi }
          volumeMounts:
            - { name: data, mountPath: /var/lib/kafka }
            - { name: missing, mountPath: /logs }
      volumes:
        - name: host
          hostPath: { path: /var/run/docker.sock }
  volumeClaimTemplates:
    - metadata: { name: data }
      spec:
        accessModes: [ReadWriteOnce]
        storageClassName: fast
        resources:
          requests:
            storage: 10Gi
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: kafka, namespace: data }
spec:
  minAvailable: 100%
  maxUnavailable: 1
  selector: { matchLabels: { app: kafka } }
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
provisioner: kubernetes.io/aws-ebs
reclaimPolicy: Delete
parameters: { type: gp3 }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: shared, namespace: data }
spec:
  accessModes: [ReadWriteOnce]
  resources: { requests: { storage: 10GB } }
---
apiVersion: apps/v1beta1
kind: Deployment
metadata:
  name: web
  labels: { "bad key!": yes }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: other } }
    spec:
      containers:
        - name: web
          image: nginx
          readinessProbe: { httpGet: { port: http, path: / } }
`;

/** Values that break the type every rule expects somewhere. */
const confusingValues = [
  '5',
  '-1',
  '"x"',
  "''",
  '[]',
  '{}',
  '[1, {a: b}, [c]]',
  '{a: [b], c: {d: e}}',
  'null',
  '~',
  'true',
  'yes',
  '*labels',
  '*nowhere',
  '!!binary aGVsbG8=',
  '2001-12-14t21:59:43.10-05:00',
  '1e400',
  '.nan',
  '0x1F',
  '{{ .Values.x }}',
];

const deepFlowSequence = '['.repeat(10_000) + ']'.repeat(10_000);

/** A billion-laughs alias bomb, placed where rules read labels and containers. */
function aliasBomb(): string {
  const lines = ['x0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let level = 1; level <= 9; level++) {
    const previous = `*x${level - 1}`;
    lines.push(`x${level}: &x${level} [${Array<string>(9).fill(previous).join(', ')}]`);
  }
  return lines.join('\n');
}

/**
 * A StatefulSet whose labels, selector, probes, env, resources and volumes nest just under the
 * parser's limit, so every recursive walker (schema walk, probe comparison, label reading,
 * suppression, fact extraction) meets the model's full 200 levels.
 */
function deepValuesWhereRulesLook(): string {
  const list = '['.repeat(240) + 'x' + ']'.repeat(240);
  const map = '{a: '.repeat(240) + '1' + '}'.repeat(240);
  return [
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    `metadata: {name: s, labels: {a: ${list}}, annotations: ${map}}`,
    'spec:',
    '  replicas: 2',
    `  selector: {matchLabels: ${map}, matchExpressions: ${list}}`,
    '  template:',
    `    metadata: {labels: ${map}}`,
    '    spec:',
    `      affinity: {podAntiAffinity: ${map}}`,
    `      topologySpreadConstraints: ${list}`,
    '      containers:',
    '        - name: c',
    `          readinessProbe: {exec: {command: ${list}}}`,
    `          livenessProbe: {exec: {command: ${list}}}`,
    `          env: ${list}`,
    `          resources: {limits: ${map}, requests: ${map}}`,
    `          volumeMounts: ${list}`,
    `      volumes: ${list}`,
    `  volumeClaimTemplates: ${list}`,
    '',
  ].join('\n');
}

/** Bytes 0–255 (NUL, control characters, lone UTF-8 continuation bytes read as Latin-1). */
function binaryJunk(random: () => number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) {
    text += String.fromCharCode(Math.floor(random() * 256));
  }
  return text;
}

/** Random UTF-16 code units, including lone surrogates. */
function utf16Junk(random: () => number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) {
    text += String.fromCharCode(Math.floor(random() * 0x10000));
  }
  return text;
}

const mutationPieces = [
  ':',
  ': ',
  '-',
  '- ',
  '{',
  '}',
  '[',
  ']',
  ',',
  '"',
  "'",
  '\t',
  '\n',
  '\r\n',
  '\r',
  '&a',
  '*a',
  '!',
  '!!str ',
  '|',
  '>-',
  '#',
  '%',
  '?',
  '? ',
  '@',
  '`',
  '---\n',
  '...\n',
  '<<: *a',
  '\0',
  '\uFEFF',
  '\uD800',
  '\uDC00',
  '  ',
  '{{',
  '}}',
  '\\',
  '0x1F',
  '.inf',
];

/** Small random edits of `text`: deletions, insertions of YAML punctuation, duplicated lines. */
function mutate(text: string, random: () => number, edits: number): string {
  let result = text;
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (result.length + 1));
    const choice = random();
    if (choice < 0.35) {
      result = result.slice(0, at) + result.slice(at + 1 + Math.floor(random() * 8));
    } else if (choice < 0.85) {
      const piece = mutationPieces[Math.floor(random() * mutationPieces.length)]!;
      result = result.slice(0, at) + piece + result.slice(at);
    } else {
      const lineStart = result.lastIndexOf('\n', at - 1) + 1;
      const lineEnd = result.indexOf('\n', at);
      const line = result.slice(lineStart, lineEnd === -1 ? result.length : lineEnd + 1);
      result = result.slice(0, lineStart) + line + result.slice(lineStart);
    }
  }
  return result;
}

/** The hand-written corpus: one entry per kind of trouble. Small enough to probe every offset. */
export function nastyInputs(): NastyInput[] {
  const random = createRandom(0x5eed);
  const sts = baseManifest.split('---\n')[1]!;
  const inputs: NastyInput[] = [
    { name: 'empty', text: '' },
    { name: 'newline only', text: '\n' },
    { name: 'spaces only', text: '   ' },
    { name: 'only comments', text: '# one\n# two\n  # three' },
    { name: 'lone marker', text: '---' },
    { name: 'empty kind and apiVersion', text: 'apiVersion: ""\nkind: ""\nmetadata:\n' },
    {
      name: 'unclosed flow collections',
      text: 'apiVersion: v1\nkind: Pod\nspec: {containers: [{name: a, image: [b\n  ports: {\n',
    },
    {
      name: 'unclosed quotes',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "web\n  labels: {a: \'b}\n',
    },
    {
      name: 'tabs as indentation',
      text: sts.replace(/^( {2})+/gm, (m) => '\t'.repeat(m.length / 2)),
    },
    { name: 'tabs after keys', text: sts.replace(/: /g, ':\t') },
    { name: 'CRLF', text: baseManifest.replace(/\n/g, '\r\n') },
    { name: 'lone CR', text: baseManifest.replace(/\n/g, '\r') },
    { name: 'mixed line ends', text: sts.replace(/\n/g, () => (random() < 0.5 ? '\r\n' : '\r')) },
    { name: 'BOM', text: '\uFEFF' + sts },
    { name: 'BOM in the middle', text: sts.replace('spec:', '\uFEFFspec:') },
    { name: 'NUL bytes', text: sts.replace(/a/g, 'a\0') },
    { name: 'binary junk', text: binaryJunk(random, 3000) },
    { name: 'binary junk after a manifest', text: sts + binaryJunk(random, 500) },
    { name: 'random UTF-16', text: utf16Junk(random, 2000) },
    {
      name: 'lone surrogates',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\uD800b\n  labels: {\uDC00: x}\n',
    },
    { name: 'alias bomb', text: aliasBomb() },
    {
      name: 'alias bomb in a StatefulSet',
      text: `${aliasBomb()}\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: s, labels: *x9}\nspec:\n  replicas: *x9\n  selector: {matchLabels: *x9}\n  template:\n    metadata: {labels: *x9}\n    spec: {containers: *x9, volumes: *x9}\n  volumeClaimTemplates: *x9\n`,
    },
    {
      name: 'merge keys with aliases to non-maps',
      text: 'apiVersion: v1\nkind: Service\nbase: &b [1, 2]\nname: &n web\nmetadata:\n  <<: *b\n  <<: [*n, *b]\n  <<: *missing\n  name: web\nspec:\n  <<: *n\n  selector: {<<: *b}\n',
    },
    {
      name: 'recursive-looking aliases',
      text: 'apiVersion: v1\nkind: Pod\nmetadata: &m\n  name: a\n  labels: *m\nspec: &s\n  containers: [*s]\n',
    },
    {
      name: 'duplicate anchors',
      text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: &x {name: a}\ndata: &x {k: v}\nother: *x\n',
    },
    {
      name: 'weird block scalars',
      text: 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: |2-\n     x\n   y\n  z\n  b: >+\n\n  c: |0\n  d: |10\n x\n  e: |-\n\t\ttab\n  f: >\n',
    },
    {
      name: 'document markers everywhere',
      text: '---\n...\n---\n--- ---\n...\n---a: 1\n--- |\n  x\n...\n---\napiVersion: v1\nkind: Pod\n... # end\n---\n---',
    },
    {
      name: 'directives',
      text: '%YAML 1.1\n%TAG !k! tag:k8s.io,2024:\n---\napiVersion: v1\nkind: Pod\nmetadata: !k!meta {name: a}\n---\n%YAML 2.0\nkind: Pod\n',
    },
    {
      name: 'helm templates',
      text: '{{- if .Values.enabled }}\napiVersion: {{ .Values.v }}\nkind: StatefulSet\nspec:\n  replicas: {{ .Values.n }}\n{{- end }}\n---\napiVersion: v1\nkind: Service\nmetadata: { name: {{ include "x" . }} }\n',
    },
    {
      name: 'keys that are collections',
      text: 'apiVersion: v1\nkind: ConfigMap\n? [a, b]\n: c\n? {x: y}\n: z\n[a, b]: c\n{a: 1}: 2\nmetadata:\n  ? [labels]\n  : {a: b}\n  ? - name\n  : x\ndata:\n  ? |\n    block key\n  : v\n',
    },
    {
      name: 'odd numbers',
      text: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: 0x1F}\nspec:\n  replicas: 1e400\n  minReadySeconds: .inf\n  revisionHistoryLimit: -.inf\n  ordinals: {start: .nan}\n  template:\n    spec:\n      terminationGracePeriodSeconds: 0o17\n      containers:\n        - name: 1_000\n          ports: [{containerPort: 0x1F}, {containerPort: 99999999999999999999}]\n          resources: {requests: {cpu: 1e400, memory: -.inf}}\n',
    },
    {
      name: 'type-confused StatefulSet',
      text: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: [name]\nspec:\n  replicas: {}\n  selector: [app]\n  serviceName: [a]\n  template: x\n  volumeClaimTemplates: {metadata: 1}\n---\napiVersion: v1\nkind: Service\nmetadata: 7\nspec: [selector]\n',
    },
    {
      name: 'kind and apiVersion as collections',
      text: 'apiVersion: [v1]\nkind: {Pod: 1}\n---\napiVersion: *a\nkind: !!binary aGk=\n---\napiVersion: 1.5\nkind: 7\n',
    },
    {
      name: 'long single line',
      text: `apiVersion: v1\nkind: ConfigMap\ndata:\n  blob: ${'a'.repeat(1_000_000)}\n`,
    },
    {
      name: 'long flow line',
      text: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, labels: {${Array.from({ length: 20_000 }, (_, i) => `k${i}: v`).join(', ')}}}\n`,
    },
    { name: 'deep flow sequence', text: deepFlowSequence },
    { name: 'deep unclosed flow sequence', text: '['.repeat(10_000) },
    {
      name: 'deep flow maps under a manifest',
      text: `apiVersion: v1\nkind: ConfigMap\ndata:\n  x: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`,
    },
    {
      name: 'deep block maps',
      text:
        'apiVersion: v1\nkind: Pod\nspec:\n' +
        Array.from({ length: 600 }, (_, i) => `${' '.repeat(i + 2)}a:`).join('\n') +
        ' 1\n',
    },
    { name: 'deep block sequence', text: '- '.repeat(10_000) + 'x\n' },
    {
      name: 'nesting just under the parse limit',
      text: `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      args: ${'['.repeat(250)}x${']'.repeat(250)}\n  extra: ${'{a: '.repeat(250)}1${'}'.repeat(250)}\n`,
    },
    {
      name: 'deep values where rules look',
      text: deepValuesWhereRulesLook(),
    },
    {
      name: 'deep custom resource schema',
      text: `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: a.b.c}\nspec:\n  versions:\n    - name: v1\n      schema:\n        openAPIV3Schema: ${'{properties: {a: '.repeat(120)}{type: string}${'}}'.repeat(120)}\n`,
    },
    {
      name: 'suppression comments everywhere',
      text: `# kube-stateful-disable\n# kube-stateful-disable-next-line\n${sts.replace(/\n/g, '\n# kube-stateful-disable-next-line probe-missing, ,\n')}`,
    },
  ];
  for (let i = 0; i < 24; i++) {
    inputs.push({ name: `mutant ${i}`, text: mutate(baseManifest, random, 1 + (i % 12)) });
  }
  return inputs;
}

/**
 * The base manifest with one value replaced by a value of the wrong shape, for every value in
 * it: each rule meets a map where it expects a list, an alias where it expects a string, ….
 */
export function typeConfusedManifests(
  valueSpans: readonly (readonly [number, number])[],
): NastyInput[] {
  const random = createRandom(0xc0ffee);
  return valueSpans.map(([start, end], index) => {
    const value = confusingValues[Math.floor(random() * confusingValues.length)]!;
    return {
      name: `value ${index} (${baseManifest.slice(start, Math.min(end, start + 20))}…) := ${value}`,
      text: baseManifest.slice(0, start) + value + baseManifest.slice(end),
    };
  });
}
