// The real-world operator folders of issue 11 (CRDs plus their custom resources) linted as
// workspaces with the CLI: the findings are exactly the reviewed expected.json, and none is an
// error (kubectl apply accepts every file). Issue 13's real-world runner covers every folder;
// this one keeps the operator folders honest on their own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCli } from '../support/run-cli';

const corpus = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'real-world');

const folders = [
  'prometheus-operator__prometheus-operator',
  'cert-manager__cert-manager',
  'zalando__postgres-operator',
];

interface Expected {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  readonly severity: string;
}

interface Reported {
  readonly path: string;
  readonly line: number;
  readonly ruleId: string;
  readonly severity: string;
}

for (const folder of folders) {
  test(`${folder} gives exactly its reviewed findings`, () => {
    const root = join(corpus, folder);
    const result = runCli(['lint', '--format', 'json', '.'], root);
    assert.ok(result.status === 0 || result.status === 1, result.stderr);
    const reported = (JSON.parse(result.stdout) as { findings: Reported[] }).findings;
    const expected = JSON.parse(readFileSync(join(root, 'expected.json'), 'utf8')) as Expected[];
    const key = (file: string, line: number, rule: string, severity: string): string =>
      `${file}:${line} ${rule} ${severity}`;
    assert.deepEqual(
      reported.map((f) => key(f.path, f.line, f.ruleId, f.severity)).sort(),
      expected.map((e) => key(e.file, e.line, e.rule, e.severity)).sort(),
    );
    assert.ok(reported.every((finding) => finding.severity !== 'error'));
  });
}
