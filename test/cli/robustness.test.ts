// The CLI on input it cannot use: missing paths, binary files, FIFOs and devices, unreadable
// folders, oversized files, and scaffold targets that cannot be written. Each gives one clear
// message and the documented exit code, never a stack trace or a hang; nothing is half-written.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
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
import { cliPath, runCli } from '../support/run-cli';

const root = mkdtempSync(join(tmpdir(), 'kube-stateful-cli-robust-'));
// Others may enter the folder, so a CLI run as an unprivileged user reaches the cases inside.
chmodSync(root, 0o755);
const statefulSet = readFileSync(
  resolve(
    __dirname,
    '..',
    '..',
    '..',
    'test',
    'fixtures',
    'workspaces',
    'sts-service',
    'statefulset.yaml',
  ),
  'utf8',
);
/**
 * Root reads and writes whatever the permission bits say. As root, the permission cases run the
 * CLI as `nobody` through setpriv (util-linux). `nobody` may not reach the clone (a checkout in a
 * mode-700 folder, as `mktemp -d` and most home folders are), so those runs use a copy of the
 * self-contained bundle inside the test folder, which others may enter.
 */
const isRoot = process.getuid?.() === 0;
const unprivileged = ['--reuid=65534', '--regid=65534', '--clear-groups'];
let unprivilegedCli: string | undefined;

/** The CLI bundle copied where `nobody` can read it; fails clearly when `nobody` cannot run it. */
function cliForNobody(): string {
  if (unprivilegedCli === undefined) {
    const folder = join(root, '.cli');
    mkdirSync(folder);
    unprivilegedCli = join(folder, 'cli.js');
    copyFileSync(cliPath, unprivilegedCli);
    chmodSync(unprivilegedCli, 0o644);
    const probe = spawnSync(
      'setpriv',
      [...unprivileged, process.execPath, unprivilegedCli, '--help'],
      { cwd: root, encoding: 'utf8' },
    );
    assert.equal(
      probe.status,
      0,
      `as root, these cases run the CLI as nobody (setpriv from util-linux), and nobody must ` +
        `reach ${process.execPath} and ${root}: ${probe.error?.message ?? probe.stderr}`,
    );
  }
  return unprivilegedCli;
}

