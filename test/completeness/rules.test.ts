// Completeness, checked rather than hoped for. Walks the rule folders, the registry, the snippet
// files and the LSP areas, and names every gap: a rule folder that is in no group or has no
// docs.md, a rule without an ok- or a bad- fixture, without a section in docs/rules.md, or with
// neither a fix.ts nor a `noQuickFix` reason in its Rule; a fixer without a strict unit test
// (checkFix); a snippet without a row in docs/snippets.md; an LSP area without a protocol test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { allRules } from '../../server/src/rules/registry';
import { rulesWithQuickFixes } from '../../server/src/features/code-actions';
import { repoFiles, repoRoot } from '../support/repo-files';
import { ruleCaseFiles, rulesFolder } from '../support/rule-cases';
import { readRuleUnits } from '../../scripts/rule-units';

const read = (path: string): string => readFileSync(join(repoRoot, path), 'utf8');
const ruleIds = allRules.map((rule) => rule.id);

test('every rule folder is registered, under its id, and every registered rule has a folder', () => {
  const folders = readdirSync(rulesFolder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(rulesFolder, entry.name, 'rule.ts')))
    .map((entry) => entry.name)
    .sort();
  assert.deepEqual(
    [...ruleIds].sort(),
    folders,
    'server/src/rules/registry.ts (generated: run `npm run docs:rules`) lists each rule',
  );
});

test('every fix.ts in a rule folder is the dispatched quick fix of that rule', () => {
  const withFixFile = readdirSync(rulesFolder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(rulesFolder, entry.name, 'fix.ts')))
    .map((entry) => entry.name)
    .sort();
  assert.deepEqual(
    [...rulesWithQuickFixes].sort(),
    withFixFile,
    'server/src/rules/fixes.ts (generated: run `npm run docs:rules`) lists each fix.ts',
  );
});

test('every rule folder is in a group and has its docs.md and its exported Rule', () => {
  assert.deepEqual(readRuleUnits().gaps, []);
});

test('every rule has an ok- and a bad- fixture', () => {
  const gaps = ruleIds.flatMap((id) => {
    const files = ruleCaseFiles(id);
    return (['ok-', 'bad-'] as const)
      .filter((prefix) => !files.some((file) => file.startsWith(prefix)))
      .map((prefix) => `${id}: no server/src/rules/${id}/cases/${prefix}<case>.yaml`);
  });
  assert.deepEqual(gaps, []);
});

test('every rule has a section in docs/rules.md', () => {
  const headings = read('docs/rules.md')
    .split('\n')
    .filter((line) => line.startsWith('### '));
  const gaps = ruleIds.filter((id) => !headings.some((line) => line.includes(`\`${id}\``)));
  assert.deepEqual(gaps, [], 'add a `### `<rule-id>` (severity)` section for these');
});

test('every rule has a quick fix or says why not, and not both', () => {
  const fixed = new Set(rulesWithQuickFixes);
  assert.deepEqual(
    allRules.filter((rule) => !fixed.has(rule.id) && !rule.noQuickFix?.trim()).map((r) => r.id),
    [],
    'give these a fix.ts or a one-line `noQuickFix` reason in their rule.ts',
  );
  assert.deepEqual(
    allRules.filter((rule) => fixed.has(rule.id) && rule.noQuickFix !== undefined).map((r) => r.id),
    [],
    'these have a fix.ts now: drop their `noQuickFix` reason',
  );
  assert.deepEqual(
    rulesWithQuickFixes.filter((id) => !ruleIds.includes(id)),
    [],
    'fixers for unknown rule ids',
  );
});

/** The rule ids that some `checkFix(…)` call in the code-action unit tests names. */
function ruleIdsCheckedByUnitTests(): Set<string> {
  const checked = new Set<string>();
  const call = /checkFix\(((?:[^()]|\((?:[^()]|\([^()]*\))*\))*)\)/g;
  const testFiles = [
    ...repoFiles('server/src/rules', '.test.ts'),
    ...repoFiles('server/src/features/code-actions', '.test.ts'),
  ];
  for (const file of testFiles) {
    if (basename(file) === 'fixtures.test.ts') {
      continue;
    }
    for (const match of read(file).matchAll(call)) {
      const named = [...match[1]!.matchAll(/'([a-z0-9-]+)'/g)].find((literal) =>
        ruleIds.includes(literal[1]!),
      );
      if (named) {
        checked.add(named[1]!);
      }
    }
  }
  return checked;
}

test('every fixer has a strict unit test (checkFix)', () => {
  const checked = ruleIdsCheckedByUnitTests();
  assert.deepEqual(
    rulesWithQuickFixes.filter((id) => !checked.has(id)),
    [],
    'add a checkFix test beside the fixer for these',
  );
});

