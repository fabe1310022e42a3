// A Strimzi cluster spread over files (test/fixtures/workspaces/strimzi): the Kafka and its node
// pools in a kustomization folder that sets their namespace, topics in another folder. The
// shipped CLI adds up the brokers across files and resolves strimzi.io/cluster across folders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { runCli } from '../support/run-cli';

const folder = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspaces', 'strimzi');

interface JsonReport {
  readonly findings: readonly {
    readonly path: string;
    readonly line: number;
    readonly ruleId: string;
  }[];
}

test('the Strimzi rules count node pools and find Kafkas across files', () => {
  const result = runCli(['lint', '--format', 'json', '.'], folder);
  const report = JSON.parse(result.stdout) as JsonReport;
  assert.deepEqual(
    report.findings.map((finding) => `${finding.path}:${finding.line} ${finding.ruleId}`).sort(),
    [
      // 3 replicas, but the broker pool in brokers.yaml has 2 nodes.
      'apps/topics.yaml:10 strimzi-topic-replicas',
      // `event`, not `events`.
      'apps/topics.yaml:18 strimzi-cluster-not-found',
      // default.replication.factor 3 on 2 brokers.
      'cluster/kafka.yaml:13 strimzi-replication-factor',
    ],
  );
  assert.equal(result.status, 1, 'errors make the CLI fail');
});
