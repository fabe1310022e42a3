// Runs the shipped CLI bundle (`node dist/cli.js scaffold …`) against temporary folders.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const cli = resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');
const root = mkdtempSync(join(tmpdir(), 'kube-stateful-scaffold-'));

after(() => rmSync(root, { recursive: true, force: true }));

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, 'scaffold', ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function snapshot(folder: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder).map((name) => [name, readFileSync(join(folder, name), 'utf8')]),
  );
}

test('writes the ZooKeeper variant with a kustomization into a new folder', () => {
  const out = join(root, 'zk', 'k8s', 'kafka');
  const result = run(
    'kafka-zookeeper',
    '--out',
    out,
    '--zookeeper-replicas',
    '5',
    '--brokers',
    '3',
  );
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /Wrote 11 files to /);
  const files = snapshot(out);
  assert.ok(files['kustomization.yaml']?.includes('- zookeeper-statefulset.yaml'));
  assert.match(files['zookeeper-statefulset.yaml'] ?? '', /replicas: 5\n/);
  assert.match(files['kafka-statefulset.yaml'] ?? '', /image: apache\/kafka:3\.9\./);
});

test('writes the KRaft variant with an existing StorageClass and warns about one broker', () => {
  const out = join(root, 'kraft');
  const result = run(
    'kafka-kraft',
    '--out',
    out,
    '--storage-class',
    'managed-csi-premium',
    '--brokers',
    '1',
  );
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stderr, /warning: 1 Kafka broker/);
  const files = snapshot(out);
  assert.equal(files['storage-class.yaml'], undefined);
  assert.match(
    files['kafka-controller-statefulset.yaml'] ?? '',
    /storageClassName: managed-csi-premium/,
  );
});

test('writes the Strimzi variant, whose output lints clean, and never overwrites', () => {
  const out = join(root, 'strimzi');
  const result = run(
    'kafka-strimzi',
    '--out',
    out,
    '--namespace',
    'streaming',
    '--storage-class',
    'gp3',
  );
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /Wrote 6 files to /);
  assert.match(result.stdout, /Main file: .*kafka\.yaml/);
  const files = snapshot(out);
  assert.match(files['kafka-broker-nodepool.yaml'] ?? '', /class: gp3\n/);
  assert.match(files['kafka.yaml'] ?? '', /^kind: Kafka$/m);
  // The written set, linted by the CLI as a workspace: nothing at all to report.
  const lint = spawnSync(
    process.execPath,
    [cli, 'lint', '--format', 'json', '--max-severity', 'hint', out],
    { encoding: 'utf8' },
  );
  assert.deepEqual(JSON.parse(lint.stdout).findings, []);
  assert.equal(lint.status, 0, lint.stderr);
  // Again into the same folder: refused, nothing changed.
  const again = run(
    'kafka-strimzi',
    '--out',
    out,
    '--namespace',
    'streaming',
    '--storage-class',
    'gp3',
  );
  assert.equal(again.status, 1);
  assert.deepEqual(snapshot(out), files);
});

test('refuses to overwrite without --force, writes nothing and leaves files byte-identical', () => {
  const out = join(root, 'existing');
  mkdirSync(out, { recursive: true });
  const mine = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: mine # hand-edited\n';
  writeFileSync(join(out, 'namespace.yaml'), mine);
  const result = run('kafka-kraft', '--out', out);
  assert.equal(result.status, 1);
  assert.match(
    result.stderr,
    /refusing to overwrite 1 existing file\(s\) .*namespace\.yaml\.\nNothing was written/,
  );
  assert.deepEqual(readdirSync(out), ['namespace.yaml']);
  assert.equal(readFileSync(join(out, 'namespace.yaml'), 'utf8'), mine);
});

test('--force overwrites existing files', () => {
  const out = join(root, 'forced');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'namespace.yaml'), 'old\n');
  const result = run('kafka-kraft', '--out', out, '--namespace', 'streaming', '--force');
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /replaced 1/);
  assert.match(readFileSync(join(out, 'namespace.yaml'), 'utf8'), /name: streaming\n/);
});

test('bad usage exits with 2 and a clear message, writing nothing', () => {
  const out = join(root, 'never');
  const cases: [string[], RegExp][] = [
    [['--out', out], /name a variant: kafka-zookeeper, kafka-kraft or kafka-strimzi/],
    [['kafka-zk', '--out', out], /unknown variant 'kafka-zk'/],
    [['kafka-kraft'], /--out DIR is required/],
    [['kafka-kraft', '--out', out, '--brokers', 'three'], /--brokers expects a whole number/],
    [['kafka-kraft', '--out', out, '--bogus'], /Unknown option '--bogus'/],
    [
      ['kafka-zookeeper', '--out', out, '--zookeeper-replicas', '4'],
      /--zookeeper-replicas: ZooKeeper replicas must be odd/,
    ],
    [
      ['kafka-zookeeper', '--out', out, '--kafka-image', 'apache/kafka:4.0.1'],
      /--kafka-image: Kafka 4\.0 cannot run with ZooKeeper/,
    ],
    [
      ['kafka-kraft', '--out', out, '--storage-class', 'x', '--storage-class-provider', 'aws'],
      /not both/,
    ],
    [['kafka-kraft', '--out', out, '--storage-class-provider', 'ibm'], /expects azure, aws or gce/],
    [
      ['kafka-kraft', '--out', out, '--anti-affinity', 'soft'],
      /--anti-affinity expects required or preferred/,
    ],
  ];
  for (const [args, message] of cases) {
    const result = run(...args);
    assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, message);
  }
  assert.ok(!existsSync(out));
});

test('--help prints the usage and exits 0', () => {
  const result = run('--help');
  assert.equal(result.status, 0);
  assert.match(
    result.stdout,
    /Usage: kube-stateful scaffold <kafka-zookeeper\|kafka-kraft\|kafka-strimzi> --out DIR/,
  );
});
