// Severities of service-selects-nothing and pdb-selects-nothing that the fixture annotations do
// not carry: a near miss (a likely typo) is a warning, pods the workspace cannot see an info.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../model';
import { normalizeSettings } from '../protocol';
import { loadSchema } from '../schema';
import { indexForFixture } from '../../../test/support/fixture-index';
import { ruleCasesFolder } from '../../../test/support/rule-cases';
import { runRules } from './run-rules';

const schema = loadSchema();

function severities(ruleId: string, file: string): string[] {
  const text = readFileSync(join(ruleCasesFolder(ruleId), file), 'utf8');
  const model = parseFile(`file:///fixtures/${ruleId}/${file}`, 1, text);
  return runRules(model, {
    schema,
    settings: normalizeSettings({}),
    index: indexForFixture([model]),
  })
    .filter((finding) => finding.ruleId === ruleId)
    .map((finding) => finding.severity);
}

test('a selector no workload here can satisfy is an information, not a warning', () => {
  assert.deepEqual(severities('service-selects-nothing', 'bad-operator-unseen.yaml'), ['info']);
  assert.deepEqual(severities('pdb-selects-nothing', 'bad-unseen.yaml'), ['info']);
});

test('a near miss, another namespace or a missing ordinal stays a warning', () => {
  assert.deepEqual(severities('service-selects-nothing', 'bad-typo.yaml'), ['warning']);
  assert.deepEqual(severities('service-selects-nothing', 'bad-other-namespace.yaml'), ['warning']);
  assert.deepEqual(severities('service-selects-nothing', 'bad-per-pod-ordinal.yaml'), ['warning']);
  assert.deepEqual(severities('pdb-selects-nothing', 'bad-typo.yaml'), ['warning']);
});
