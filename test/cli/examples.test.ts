// The examples/ workspace that `npm start` opens: the realistic manifests are clean and the
// deliberate mistakes show exactly the diagnostics they are there to show off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { runCli } from '../support/run-cli';

const repoRoot = resolve(__dirname, '..', '..', '..');

interface JsonReport {
  readonly findings: readonly { readonly path: string; readonly ruleId: string }[];
}

test('only the deliberate mistakes in examples/ produce findings, one per mistake', () => {
  const result = runCli(['lint', 'examples', '--format', 'json'], repoRoot);
  const report = JSON.parse(result.stdout) as JsonReport;
  assert.deepEqual(
    report.findings.map((finding) => `${finding.path} ${finding.ruleId}`),
    [
      'examples/deliberate-mistakes.yaml sts-service-not-headless',
      'examples/deliberate-mistakes.yaml volume-mount-unresolved',
      'examples/deliberate-mistakes.yaml pdb-blocks-eviction',
      'examples/deliberate-mistakes.yaml zk-ensemble-size',
      'examples/deliberate-mistakes.yaml host-path',
    ],
  );
  assert.equal(result.status, 1, 'the volume-mount mistake is an error');
});
