// Measures the workspace index on a generated workspace of 2,000 manifest files: time until the
// first scan ends, the slowest request answered meanwhile, and the server's resident memory.
// Run after `npm run build && npx tsc -p test`: node scripts/bench-index.mjs [fileCount]
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { startTestClient, fileUri } = require('../out/test/support/lsp-client.js');

const count = Number(process.argv[2] ?? 2000);
const root = mkdtempSync(join(tmpdir(), 'kube-stateful-bench-'));
const manifest = (i) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: kafka-${i}
spec:
  serviceName: kafka-${i}
  replicas: 3
  selector:
    matchLabels: { app: kafka-${i} }
  template:
    metadata:
      labels: { app: kafka-${i} }
    spec:
      containers:
        - name: kafka
          image: apache/kafka:3.8.0
          ports: [{ name: client, containerPort: 9092 }]
          readinessProbe: { tcpSocket: { port: client } }
          resources: { requests: { memory: 1Gi }, limits: { memory: 1Gi } }
  volumeClaimTemplates:
    - metadata: { name: data }
      spec:
        accessModes: [ReadWriteOnce]
        resources: { requests: { storage: 10Gi } }
---
apiVersion: v1
kind: Service
metadata:
  name: kafka-${i}
spec:
  clusterIP: None
  selector: { app: kafka-${i} }
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: kafka-${i}
spec:
  maxUnavailable: 1
  selector:
    matchLabels: { app: kafka-${i} }
`;
for (let i = 0; i < count; i++) {
  const folder = join(root, `team-${i % 50}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `kafka-${i}.yaml`), manifest(i));
}

const client = await startTestClient({ rootPath: root });
try {
  const started = Date.now();
  const path = join(root, 'team-0', 'kafka-0.yaml');
  await client.open(fileUri(path), readFileSync(path, 'utf8'));
  let slowest = 0;
  let status;
  do {
    const asked = Date.now();
    status = await client.request('kubeStateful/status', null);
    await client.pullDiagnostics(fileUri(path));
    slowest = Math.max(slowest, Date.now() - asked);
    await new Promise((resolve) => setTimeout(resolve, 10));
  } while (status.indexing || status.indexedFiles < count);
  const rss = execFileSync('ps', ['-o', 'rss=', '--ppid', String(process.pid)])
    .toString()
    .trim()
    .split(/\s+/)
    .map(Number);
  process.stdout.write(
    `${count} files indexed in ${Date.now() - started} ms; slowest request while indexing ` +
      `${slowest} ms; server RSS ${Math.round(Math.max(...rss) / 1024)} MB\n`,
  );
} finally {
  await client.shutdown();
  rmSync(root, { recursive: true, force: true });
}
