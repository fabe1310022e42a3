import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../model';
import type { FileModel } from '../model';
import { normalizeSettings } from '../protocol';
import { loadSchema } from '../schema';
import { indexForFixture } from '../../../test/support/fixture-index';
import { runRules } from './run-rules';
import { readSuppressions } from './suppression';

const schema = loadSchema();

function ruleIds(text: string): string[] {
  const model = parseFile('file:///suppression.yaml', 1, text);
  return runRules(model, {
    schema,
    settings: normalizeSettings({}),
    index: indexForFixture([model]),
  })
    .map((finding) => finding.ruleId)
    .filter(
      (id) =>
        id === 'probe-missing' || id === 'resources-missing' || id === 'sts-service-name-missing',
    )
    .sort();
}

const statefulSet = (
  extra: { annotations?: string; templateAnnotations?: string; before?: string } = {},
) =>
  [
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    'metadata:',
    '  name: db',
    ...(extra.annotations ? ['  annotations:', `    ${extra.annotations}`] : []),
    'spec:',
    '  serviceName: db',
    '  selector:',
    '    matchLabels: { app: db }',
    '  template:',
    '    metadata:',
    '      labels: { app: db }',
    ...(extra.templateAnnotations
      ? ['      annotations:', `        ${extra.templateAnnotations}`]
      : []),
    '    spec:',
    '      containers:',
    ...(extra.before ? [extra.before] : []),
    '        - name: db',
    '          image: postgres:16',
    '',
  ].join('\n');

test('without suppression both container rules fire', () => {
  assert.deepEqual(ruleIds(statefulSet()), ['probe-missing', 'resources-missing']);
});

test('disable-next-line silences the listed rules on the next line only', () => {
  const text = statefulSet({
    before: '        # kube-stateful-disable-next-line probe-missing, resources-missing',
  });
  assert.deepEqual(ruleIds(text), []);
  const one = statefulSet({ before: '        # kube-stateful-disable-next-line probe-missing' });
  assert.deepEqual(ruleIds(one), ['resources-missing']);
});

test('stacked next-line directives and a directive without ids', () => {
  const stacked = statefulSet({
    before: [
      '        # kube-stateful-disable-next-line probe-missing',
      '        # kube-stateful-disable-next-line resources-missing -- sized by the operator',
    ].join('\n'),
  });
  assert.deepEqual(ruleIds(stacked), []);
  const all = statefulSet({ before: '        # kube-stateful-disable-next-line' });
  assert.deepEqual(ruleIds(all), []);
});

test('disable silences from its line to the end of the document, not the next one', () => {
  const text = ['# kube-stateful-disable probe-missing', statefulSet(), '---', statefulSet()].join(
    '\n',
  );
  assert.deepEqual(ruleIds(text), ['probe-missing', 'resources-missing', 'resources-missing']);
});

test('a directive below the finding does not reach back', () => {
  const text = `${statefulSet()}# kube-stateful-disable probe-missing\n`;
  assert.deepEqual(ruleIds(text), ['probe-missing', 'resources-missing']);
});

test('the ignore annotation works on the object and on the pod template', () => {
  const onObject = statefulSet({
    annotations: 'kube-stateful.io/ignore: "probe-missing,resources-missing"',
  });
  assert.deepEqual(ruleIds(onObject), []);
  const onTemplate = statefulSet({
    templateAnnotations: 'kube-stateful.io/ignore: resources-missing',
  });
  assert.deepEqual(ruleIds(onTemplate), ['probe-missing']);
  const empty = statefulSet({ annotations: 'kube-stateful.io/ignore: ""' });
  assert.deepEqual(ruleIds(empty), ['probe-missing', 'resources-missing']);
});

test('reading the directives of every document reads the file text a linear number of times (issue 15)', () => {
  // A search per document that ran to the end of the file made a file of many documents
  // quadratic. Counting how often the file's text is read keeps this check exact on a busy
  // machine: the directive offsets are found once per model, and only a document that holds a
  // directive reads its own lines.
  const count = 2000;
  const documents = Array.from(
    { length: count },
    (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`,
  );
  const text = `${documents.join('---\n')}---\n# kube-stateful-disable-next-line\nkind: X\n`;
  const model = parseFile('file:///many.yaml', 1, text);
  let reads = 0;
  const counted: FileModel = Object.create(model, {
    text: {
      get: () => {
        reads++;
        return model.text;
      },
    },
  }) as FileModel;
  for (const document of model.documents) {
    readSuppressions(counted, document);
  }
  // One scan for the offsets plus the few lines of the one document with a directive.
  assert.ok(reads <= 10, `the text was read ${reads} times for ${count + 1} documents`);
});