function runCliUnprivileged(args: readonly string[]): ReturnType<typeof runCli> {
  if (!isRoot) {
    return runCli(args, root);
  }
  const result = spawnSync(
    'setpriv',
    [...unprivileged, process.execPath, cliForNobody(), ...args],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

after(() => {
  chmodSync(root, 0o755);
  rmSync(root, { recursive: true, force: true });
});

function lint(...paths: string[]): ReturnType<typeof runCli> {
  return runCli(['lint', ...paths], root);
}

function assertClearFailure(result: ReturnType<typeof runCli>, pattern: RegExp): void {
  assert.equal(result.status, 2, result.stderr);
  assert.match(result.stderr, pattern);
  assert.doesNotMatch(result.stderr, /internal error|\n\s+at /, 'no stack trace');
  assert.equal(result.stderr.trim().split('\n').length, 1, 'one line');
}

test('a missing path is unreadable input', () => {
  assertClearFailure(
    lint('missing.yaml'),
    /^kube-stateful lint: cannot read missing\.yaml: no such file or directory$/m,
  );
});

test('a binary file, alone or inside a scanned folder, is unreadable input', () => {
  const bytes = Buffer.alloc(4096);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = (i * 7919) % 256;
  }
  mkdirSync(join(root, 'binary'));
  writeFileSync(join(root, 'binary', 'junk.yaml'), bytes);
  assertClearFailure(
    lint('binary/junk.yaml'),
    /cannot read binary\/junk\.yaml: it contains NUL bytes, so it is a binary file/,
  );
  assertClearFailure(lint('binary'), /cannot read binary\/junk\.yaml: it contains NUL bytes/);
});

test('a UTF-16 file with a byte order mark is read like UTF-8', () => {
  writeFileSync(join(root, 'utf8.yaml'), statefulSet);
  writeFileSync(
    join(root, 'utf16le.yaml'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(statefulSet, 'utf16le')]),
  );
  const be = Buffer.from(statefulSet, 'utf16le');
  be.swap16();
  writeFileSync(join(root, 'utf16be.yaml'), Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
  const expected = lint('utf8.yaml').stdout;
  assert.match(expected, /sts-service-not-found/);
  for (const name of ['utf16le.yaml', 'utf16be.yaml']) {
    const result = lint(name);
    assert.equal(result.stdout, expected.replaceAll('utf8.yaml', name), name);
  }
});

test('a FIFO or a device is refused instead of read forever', () => {
  const fifo = join(root, 'pipe.yaml');
  if (spawnSync('mkfifo', [fifo]).status === 0) {
    assertClearFailure(lint('pipe.yaml'), /cannot read pipe\.yaml: not a regular file/);
    // Inside a folder the scanner never lists it.
    mkdirSync(join(root, 'with-fifo'));
    spawnSync('mkfifo', [join(root, 'with-fifo', 'pipe.yaml')]);
    writeFileSync(join(root, 'with-fifo', 'ok.yaml'), statefulSet);
    assert.match(lint('with-fifo').stdout, /with-fifo\/ok\.yaml:.*sts-service-not-found/);
  }
  if (existsSync('/dev/zero')) {
    assertClearFailure(lint('/dev/zero'), /cannot read \/dev\/zero: not a regular file/);
  }
});

test('an oversized file is reported as file-too-large and the run goes on', () => {
  const chunk = `${statefulSet}---\n`;
  writeFileSync(join(root, 'huge.yaml'), chunk.repeat(Math.ceil(20_000_000 / chunk.length)));
  writeFileSync(join(root, 'small.yaml'), statefulSet);
  const result = lint('huge.yaml', 'small.yaml');
  assert.equal(result.status, 0, result.stderr);
  assert.match(
    result.stdout,
    /^huge\.yaml:1:1 info file-too-large Skipped: the file has \d+ bytes, more than maxFileSize \(5000000\)\.$/m,
  );
  assert.match(result.stdout, /^small\.yaml:.*sts-service-not-found/m);
});

test('a folder or file without read permission is unreadable input', () => {
  const locked = join(root, 'locked');
  mkdirSync(locked);
  writeFileSync(join(locked, 'a.yaml'), statefulSet);
  chmodSync(locked, 0o000);
  try {
    assertClearFailure(
      runCliUnprivileged(['lint', 'locked']),
      /cannot read locked: permission denied/,
    );
    writeFileSync(join(root, 'secret.yaml'), statefulSet);
    chmodSync(join(root, 'secret.yaml'), 0o000);
    assertClearFailure(
      runCliUnprivileged(['lint', 'secret.yaml']),
      /cannot read secret\.yaml: permission denied/,
    );
  } finally {
    chmodSync(locked, 0o755);
  }
});

function scaffold(out: string, ...extra: string[]): ReturnType<typeof runCli> {
  return runCli(['scaffold', 'kafka-kraft', '--out', out, ...extra], root);
}

test('scaffold below a file gives a clear message and writes nothing', () => {
  writeFileSync(join(root, 'plain-file'), '');
  const result = scaffold('plain-file/out');
  assert.equal(result.status, 2);
  assert.match(
    result.stderr,
    /^kube-stateful scaffold: cannot write to .*plain-file\/out: a part of the path is a file, not a folder\. Nothing was written\.$/m,
  );
  assert.doesNotMatch(result.stderr, /\n\s+at /);
});

test('scaffold --force with a folder in the way of one file writes none of them', () => {
  mkdirSync(join(root, 'blocked', 'kafka-statefulset.yaml'), { recursive: true });
  const result = scaffold('blocked', '--force');
  assert.equal(result.status, 2);
  assert.match(
    result.stderr,
    /kafka-statefulset\.yaml exists and is not a file\. Nothing was written\./,
  );
  assert.deepEqual(readdirSync(join(root, 'blocked')), ['kafka-statefulset.yaml']);
});

test('scaffold into a folder without write permission writes nothing', () => {
  const readOnly = join(root, 'read-only');
  mkdirSync(readOnly);
  chmodSync(readOnly, 0o555);
  try {
    const result = runCliUnprivileged(['scaffold', 'kafka-kraft', '--out', 'read-only/kafka']);
    assert.equal(result.status, 2);
    assert.match(
      result.stderr,
      /cannot write to .*read-only\/kafka: permission denied\. Nothing was written\./,
    );
    assert.deepEqual(readdirSync(readOnly), []);
  } finally {
    chmodSync(readOnly, 0o755);
  }
});
