import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSchema } from './schema';
import { describeType, fieldsOf, resolvePath, rootObject } from './resolve';

const schema = loadSchema();
const statefulSet = schema.lookupKind('apps/v1', 'StatefulSet')!;

test('resolves through objects, arrays and maps', () => {
  const ports = resolvePath(schema, statefulSet, [
    'spec',
    'template',
    'spec',
    'containers',
    0,
    'ports',
  ]);
  assert.equal(ports?.via, 'field');
  assert.equal(ports?.field?.name, 'ports');
  assert.equal(describeType(ports.type), '[]ContainerPort');

  const port = resolvePath(schema, statefulSet, [
    'spec',
    'template',
    'spec',
    'containers',
    0,
    'ports',
    1,
  ]);
  assert.equal(port?.via, 'item');
  assert.equal(port?.object?.name, 'V1ContainerPort');
  assert.equal(port?.field?.name, 'ports');

  const cpu = resolvePath(schema, statefulSet, [
    'spec',
    'template',
    'spec',
    'containers',
    0,
    'resources',
    'limits',
    'cpu',
  ]);
  assert.equal(cpu?.via, 'map-value');
  assert.deepEqual(cpu?.type, { kind: 'primitive', type: 'quantity' });
  assert.equal(cpu?.field?.name, 'limits');
  assert.equal(cpu?.parent?.name, 'V1ResourceRequirements');

  const storage = resolvePath(schema, statefulSet, [
    'spec',
    'volumeClaimTemplates',
    0,
    'spec',
    'resources',
    'requests',
    'storage',
  ]);
  assert.deepEqual(storage?.type, { kind: 'primitive', type: 'quantity' });

  const label = resolvePath(schema, statefulSet, ['metadata', 'labels', 'app']);
  assert.deepEqual(label?.type, { kind: 'primitive', type: 'string' });
});

test('returns undefined when the path leaves the schema', () => {
  assert.equal(resolvePath(schema, statefulSet, ['spec', 'serviceNmae']), undefined);
  assert.equal(resolvePath(schema, statefulSet, ['spec', 'replicas', 'x']), undefined);
  assert.equal(
    resolvePath(schema, statefulSet, ['spec', 'template', 'spec', 'containers', 'name']),
    undefined,
  );
});

test('resolves the root of a document of unknown kind to apiVersion, kind and metadata', () => {
  const root = rootObject(schema, undefined);
  assert.deepEqual(
    fieldsOf(schema, root).map((field) => field.name),
    ['apiVersion', 'kind', 'metadata'],
  );
  assert.ok(root.fields.get('kind')?.suggestions?.includes('StatefulSet'));
  assert.ok(root.fields.get('apiVersion')?.suggestions?.includes('apps/v1'));
  assert.equal(resolvePath(schema, undefined, ['metadata', 'name'])?.field?.name, 'name');
  assert.equal(resolvePath(schema, undefined, ['spec']), undefined);
  assert.equal(rootObject(schema, undefined), root, 'the generic root is built once per schema');
});

test('requires apiVersion and kind at the root of a known kind only', () => {
  const root = rootObject(schema, statefulSet);
  assert.equal(root.fields.get('apiVersion')?.required, true);
  assert.equal(root.fields.get('kind')?.required, true);
  assert.equal(rootObject(schema, statefulSet), root);
  const claim = resolvePath(schema, statefulSet, ['spec', 'volumeClaimTemplates', 0]);
  assert.equal(claim?.object?.fields.get('apiVersion')?.required, false);
});

test('lists fields required first', () => {
  const root = resolvePath(schema, statefulSet, ['spec']);
  const names = fieldsOf(schema, root).map((field) => field.name);
  assert.deepEqual(names.slice(0, 2), ['selector', 'template']);
  assert.ok(names.includes('serviceName'));
  assert.deepEqual(fieldsOf(schema, { kind: 'primitive', type: 'string' }), []);
  assert.equal(fieldsOf(schema, { kind: 'object', ref: 'V1PodSpec' }).length > 30, true);
});
