// The shipped server over stdio on hostile input: a 20 MB document, an alias bomb, binary junk,
// 10,000 levels of nesting, lone surrogates; and a workspace folder holding a huge file, a binary
// `.yaml`, an unreadable file, a FIFO, a device, broken symlinks and symlink loops. The server must
// answer every request, and still serve a normal document correctly afterwards.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { ServerStatus } from '../../server/src/protocol';
import type { TestClient } from '../support/lsp-client';
import { fileUri, startTestClient } from '../support/lsp-client';
import { waitUntil } from '../support/wait-until';

const fixture = resolve(
  __dirname,
  '..',
  '..',
  '..',
  'test',
  'fixtures',
  'workspaces',
  'sts-service',
);
const statefulSet = readFileSync(join(fixture, 'statefulset.yaml'), 'utf8');
const hugeText = `${statefulSet}---\n`.repeat(Math.ceil(20_000_000 / (statefulSet.length + 4)));

function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

function aliasBomb(): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let level = 1; level <= 9; level++) {
    lines.push(
      `a${level}: &a${level} [${Array<string>(9)
        .fill(`*a${level - 1}`)
        .join(', ')}]`,
    );
  }
  return `${statefulSet}---\n${lines.join('\n')}\napiVersion: v1\nkind: ConfigMap\ndata: *a9\n`;
}

function binaryJunk(): string {
  let text = '';
  for (let i = 0; i < 4096; i++) {
    text += String.fromCharCode((i * 7919) % 256);
  }
  return text;
}

/** A normal document the server must still serve correctly after each hostile one. */
async function assertStillServing(client: TestClient, label: string): Promise<void> {
  const uri = 'file:///robust/normal.yaml';
  await client.open(uri, statefulSet);
  const diagnostics = await client.pullDiagnostics(uri);
  assert.ok(
    diagnostics.some((diagnostic) => diagnostic.code === 'sts-service-not-found'),
    `${label}: ${JSON.stringify(diagnostics)}`,
  );
  const line = statefulSet.split('\n').findIndex((text) => text.startsWith('  replicas:'));
  const hover = await client.hover(uri, line, 4);
  assert.match(JSON.stringify(hover?.contents), /replicas/, label);
  const labels = (await client.completion(uri, line + 1, 2)).map((item) => item.label);
  assert.ok(labels.includes('podManagementPolicy'), `${label}: ${labels.join(', ')}`);
  await client.close(uri);
}

/** Diagnostics, completion and hover at a few places of a hostile document all answer. */
async function probe(client: TestClient, uri: string, text: string): Promise<void> {
  await client.pullDiagnostics(uri);
  const lines = text.split(/\r\n|\r|\n/);
  for (const line of [0, 1, Math.floor(lines.length / 2), lines.length - 1]) {
    const character = Math.min(lines[line]?.length ?? 0, 3);
    await client.completion(uri, line, character);
    await client.hover(uri, line, character);
  }
}

test('hostile documents are answered, and a normal one is served correctly after each', async () => {
  const client = await startTestClient();
  try {
    const huge = 'file:///robust/huge.yaml';
    await client.open(huge, hugeText);
    const diagnostics = await client.pullDiagnostics(huge);
    assert.deepEqual(
      diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]),
      [['file-too-large', DiagnosticSeverity.Information]],
    );
    assert.match(messageOf(diagnostics[0]!), /more than the kubeStateful\.maxFileSize setting/);
    assert.deepEqual(await client.completion(huge, 3, 2), []);
    assert.equal(await client.hover(huge, 3, 2), null);
    await assertStillServing(client, 'after the 20 MB file');
    // Shrinking it below the limit brings it back under validation, growing it skips it again.
    await client.change(huge, 2, statefulSet);
    assert.ok((await client.pullDiagnostics(huge)).some((d) => d.code === 'sts-service-not-found'));
    await client.change(huge, 3, hugeText);
    assert.deepEqual(
      (await client.pullDiagnostics(huge)).map((d) => d.code),
      ['file-too-large'],
    );
    await client.close(huge);

    const hostile: [string, string][] = [
      ['alias-bomb', aliasBomb()],
      ['binary', binaryJunk()],
      // Unclosed first: parsed in this order without the nesting guard, V8 once aborted.
      ['deep-unclosed', `${'['.repeat(10_000)}\n`],
      ['deep', `${statefulSet}---\n${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
      ['deep-maps', `${'{a: '.repeat(10_000)}\n`],
      ['surrogates', statefulSet.replace('name: db', 'name: d\uD800b\n  x\uDC00: 1')],
      ['crlf-bom', `\uFEFF${statefulSet.replace(/\n/g, '\r\n')}`],
    ];
    for (const [name, text] of hostile) {
      const uri = `file:///robust/${name}.yaml`;
      await client.open(uri, text);
      await probe(client, uri, text);
      await assertStillServing(client, `after ${name}`);
      await client.close(uri);
    }
    // The nesting guard reports the deep document instead of dying on it.
    const deep = 'file:///robust/deep-again.yaml';
    await client.open(deep, hostile[3]![1]);
    const deepDiagnostics = await client.pullDiagnostics(deep);
    assert.ok(
      deepDiagnostics.some(
        (d) => d.code === 'yaml-syntax' && /nests more than 256/.test(messageOf(d)),
      ),
      JSON.stringify(deepDiagnostics),
    );
  } finally {
    const stderr = client.stderr();
    await client.shutdown();
    assert.doesNotMatch(stderr, /FATAL|RangeError|Maximum call stack/, stderr);
  }
});

