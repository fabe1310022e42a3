// Runs scripts/conformance.mjs (the peers' fixtures in test/fixtures/peers through the built CLI,
// compared with test/conformance/mapping.json) as part of `npm test`, so a regression against a
// peer fixture, a missing fixture or an unexplained pending mapping fails the suite.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const repoRoot = resolve(__dirname, '..', '..', '..');

test('conformance with the peers: every expectation of ours holds', () => {
  const result = spawnSync(process.execPath, [resolve(repoRoot, 'scripts', 'conformance.mjs')], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
  assert.match(result.stdout, /conformance: every expectation of ours holds/);
  assert.match(result.stdout, /all peers: \d+\/(\d{3,}) agree/, 'at least 100 comparisons ran');
});
