// Findings reused for documents an edit only moved must equal a fresh check of the new text:
// every rule fixture (and example) is placed after a small document that then grows by a line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseFile } from '../model';
import { normalizeSettings } from '../protocol';
import { loadSchema } from '../schema';
import { allRuleCasePaths } from '../../../test/support/rule-cases';
import { emptyIndexView } from './index-view';
import { RuleFindingsCache, runRules } from './run-rules';

const repoRoot = resolve(__dirname, '..', '..', '..', '..');
const schema = loadSchema();
const settings = normalizeSettings({});
const head = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: head\ndata:\n  a: "1"\n---\n';
const grown = head.replace('data:\n', 'data:\n  b: "2"\n');

function yamlFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

test('after an edit above, every document checks as in a fresh open', () => {
  const files = [...allRuleCasePaths(), ...yamlFiles(join(repoRoot, 'examples'))];
  assert.ok(files.length > 50);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const uri = 'file:///reuse.yaml';
    const options = { schema, settings, index: emptyIndexView };
    const cache = new RuleFindingsCache();
    const before = parseFile(uri, 1, head + text);
    runRules(before, { ...options, cache });
    const edited = runRules(parseFile(uri, 2, grown + text, before), { ...options, cache });
    const fresh = runRules(parseFile(uri, 2, grown + text), options);
    assert.deepEqual(edited, fresh, file);
  }
});