let root: string;
let client: TestClient;
let refreshes = 0;

const until = <T>(what: string, probeOnce: () => Promise<T | undefined>): Promise<T> =>
  waitUntil(what, probeOnce, { timeoutMs: 15000, intervalMs: 25, detail: () => client.stderr() });

/** Runs `mkfifo`; false where it is missing (the FIFO cases are then left out). */
function makeFifo(path: string): boolean {
  return spawnSync('mkfifo', [path]).status === 0;
}

describe('a workspace folder with files the index cannot use', () => {
  const nasty = ['huge.yaml', 'binary.yaml', 'unreadable.yaml', 'dangling.yaml', 'pipe.yaml'];

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'kube-stateful-robust-ws-'));
    cpSync(fixture, root, { recursive: true });
    writeFileSync(join(root, 'huge.yaml'), hugeText);
    writeFileSync(join(root, 'binary.yaml'), Buffer.from(binaryJunk(), 'latin1'));
    writeFileSync(join(root, 'unreadable.yaml'), statefulSet.replace('name: db', 'name: hidden'));
    chmodSync(join(root, 'unreadable.yaml'), 0o000);
    symlinkSync(join(root, 'nowhere.yaml'), join(root, 'dangling.yaml'));
    // Directory symlinks that loop: followed naively, the scan would never end.
    symlinkSync(root, join(root, 'loop'));
    mkdirSync(join(root, 'nested'));
    symlinkSync(join(root, 'nested'), join(root, 'nested', 'again'));
    makeFifo(join(root, 'pipe.yaml'));
    if (existsSync('/dev/zero')) {
      symlinkSync('/dev/zero', join(root, 'zero.yaml'));
    }
    client = await startTestClient({ rootPath: root });
    client.connection.onRequest('workspace/diagnostic/refresh', () => {
      refreshes++;
      return null;
    });
    await until('the initial index', async () => {
      const status = await client.request<ServerStatus>('kubeStateful/status', null);
      return status.indexing ? undefined : status;
    });
  });

  after(async () => {
    await client.shutdown();
    chmodSync(join(root, 'unreadable.yaml'), 0o644);
    rmSync(root, { recursive: true, force: true });
  });

  test('the index skips what it cannot use and still links the real manifests', async () => {
    const status = await client.request<ServerStatus>('kubeStateful/status', null);
    assert.equal(status.indexing, false);
    const uri = fileUri(join(root, 'statefulset.yaml'));
    await client.open(uri, statefulSet);
    const codes = (await client.pullDiagnostics(uri)).map((diagnostic) => diagnostic.code);
    assert.ok(codes.includes('sts-service-not-headless'), codes.join(', '));
    assert.ok(!codes.includes('sts-service-not-found'));
  });

  test('file events for the unusable files are handled, then later events still arrive', async () => {
    const events = [...nasty, 'zero.yaml', 'loop/statefulset.yaml', 'nested/again/x.yaml'].map(
      (name) => ({ uri: fileUri(join(root, name)), type: 2 }),
    );
    // The last event of the batch changes a file the open StatefulSet depends on; its refresh
    // shows the whole batch went through (a FIFO or /dev/zero read would have stalled it).
    const servicePath = join(root, 'service.yaml');
    writeFileSync(
      servicePath,
      readFileSync(servicePath, 'utf8').replace('spec:\n', 'spec:\n  clusterIP: None\n'),
    );
    const before = refreshes;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [...events, { uri: fileUri(servicePath), type: 2 }],
    });
    await until('the refresh after the batch', () =>
      Promise.resolve(refreshes > before ? true : undefined),
    );
    const uri = fileUri(join(root, 'statefulset.yaml'));
    const codes = (await client.pullDiagnostics(uri)).map((diagnostic) => diagnostic.code);
    assert.ok(!codes.includes('sts-service-not-headless'), codes.join(', '));
    assert.doesNotMatch(client.stderr(), /FATAL|heap out of memory/);
  });
});
