import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../model';
import type { FileModel } from '../model';
import { extractFacts } from '../workspace-index/extract-facts';
import { WorkspaceIndex } from '../workspace-index/workspace-index';
import { normalizeSettings } from '../protocol';
import { loadSchema } from '../schema';
import { emptyIndexView } from './index-view';
import type { IndexView } from './index-view';
import { RuleFindingsCache, runRules } from './run-rules';
import type { Finding, Rule } from './types';

const schema = loadSchema();
const settings = normalizeSettings({});

function countingRule(
  id: string,
  usesIndex: boolean,
  calls: string[],
  readsKind = 'Service',
): Rule {
  return {
    id,
    defaultSeverity: 'warning',
    description: 'test rule',
    check(context) {
      calls.push(`${id}:${context.document.index}`);
      if (usesIndex) {
        context.index.objectsOfKind(readsKind);
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

/** An index that cannot tell whether an answer changed (no `revisionOf`). */
const indexWithoutRevisions: IndexView = { ...emptyIndexView, revisionOf: undefined };

test('findings of rules that never asked the index are reused for documents an edit moved', () => {
  const calls: string[] = [];
  const rules = [countingRule('local', false, calls), countingRule('cross', true, calls)];
  const index = indexWithoutRevisions;
  const cache = new RuleFindingsCache();
  const first = parseFile('file:///x.yaml', 1, text);
  const before = runRules(first, { schema, settings, index, rules, cache });
  calls.length = 0;
  const edited = text.replace('name: a', 'name: abc');
  const second = parseFile('file:///x.yaml', 2, edited, first);
  const after = runRules(second, { schema, settings, index, rules, cache });
  assert.deepEqual(calls.sort(), ['cross:0', 'cross:1', 'cross:2', 'local:0']);
  // Moved findings point at the same text as a fresh run would.
  const fresh = runRules(parseFile('file:///x.yaml', 2, edited), {
    schema,
    settings,
    index,
    rules,
  });
  assert.deepEqual(after, fresh);
  assert.equal(after.length, before.length);
});

test('rules that asked the index run again only where an answer they read changed', () => {
  const calls: string[] = [];
  const rules = [
    countingRule('reads-configmaps', true, calls, 'ConfigMap'),
    countingRule('reads-services', true, calls, 'Service'),
  ];
  const index = new WorkspaceIndex();
  const cache = new RuleFindingsCache();
  const check = (model: FileModel): Finding[] => {
    index.update(model.uri, extractFacts(model));
    return runRules(model, { schema, settings, index: index.viewFor(model.uri), rules, cache });
  };
  const first = parseFile('file:///x.yaml', 1, text);
  check(first);
  calls.length = 0;
  // Same length, so no document moves: only the ConfigMap answers changed.
  const edited = text.replace('name: b', 'name: x');
  const second = parseFile('file:///x.yaml', 2, edited, first);
  const after = check(second);
  assert.deepEqual(calls.sort(), [
    'reads-configmaps:0',
    'reads-configmaps:1',
    'reads-configmaps:2',
    'reads-services:1',
  ]);
  // The reused findings equal a fresh run's, and re-reading records the file's dependencies.
  const fresh = new WorkspaceIndex();
  const freshModel = parseFile('file:///x.yaml', 2, edited);
  fresh.update(freshModel.uri, extractFacts(freshModel));
  assert.deepEqual(
    after,
    runRules(freshModel, { schema, settings, index: fresh.viewFor(freshModel.uri), rules }),
  );
  const serviceChange = index.update('file:///svc.yaml', {
    uri: 'file:///svc.yaml',
    entries: extractFacts(parseFile('file:///svc.yaml', 1, serviceText)).entries,
  });
  assert.deepEqual(index.dependentsOf(serviceChange), ['file:///x.yaml']);
  calls.length = 0;
  // A Service in another file changes what every document's Service rule read, and only that.
  check(parseFile('file:///x.yaml', 3, edited, second));
  assert.deepEqual(calls.sort(), ['reads-services:0', 'reads-services:1', 'reads-services:2']);
});

const serviceText =
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports: [{port: 80}]\n';

test('changed settings invalidate the reused findings', () => {
  const calls: string[] = [];
  const rules = [countingRule('local', false, calls)];
  const model = parseFile('file:///y.yaml', 1, text);
  const cache = new RuleFindingsCache();
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
