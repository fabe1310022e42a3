// Custom resources get the schema of their CRD: reading CRDs, converting openAPIV3Schema into
// the Schema contract, and completion, hover and the schema rules on a custom resource.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../model';
import { defaultSettings, normalizeSettings } from '../protocol';
import { complete } from '../features/completion';
import { hover } from '../features/hover';
import { emptyIndexView } from '../rules/index-view';
import { runRules } from '../rules/run-rules';
import { withCursor } from '../../../test/support/cursor';
import { composeSchema, readCrd } from './custom-resources';
import type { CrdDeclaration } from './custom-resources';
import { fieldsOf, resolvePath } from './resolve';
import { loadSchema } from './schema';

const builtIn = loadSchema();

const crdText = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: databases.example.com
spec:
  group: example.com
  names: { kind: Database, plural: databases }
  scope: Namespaced
  versions:
    - name: v1alpha1
      served: true
      storage: false
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size: { type: string }
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          description: A managed database.
          properties:
            spec:
              type: object
              description: What the operator should run.
              required: [engine]
              properties:
                engine:
                  type: string
                  description: The database engine.
                  enum: [postgres, mysql]
                replicas:
                  type: integer
                  default: 1
                  minimum: 1
                  maximum: 9
                tls: { type: boolean }
                port:
                  x-kubernetes-int-or-string: true
                labels:
                  type: object
                  additionalProperties: { type: string }
                users:
                  type: array
                  items:
                    type: object
                    required: [name]
                    properties:
                      name: { type: string }
                      superuser: { type: boolean }
                extra:
                  type: object
                  x-kubernetes-preserve-unknown-fields: true
                  properties:
                    known: { type: string }
            status:
              type: object
              properties:
                phase: { type: string }
    - name: v0
      served: false
      storage: false
`;

function crds(text = crdText): CrdDeclaration[] {
  const model = parseFile('file:///crds/database.yaml', 1, text);
  return model.documents.flatMap((document) => readCrd(model.uri, document) ?? []);
}

const schema = composeSchema(builtIn, crds());

test('a CRD declares one kind per served version, each with its own schema', () => {
  assert.deepEqual(
    schema.kindsNamed('Database').map((info) => info.apiVersion),
    ['example.com/v1alpha1', 'example.com/v1'],
  );
  const v1 = schema.lookupKind('example.com/v1', 'Database');
  const alpha = schema.lookupKind('example.com/v1alpha1', 'Database');
  assert.ok(v1 && alpha && v1.custom && v1.namespaced);
  assert.equal(schema.lookupKind('example.com/v0', 'Database'), undefined);
  const names = (info: typeof v1) =>
    fieldsOf(schema, resolvePath(schema, info, ['spec'])).map((field) => field.name);
  assert.deepEqual(names(alpha), ['size']);
  assert.deepEqual(names(v1), ['engine', 'replicas', 'tls', 'port', 'labels', 'users', 'extra']);
  // Built-in kinds are untouched, and composing nothing returns the built-in schema itself.
  assert.ok(schema.lookupKind('apps/v1', 'StatefulSet'));
  assert.equal(composeSchema(builtIn, []), builtIn);
});

test('openAPIV3Schema becomes fields with types, enums, defaults and constraints', () => {
  const info = schema.lookupKind('example.com/v1', 'Database');
  const at = (...path: (string | number)[]) => resolvePath(schema, info, path);
  assert.deepEqual(at('spec', 'engine')?.field?.enum, ['postgres', 'mysql']);
  assert.equal(at('spec', 'engine')?.field?.required, true);
  assert.equal(at('spec', 'replicas')?.field?.default, '1');
  assert.deepEqual(at('spec', 'replicas')?.field?.constraints, { minimum: 1, maximum: 9 });
  assert.deepEqual(at('spec', 'port')?.type, { kind: 'primitive', type: 'int-or-string' });
  assert.deepEqual(at('spec', 'labels', 'team')?.type, { kind: 'primitive', type: 'string' });
  assert.equal(at('spec', 'users', 0, 'superuser')?.type.kind, 'primitive');
  assert.equal(at('spec', 'extra')?.object?.open, true);
  assert.equal(at('metadata')?.object?.name, 'V1ObjectMeta');
  assert.equal(at('status')?.field?.readOnly, true);
});

function check(resource: string): string[] {
  const model = parseFile('file:///db.yaml', 1, resource);
  return runRules(model, {
    schema,
    settings: normalizeSettings({}),
    index: emptyIndexView,
  }).map((finding) => `${finding.ruleId}: ${model.text.slice(...finding.span)}`);
}

test('a valid custom resource gets no finding', () => {
  assert.deepEqual(
    check(`apiVersion: example.com/v1
