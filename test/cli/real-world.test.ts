// The real-world corpus (test/fixtures/real-world/<owner>__<repo>/): byte-exact manifests from public
// repositories, each folder linted as its own workspace by the built CLI. The exact set of
// (file, line, rule, severity) must equal the folder's reviewed expected.json, so a new false alarm
// (or a lost true finding) fails here with its place named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCli } from '../support/run-cli';

const corpusRoot = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'real-world');

const severities = ['error', 'warning', 'info', 'hint'] as const;

interface Expected {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  readonly severity: (typeof severities)[number];
  readonly reason: string;
}

interface CliFinding {
  readonly path: string;
  readonly line: number;
  readonly severity: string;
  readonly ruleId: string;
  readonly message: string;
}

/**
 * An error claims that kubectl apply (or the cluster) fails, so its reason must say why in those
 * words; anything else is a warning at most.
 */
const errorReason = /^(kubectl apply fails|the API server rejects|the cluster fails)\b/;

function key(file: string, line: number, rule: string, severity: string): string {
  return `${file}:${line} ${severity} ${rule}`;
}

function readExpected(folder: string): Expected[] {
  const raw: unknown = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8'));
  assert.ok(Array.isArray(raw), `${folder}/expected.json must be a JSON array`);
  return raw.map((entry: unknown, i) => {
    const e = entry as Partial<Expected>;
    const where = `${folder}/expected.json[${i}]`;
    assert.equal(typeof e.file, 'string', `${where}: file`);
    assert.ok(Number.isInteger(e.line) && (e.line ?? 0) >= 1, `${where}: line`);
    assert.equal(typeof e.rule, 'string', `${where}: rule`);
    assert.ok(severities.includes(e.severity as Expected['severity']), `${where}: severity`);
    assert.ok(typeof e.reason === 'string' && e.reason.trim().length >= 15, `${where}: reason`);
    return e as Expected;
  });
}

function corpusFolders(): string[] {
  return readdirSync(corpusRoot)
    .filter((name) => statSync(join(corpusRoot, name)).isDirectory())
    .sort();
}

test('the real-world corpus exists and every folder has SOURCE.md and expected.json', () => {
  assert.ok(existsSync(corpusRoot), `missing corpus root ${corpusRoot}`);
  const folders = corpusFolders();
  assert.ok(folders.length >= 8, `expected at least 8 repositories, found ${folders.length}`);
  for (const name of folders) {
    assert.match(name, /^[A-Za-z0-9][\w.-]*__[\w.-]+$/, `folder ${name} is not <owner>__<repo>`);
    for (const required of ['SOURCE.md', 'expected.json']) {
      assert.ok(existsSync(join(corpusRoot, name, required)), `${name} has no ${required}`);
    }
    const source = readFileSync(join(corpusRoot, name, 'SOURCE.md'), 'utf8');
    assert.match(source, /Commit: `[0-9a-f]{40}`/, `${name}/SOURCE.md names no commit`);
    assert.match(source, /Licence: /, `${name}/SOURCE.md names no licence`);
  }
});

test('an expected error always says why kubectl or the cluster rejects the manifest', () => {
  for (const name of corpusFolders()) {
    for (const e of readExpected(join(corpusRoot, name))) {
      if (e.severity === 'error') {
        assert.match(
          e.reason,
          errorReason,
          `${name}/${e.file}:${e.line} ${e.rule}: an error's reason must start with "kubectl apply fails", "the API server rejects" or "the cluster fails"`,
        );
      }
    }
  }
});

for (const name of existsSync(corpusRoot) ? corpusFolders() : []) {
  test(`real-world ${name}: the CLI reports exactly the reviewed findings`, () => {
    const folder = join(corpusRoot, name);
    const expected = readExpected(folder);
    const result = runCli(['lint', '--format', 'json', '.'], folder);
    assert.ok(result.status === 0 || result.status === 1, `CLI failed: ${result.stderr}`);
    const report = JSON.parse(result.stdout) as { findings: CliFinding[] };

    const actual = new Map<string, CliFinding>();
    for (const f of report.findings) {
      actual.set(key(f.path, f.line, f.ruleId, f.severity), f);
    }
    const wanted = new Map<string, Expected>();
    for (const e of expected) {
      const k = key(e.file, e.line, e.rule, e.severity);
      assert.ok(!wanted.has(k), `${name}/expected.json lists ${k} twice`);
      wanted.set(k, e);
    }

    const unexpected = [...actual.entries()]
      .filter(([k]) => !wanted.has(k))
      .map(([k, f]) => `  unexpected ${k}: ${f.message}`);
    const missing = [...wanted.entries()]
      .filter(([k]) => !actual.has(k))
      .map(([k, e]) => `  missing    ${k} (reviewed: ${e.reason})`);
    assert.deepEqual(
      [...unexpected, ...missing],
      [],
      `${name}: the findings differ from expected.json:\n${[...unexpected, ...missing].join('\n')}`,
    );
  });
}
