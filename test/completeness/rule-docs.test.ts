// The rule table in docs/rules.md and the rule counts in README.md are generated from the
// registry (scripts/rule-docs.ts); this fails when they no longer match it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  blockNames,
  generatedBlocks,
  generatedFiles,
  readRepoFile,
  regenerate,
  regenerateCommand,
} from '../../scripts/rule-docs';

test('the generated rule table and counts match the registry', () => {
  const blocks = generatedBlocks();
  const seen = new Set<string>();
  for (const path of generatedFiles) {
    const text = readRepoFile(path);
    blockNames(text).forEach((name) => seen.add(name));
    assert.equal(
      regenerate(text, blocks),
      text,
      `${path} is out of date with the rule registry: run \`${regenerateCommand}\``,
    );
  }
  assert.deepEqual([...seen].sort(), Object.keys(blocks).sort(), 'every generated block is placed');
});
