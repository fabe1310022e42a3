// The registry, the quick-fix dispatch, docs/rules.md and the rule counts in README.md are
// generated from the rule folders (scripts/rule-docs.ts); this fails when one of them no longer
// matches the folders (a folder added, a docs.md or fix.ts changed, without regenerating).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  blockNames,
  generatedBlocks,
  generatedFiles,
  readRepoFile,
  regenerateCommand,
} from '../../scripts/rule-docs';
import { readRuleUnits } from '../../scripts/rule-units';

test('the generated registry, fix dispatch, rule docs and counts match the rule folders', () => {
  const expected = generatedFiles();
  const stale = Object.keys(expected).filter((path) => readRepoFile(path) !== expected[path]);
  assert.deepEqual(stale, [], `out of date with the rule folders: run \`${regenerateCommand}\``);
  const placed = new Set(Object.values(expected).flatMap(blockNames));
  const blocks = Object.keys(generatedBlocks(readRuleUnits().units.units));
  assert.deepEqual([...placed].sort(), blocks.sort(), 'every generated block is placed');
});
