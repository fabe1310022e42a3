// No check may skip itself: a test that cannot run (missing input, a feature that seems absent)
// fails instead, so a green run means every check ran. This reads the test code for every way
// node:test and mocha offer to skip (or leave a test "todo"), and the scripts for the "skipped"
// outcomes they used to have. The few places that may skip are listed below with their reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoFiles, repoRoot } from '../support/repo-files';
import { requireKustomize } from '../support/kustomize-binary';

/**
 * Every form of skipping: mocha's `this.skip()`; `it.skip`, `describe.skip`, `test.skip`,
 * `suite.skip`, `context.skip` and their `.todo` (called or passed around); a test context's
 * `t.skip()`/`t.todo()` under any parameter name; and node:test's options `{ skip }`,
 * `{ skip: reason }`, `{ todo }`, `{ todo: … }`, shorthand or not, on one line or several.
 */
const skipPatterns: readonly RegExp[] = [
  /\bthis\.skip\s*\(/g,
  /\b(?:it|describe|test|suite|context)\.(?:skip|todo)\b/g,
  /\b\w+\.(?:skip|todo)\s*\(/g,
  /[{,]\s*(?:skip|todo)\s*[,}]/g,
  // A key `skip:`/`todo:`, except with a list or a zero: those are counters and result fields
  // (`{ skip: [] }` of the scaffold's write plan, `{ todo: 0 }` of the test summary).
  /[{,]\s*(?:skip|todo)\s*:(?!\s*(?:\[|0\b))/g,
];

/**
 * The places that may skip, each with why. A listed file that no longer skips fails too, so the
 * list cannot outlive its reason.
 */
interface AllowedSkip {
  readonly file: string;
  readonly reason: string;
  /** Every skipping line of the file must match this; anything else fails as usual. */
  readonly sites: RegExp;
}

const allowedSkips: readonly AllowedSkip[] = [
  {
    file: 'scripts/ui-tests.mjs',
    reason:
      "a step's `skip` field names a missing feature and turns the step into a failure, never a skip",
    sites: /^\S+:\d+: skip: /,
  },
];

test('no test file can skip itself, except the listed, reasoned places', () => {
  const files = [
    ...repoFiles('test', '.ts'),
    ...repoFiles('test', '.mjs'),
    ...repoFiles('server', '.test.ts'),
    ...repoFiles('scripts', '.ts'),
    ...repoFiles('scripts', '.mjs'),
  ].filter((file) => file !== 'test/completeness/no-skips.test.ts');
  assert.ok(files.length > 50, `only ${files.length} test files found`);
  const allowed = new Map(allowedSkips.map((entry) => [entry.file, entry]));
  const skipping = new Map(files.map((file) => [file, skipSites(file)]));
  const offenders = [...skipping].flatMap(([file, sites]) =>
    sites.filter((site) => !allowed.get(file)?.sites.test(site)),
  );
  assert.deepEqual(offenders, [], 'make these checks fail when they cannot run');
  const stale = allowedSkips.filter((entry) => (skipping.get(entry.file) ?? []).length === 0);
  assert.deepEqual(stale, [], 'these files no longer skip: drop them from allowedSkips');
});

test('the skip patterns see every form of skipping', () => {
  const forms = [
    "test('a', { skip }, () => {});",
    "test('a', { timeout: 5, skip }, () => {});",
    "test('a', {\n  skip,\n}, () => {});",
    "test('a', { skip: 'no input' }, () => {});",
    "test('a', { todo: true }, () => {});",
    "test('a', { skip: 1 }, () => {});",
    "test('a', { todo }, () => {});",
    "test.skip('a', () => {});",
    "it.skip('a', () => {});",
    "describe.skip('a', () => {});",
    "test.todo('a');",
    'const maybe = ci ? test : test.skip;',
    "test('a', (t) => { t.skip('no input'); });",
    "test('a', (context) => { context.todo(); });",
    'function () { this.skip(); }',
  ];
  const unseen = forms.filter((form) => sitesIn('form', form).length === 0);
  assert.deepEqual(unseen, []);
  assert.deepEqual(sitesIn('plain', "test('a', { timeout: 5 }, () => {});"), []);
  assert.deepEqual(sitesIn('counters', 'const total = { pass: 0, skip: 0, todo: [] };'), []);
});

test('the rendered-overlay tests fail, never skip, when no kustomize exists', () => {
  const saved = process.env.PATH;
  process.env.PATH = '';
  try {
    assert.throws(() => requireKustomize(), /Install kubectl/);
  } finally {
    process.env.PATH = saved;
  }
});

/** `file:line: text` for every place in the file that can skip a test. */
function skipSites(file: string): string[] {
  return sitesIn(file, readFileSync(join(repoRoot, file), 'utf8'));
}

function sitesIn(file: string, text: string): string[] {
  const lines = text.split('\n');
  const lineNumbers = new Set<number>();
  for (const pattern of skipPatterns) {
    for (const match of text.matchAll(pattern)) {
      // The line of the word itself: a pattern may start on the line before (`{` or `,`).
      const word = match.index + match[0].search(/skip|todo/);
      lineNumbers.add(text.slice(0, word).split('\n').length);
    }
  }
  return [...lineNumbers]
    .sort((a, b) => a - b)
    .map((line) => `${file}:${line}: ${(lines[line - 1] ?? '').trim()}`);
}

test('the scripts record no "skipped" outcome and never exit 0 for missing input', () => {
  const ui = readFileSync(join(repoRoot, 'scripts', 'ui-tests.mjs'), 'utf8');
  assert.doesNotMatch(ui, /state: 'skipped'/, 'ui-tests.mjs records a step as skipped');
  const conformance = readFileSync(join(repoRoot, 'scripts', 'conformance.mjs'), 'utf8');
  assert.doesNotMatch(conformance, /process\.exit\(0\)/, 'conformance.mjs exits 0 early');
  assert.doesNotMatch(conformance, /KUBE_STATEFUL_SHARED|\.\.\/shared/, 'reads ../shared');
});

test('no test, script or product code reads ../shared', () => {
  const files = [
    ...repoFiles('test', '.ts'),
    ...repoFiles('server', '.ts'),
    ...repoFiles('client', '.ts'),
    ...repoFiles('scripts', '.mjs'),
    ...repoFiles('scripts', '.ts'),
  ].filter((file) => file !== 'test/completeness/no-skips.test.ts');
  const offenders = files.filter((file) =>
    /KUBE_STATEFUL_SHARED|\.\.\/shared\b|['"]shared['"],\s*['"](?:reference|corpus)/.test(
      readFileSync(join(repoRoot, file), 'utf8'),
    ),
  );
  assert.deepEqual(offenders, [], 'copy the data into test/fixtures with its source instead');
});