kind: Database
metadata:
  name: orders
  labels: { app: orders }
spec:
  engine: postgres
  replicas: 3
  tls: true
  port: db
  labels: { tier: data }
  users:
    - name: app
      superuser: false
  extra:
    known: x
    anything: [goes, here]
status:
  phase: Running
`),
    [],
  );
});

test('an invalid custom resource gets the schema findings at the offending nodes', () => {
  assert.deepEqual(
    check(`apiVersion: example.com/v1
kind: Database
metadata:
  name: orders
spec:
  engin: postgres
  replicas: "3"
  tls: maybe
  users:
    - superuser: true
---
apiVersion: example.com/v1
kind: Database
metadata:
  name: other
spec:
  engine: oracle
---
apiVersion: example.com/v1alpha1
kind: Database
metadata:
  name: old
spec:
  engine: postgres
`),
    [
      'schema-unknown-field: engin',
      'schema-type: "3"',
      'schema-type: maybe',
      'schema-required: spec',
      'schema-required: superuser',
      'schema-enum: oracle',
      'schema-unknown-field: engine',
    ],
  );
});

test('without its CRD a custom resource stays silent', () => {
  const model = parseFile(
    'file:///db.yaml',
    1,
    'apiVersion: example.com/v1\nkind: Database\nmetadata:\n  name: x\nspec:\n  whatever: 1\n',
  );
  const findings = runRules(model, {
    schema: builtIn,
    settings: normalizeSettings({}),
    index: emptyIndexView,
  });
  assert.deepEqual(findings, []);
});

function completeAt(source: string): string[] {
  const { text, offset } = withCursor(source);
  const model = parseFile('file:///db.yaml', 1, text);
  return complete(model, offset, schema, defaultSettings)
    .sort((a, b) => a.sortText.localeCompare(b.sortText))
    .map((item) => item.label);
}

test('completion offers the CRD properties under the right parent, required first', () => {
  const labels = completeAt(
    'apiVersion: example.com/v1\nkind: Database\nmetadata:\n  name: x\nspec:\n  $0\n',
  );
  assert.equal(labels[0], 'engine');
  for (const key of ['replicas', 'tls', 'port', 'users', 'extra']) {
    assert.ok(labels.includes(key), key);
  }
  assert.ok(!labels.includes('size'));
  assert.deepEqual(
    completeAt('apiVersion: example.com/v1\nkind: Database\nspec:\n  engine: $0\n'),
    ['postgres', 'mysql'],
  );
  assert.deepEqual(
    completeAt('apiVersion: example.com/v1\nkind: Database\nspec:\n  tls: $0\n').sort(),
    ['false', 'true'],
  );
  assert.ok(completeAt('apiVersion: example.com/v1\nkind: $0\n').includes('Database'));
});

test('hover shows the CRD description; an unknown CRD says how to add one', () => {
  const { text, offset } = withCursor(
    'apiVersion: example.com/v1\nkind: Database\nspec:\n  eng$0ine: postgres\n',
  );
  const markdown = hover(parseFile('file:///db.yaml', 1, text), offset, schema)?.markdown ?? '';
  assert.match(markdown, /The database engine\./);
  assert.match(markdown, /CustomResourceDefinition\]\(file:\/\/\/crds\/database\.yaml\)/);
  const unknown = withCursor('apiVersion: acme.io/v1\nkind: Wid$0get\n');
  const note = hover(parseFile('file:///w.yaml', 1, unknown.text), unknown.offset, schema);
  assert.match(note?.markdown ?? '', /No CustomResourceDefinition .* was found/);
  assert.match(note?.markdown ?? '', /kubeStateful\.crds/);
});
