import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../model';
import { normalizeSettings } from '../protocol';
import { loadSchema } from '../schema';
import { emptyIndexView } from './index-view';
import { RuleFindingsCache, runRules } from './run-rules';
import type { Rule } from './types';

const schema = loadSchema();
const settings = normalizeSettings({});

function countingRule(id: string, usesIndex: boolean, calls: string[]): Rule {
  return {
    id,
    defaultSeverity: 'warning',
    description: 'test rule',
    check(context) {
      calls.push(`${id}:${context.document.index}`);
      if (usesIndex) {
        context.index.objectsOfKind('Service');
      }
      const name = context.document.root?.type === 'map' ? context.document.root.span : [0, 0];
      return [{ span: [name[0], name[0] + 3], message: `${id} at ${context.document.index}` }];
    },
  };
}

const text = [
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n',
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n',
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n',
].join('---\n');

test('findings of rules that never asked the index are reused for documents an edit moved', () => {
  const calls: string[] = [];
  const rules = [countingRule('local', false, calls), countingRule('cross', true, calls)];
  const cache = new RuleFindingsCache();
  const first = parseFile('file:///x.yaml', 1, text);
  const before = runRules(first, { schema, settings, index: emptyIndexView, rules, cache });
  calls.length = 0;
  const edited = text.replace('name: a', 'name: abc');
  const second = parseFile('file:///x.yaml', 2, edited, first);
  const after = runRules(second, { schema, settings, index: emptyIndexView, rules, cache });
  assert.deepEqual(calls.sort(), ['cross:0', 'cross:1', 'cross:2', 'local:0']);
  // Moved findings point at the same text as a fresh run would.
  const fresh = runRules(parseFile('file:///x.yaml', 2, edited), {
    schema,
    settings,
    index: emptyIndexView,
    rules,
  });
  assert.deepEqual(after, fresh);
  assert.equal(after.length, before.length);
});

test('changed settings invalidate the reused findings', () => {
  const calls: string[] = [];
  const rules = [countingRule('local', false, calls)];
  const cache = new RuleFindingsCache();
  const model = parseFile('file:///y.yaml', 1, text);
  runRules(model, { schema, settings, index: emptyIndexView, rules, cache });
  runRules(model, {
    schema,
    settings: normalizeSettings({ maxFileSize: 10 }),
    index: emptyIndexView,
    rules,
    cache,
  });
  assert.equal(calls.length, 6);
});

test('reused findings belong to the cache the caller passes, never to the process', () => {
  const calls: string[] = [];
  const rules = [countingRule('local', false, calls)];
  const model = parseFile('file:///z.yaml', 1, text);
  const mine = new RuleFindingsCache();
  runRules(model, { schema, settings, index: emptyIndexView, rules, cache: mine });
  runRules(model, { schema, settings, index: emptyIndexView, rules, cache: mine });
  assert.equal(calls.length, 3, 'the same cache checks each document once');
  // Another server instance's cache, or none (the CLI), checks the documents again.
  runRules(model, {
    schema,
    settings,
    index: emptyIndexView,
    rules,
    cache: new RuleFindingsCache(),
  });
  runRules(model, { schema, settings, index: emptyIndexView, rules });
  assert.equal(calls.length, 9);
});

test('a line with a syntax error carries only the syntax error, not its consequences', () => {
  const model = parseFile(
    'file:///z.yaml',
    1,
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings: broken\ndata:\n  a: "1"\n',
  );
  const codes = runRules(model, { schema, settings, index: emptyIndexView }).map(
    (finding) => finding.ruleId,
  );
  assert.ok(codes.includes('yaml-syntax'));
  assert.ok(!codes.includes('schema-type'), codes.join(', '));
});

test('a lone document nested too deep to read gets its one NESTING_TOO_DEEP finding (issue 15)', () => {
  for (const text of [
    `${'['.repeat(300)}${']'.repeat(300)}\n`,
    `apiVersion: v1\nkind: ConfigMap\ndata:\n  x: ${'['.repeat(300)}${']'.repeat(300)}\n`,
  ]) {
    const model = parseFile('file:///deep.yaml', 1, text);
    const findings = runRules(model, { schema, settings, index: emptyIndexView });
    assert.deepEqual(
      findings.map((finding) => finding.ruleId),
      ['yaml-syntax'],
    );
    assert.match(findings[0]!.message, /nest/i);
  }
});
