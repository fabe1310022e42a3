// No check may skip itself: a test that cannot run (missing input, a feature that seems absent)
// fails instead, so a green run means every check ran. This reads the test code for the ways
// node:test and mocha offer to skip, and the scripts for the "skipped" outcomes they used to have.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoFiles, repoRoot } from '../support/repo-files';

/** node:test's `{ skip }`/`{ todo }` options and `t.skip()`, mocha's `this.skip()` and `.skip`. */
const skipPatterns: readonly RegExp[] = [
  /\bthis\.skip\(/,
  /\b(?:it|describe|test|suite|context|t)\.(?:skip|todo)\(/,
  /[{,]\s*(?:skip|todo):(?!\s*[[\d])/,
];

test('no test file can skip itself', () => {
  const files = [
    ...repoFiles('test', '.ts'),
    ...repoFiles('server', '.test.ts'),
    ...repoFiles('scripts', '.ts'),
  ].filter((file) => file !== 'test/completeness/no-skips.test.ts');
  assert.ok(files.length > 50, `only ${files.length} test files found`);
  const offenders = files.flatMap((file) =>
    readFileSync(join(repoRoot, file), 'utf8')
      .split('\n')
      .flatMap((line, index) =>
        skipPatterns.some((pattern) => pattern.test(line))
          ? [`${file}:${index + 1}: ${line.trim()}`]
          : [],
      ),
  );
  assert.deepEqual(offenders, [], 'make these checks fail when they cannot run');
});

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
