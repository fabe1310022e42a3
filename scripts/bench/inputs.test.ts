// Unit tests for the deterministic input generator: the same seed gives the same text, and the
// inputs have the advertised shape (documents, lines, files, the shared Service's dependents).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { generateLargeFile, generateWorkspace, sharedService } from './inputs';
import { splitCommand } from './lsp-driver';
import { createRandom } from './prng';

const lineCount = (text: string): number => text.split('\n').length - 1;

test('the random source is determined by its seed', () => {
  const draw = (seed: number): number[] => {
    const random = createRandom(seed);
    return Array.from({ length: 5 }, () => random.int(0, 1000));
  };
  assert.deepEqual(draw(7), draw(7));
  assert.notDeepEqual(draw(7), draw(8));
});

test('the same seed gives the same large file, another seed a different one', () => {
  assert.equal(generateLargeFile(1), generateLargeFile(1));
  assert.notEqual(generateLargeFile(1), generateLargeFile(2));
});

test('the large file has 200 parseable documents of the six kinds and about 8,300 lines', () => {
  for (const seed of [1, 2, 3]) {
    const text = generateLargeFile(seed);
    const documents = parseAllDocuments(text);
    assert.ok(Array.isArray(documents));
    assert.equal(documents.length, 200);
    assert.deepEqual(
      documents.flatMap((document) => document.errors),
      [],
    );
    const lines = lineCount(text);
    assert.ok(lines > 7_900 && lines < 8_700, `seed ${seed}: ${lines} lines`);
    const kinds = new Set(documents.map((document) => String(document.get('kind'))));
    assert.deepEqual([...kinds].sort(), [
      'Deployment',
      'PersistentVolumeClaim',
      'PodDisruptionBudget',
      'Service',
      'StatefulSet',
      'StorageClass',
    ]);
  }
  assert.equal(lineCount(generateLargeFile(1)), 8_343);
});

test('the workspace has 2,000 distinct files and 50 StatefulSets governed by the shared Service', () => {
  const workspace = generateWorkspace(1);
  assert.deepEqual(generateWorkspace(1), workspace);
  assert.equal(workspace.files.length, 2_000);
  assert.equal(new Set(workspace.files.map((file) => file.path)).size, 2_000);
  const namespaces = new Set(
    workspace.files.flatMap((file) =>
      [...file.text.matchAll(/^ {2}namespace: (.+)$/gm)].map((m) => m[1]),
    ),
  );
  assert.ok(namespaces.size > 10, `${namespaces.size} namespaces`);
  assert.equal(workspace.dependentPaths.length, 50);
  for (const path of workspace.dependentPaths) {
    const text = workspace.files.find((file) => file.path === path)!.text;
    assert.match(text, /^kind: StatefulSet$/m);
    assert.match(text, new RegExp(`^ {2}serviceName: ${sharedService.name}$`, 'm'));
    assert.match(text, new RegExp(`^ {2}namespace: ${sharedService.namespace}$`, 'm'));
  }
  const service = workspace.files.find((file) => file.path === workspace.servicePath)!.text;
  assert.match(service, /^ {2}clusterIP: None\n {2}publishNotReadyAddresses: true\n/m);
});

test('a server command line splits into argv with quotes kept together', () => {
  assert.deepEqual(splitCommand('node dist/server.js --stdio'), [
    'node',
    'dist/server.js',
    '--stdio',
  ]);
  assert.deepEqual(splitCommand(`"/opt/my server/bin" --flag 'a b'`), [
    '/opt/my server/bin',
    '--flag',
    'a b',
  ]);
});
