// The layer fences for relative imports (ESLint fences the packages): each folder of the server
// may import only the layers below it, and the client only the server files its tsconfig lists.
// A sideways edge (rules ↔ scaffold, say) fails here with the file and the import.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { repoFiles, repoRoot } from '../support/repo-files';

/** The layer of a file under server/src: its first folder, or the file itself at the top. */
function layerOf(path: string): string {
  const parts = path.split('/');
  return parts.length > 1 ? parts[0]! : parts[0]!.replace(/\.ts$/, '');
}

/** What each layer may import besides itself (see ARCHITECTURE.md, "Layers"). */
const allowed: Readonly<Record<string, readonly string[]>> = {
  protocol: [],
  model: [],
  schema: ['model'],
  kustomize: ['model'],
  rules: ['model', 'schema', 'protocol', 'kustomize'],
  scaffold: ['model', 'schema', 'protocol'],
  features: ['model', 'schema', 'rules', 'protocol', 'kustomize'],
  'workspace-index': ['model', 'schema', 'rules', 'protocol', 'kustomize'],
  // Runs the real kustomize for the CLI and the LSP glue (a child process, never in pure layers).
  'kustomize-run': ['model', 'schema', 'rules', 'kustomize', 'workspace-index', 'protocol'],
  lsp: [
    'model',
    'schema',
    'rules',
    'features',
    'scaffold',
    'workspace-index',
    'protocol',
    'kustomize',
    'kustomize-run',
  ],
  cli: [
    'model',
    'schema',
    'rules',
    'features',
    'scaffold',
    'workspace-index',
    'protocol',
    'kustomize',
    'kustomize-run',
  ],
  server: [
    'lsp',
    'model',
    'schema',
    'rules',
    'features',
    'scaffold',
    'workspace-index',
    'protocol',
  ],
  main: ['server', 'lsp', 'protocol'],
};

const importPattern = /(?:import|export)\s[^;]*?from\s+'(\.[^']*)'/g;

function relativeImports(file: string): string[] {
  return [...readFileSync(join(repoRoot, file), 'utf8').matchAll(importPattern)].map(
    (match) => match[1]!,
  );
}

test('server layers import only the layers below them', () => {
  const serverRoot = 'server/src';
  const files = repoFiles(serverRoot, '.ts').filter((file) => !file.endsWith('.test.ts'));
  assert.ok(files.length > 100, `${files.length} server files`);
  const edges: string[] = [];
  for (const file of files) {
    const from = layerOf(relative(serverRoot, file));
    const mayImport = allowed[from];
    for (const specifier of relativeImports(file)) {
      const target = normalize(join(dirname(file), specifier))
        .split('\\')
        .join('/');
      if (target === 'package.json') {
        continue; // The CLI reads its version from the package manifest.
      }
      if (!target.startsWith(`${serverRoot}/`)) {
        edges.push(`${file} imports ${specifier}, outside server/src`);
        continue;
      }
      const to = layerOf(target.slice(serverRoot.length + 1));
      if (to !== from && !mayImport?.includes(to)) {
        edges.push(`${file} (${from}) imports ${specifier} (${to})`);
      }
    }
  }
  assert.deepEqual(edges, [], 'imports against the layer order');
});

test('the client imports only the server files its tsconfig includes', () => {
  const included = new Set(
    [
      ...readFileSync(join(repoRoot, 'client', 'tsconfig.json'), 'utf8').matchAll(
        /"\.\.\/(server\/src\/[^"]+\.ts)"/g,
      ),
    ].map((match) => match[1]!),
  );
  const edges: string[] = [];
  for (const file of repoFiles('client/src', '.ts')) {
    for (const specifier of relativeImports(file)) {
      const target = normalize(join(dirname(file), specifier))
        .split('\\')
        .join('/');
      if (target.startsWith('client/src/')) {
        continue;
      }
      if (!included.has(`${target}.ts`)) {
        edges.push(`${file} imports ${specifier}`);
      }
    }
  }
  assert.deepEqual(edges, [], 'the client reaches server files outside its tsconfig list');
});