interface SnippetEntry {
  readonly prefix: string | readonly string[];
}

test('every snippet has a row in docs/snippets.md', () => {
  const rows = read('docs/snippets.md')
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|')[1]!);
  const gaps: string[] = [];
  for (const file of repoFiles('snippets', '.json')) {
    for (const [name, snippet] of Object.entries(
      JSON.parse(read(file)) as Record<string, SnippetEntry>,
    )) {
      const prefixes = typeof snippet.prefix === 'string' ? [snippet.prefix] : snippet.prefix;
      if (!rows.some((cell) => prefixes.every((prefix) => cell.includes(`\`${prefix}\``)))) {
        gaps.push(`${file} "${name}" (${prefixes.join(', ')})`);
      }
    }
  }
  assert.ok(rows.length > 10, 'the snippet table of docs/snippets.md');
  assert.deepEqual(gaps, [], 'add a row (prefixes, where, expands to) for these');
});

/**
 * What an LSP area registers, and what a protocol test must contain to exercise it: a client
 * helper call or the method name. An unknown registration fails until it is added here.
 */
const registrations: readonly { registered: RegExp; exercised: RegExp; what: string }[] = [
  { registered: /\.onCompletion\(/, exercised: /\.completion\(/, what: 'completion' },
  { registered: /\.onHover\(/, exercised: /\.hover\(/, what: 'hover' },
  { registered: /\.onCodeAction\(/, exercised: /\.codeAction\(/, what: 'codeAction' },
  { registered: /\.onDefinition\(/, exercised: /\.definition\(/, what: 'definition' },
  { registered: /\.onReferences\(/, exercised: /\.references\(/, what: 'references' },
  { registered: /\.onDocumentSymbol\(/, exercised: /\.documentSymbol\(/, what: 'documentSymbol' },
  { registered: /\.onCodeLens\(/, exercised: /textDocument\/codeLens/, what: 'codeLens' },
  {
    registered: /\.languages\.inlayHint\.on\(/,
    exercised: /textDocument\/inlayHint/,
    what: 'textDocument/inlayHint',
  },
  {
    registered: /\.languages\.diagnostics\.on\(/,
    exercised: /\.pullDiagnostics\(/,
    what: 'textDocument/diagnostic',
  },
  {
    registered: /\.onDidChangeWatchedFiles\(/,
    exercised: /workspace\/didChangeWatchedFiles/,
    what: 'workspace/didChangeWatchedFiles',
  },
  {
    registered: /\.onNotification\(workspaceTrustedNotification/,
    exercised: /kubeStateful\/workspaceTrusted/,
    what: 'kubeStateful/workspaceTrusted',
  },
  {
    registered: /\.onDidChangeConfiguration\(/,
    exercised: /workspace\/didChangeConfiguration/,
    what: 'workspace/didChangeConfiguration',
  },
];

test('every LSP area registration is exercised by a protocol test', () => {
  const server = read('server/src/server.ts');
  const areaFiles = [...server.matchAll(/from '\.\/lsp\/([a-z-]+)'/g)]
    .map((match) => `server/src/lsp/${match[1]!}.ts`)
    .filter((file) => /export const \w+Area\b/.test(read(file)));
  assert.ok(areaFiles.length >= 8, `areas found: ${areaFiles.join(', ')}`);
  const protocolTests = repoFiles('test/protocol', '.test.ts').map(read).join('\n');
  const protocol = read('server/src/protocol.ts');
  const gaps: string[] = [];
  for (const file of areaFiles) {
    const source = read(file);
    const calls = [
      ...source.matchAll(/connection\.(?:languages\.(?:diagnostics|inlayHint)\.)?on[A-Z]?\w*\(/g),
    ];
    for (const call of calls) {
      const line = source.slice(call.index);
      const known = registrations.find((item) => item.registered.test(line.slice(0, 80)));
      const request = /^connection\.onRequest\((\w+)/.exec(line);
      if (request) {
        // A custom request: the test names the request type or its method string.
        const method = new RegExp(`${request[1]!} = new RequestType0?<[^>]*>\\(\\s*'([^']+)'`).exec(
          protocol,
        )?.[1];
        if (!protocolTests.includes(request[1]!) && !(method && protocolTests.includes(method))) {
          gaps.push(`${file}: ${request[1]!} (${method ?? 'method not found in protocol.ts'})`);
        }
      } else if (known === undefined) {
        gaps.push(`${file}: ${line.slice(0, 60)}… is not in this test's registrations table`);
      } else if (!known.exercised.test(protocolTests)) {
        gaps.push(`${file}: ${known.what} has no protocol test`);
      }
    }
  }
  assert.deepEqual(gaps, [], 'add a test under test/protocol/ for these');
});
