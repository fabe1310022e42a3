// Strimzi's own example resources (test/fixtures/real-world/strimzi__strimzi-kafka-operator, see
// its SOURCE.md), linted as one workspace with the CLI: exactly the reviewed findings of its
// expected.json. (The shared real-world runner of issue 13 checks the same folder once it lands.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runCli } from '../support/run-cli';

const folder = resolve(
  __dirname,
  '..',
  '..',
  '..',
  'test',
  'fixtures',
  'real-world',
  'strimzi__strimzi-kafka-operator',
);

interface Expected {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  readonly severity: string;
}

interface JsonReport {
  readonly filesChecked: number;
  readonly findings: readonly {
    readonly path: string;
    readonly line: number;
    readonly ruleId: string;
    readonly severity: string;
  }[];
}

test("Strimzi's example resources give exactly the reviewed findings", () => {
  const result = runCli(['lint', '--format', 'json', '.'], folder);
  const report = JSON.parse(result.stdout) as JsonReport;
  const expected = JSON.parse(readFileSync(resolve(folder, 'expected.json'), 'utf8')) as Expected[];
  const key = (file: string, line: number, rule: string, severity: string): string =>
    `${file}:${line} ${rule} ${severity}`;
  assert.equal(report.filesChecked, 10);
  assert.deepEqual(
    report.findings
      .map((finding) =>
        key(finding.path.replace(/^\.\//, ''), finding.line, finding.ruleId, finding.severity),
      )
      .sort(),
    expected.map((item) => key(item.file, item.line, item.rule, item.severity)).sort(),
  );
  assert.ok(
    report.findings.every((finding) => finding.severity !== 'error'),
    'no error on files kubectl apply accepts',
  );
});
