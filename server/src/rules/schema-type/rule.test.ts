// Every field the generated schema types as `any` (free-form JSON) accepts every YAML node,
// and a CRD that uses those fields as the API server allows gets no schema-type finding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import generated from '../../schema/generated/schema.json';
import { parseFile } from '../../model';
import type { YamlNode } from '../../model';
import { normalizeSettings } from '../../protocol';
import { loadSchema } from '../../schema';
import type { FieldType } from '../../schema/types';
import { emptyIndexView } from '../index-view';
import { runRules } from '../run-rules';
import { schemaType, typeMismatch } from './rule';

const schema = loadSchema();

/** The `any` leaf under arrays and maps (`[]any`, `{}any`), if the type ends in one. */
function anyLeaf(type: FieldType): FieldType | undefined {
  switch (type.kind) {
    case 'array':
      return anyLeaf(type.items);
    case 'map':
      return anyLeaf(type.values);
    case 'primitive':
      return type.type === 'any' ? type : undefined;
    default:
      return undefined;
  }
}

function nodesOf(text: string): YamlNode {
  const root = parseFile('file:///n.yaml', 1, `value: ${text}\n`).documents[0]?.root;
  assert.ok(root?.type === 'map');
  const value = root.pairs[0]?.value;
  assert.ok(value);
  return value;
}

const samples = ['7', 'text', 'true', '[1, two]', '{ a: { b: [c] } }', '- x'].map((text) =>
  text === '- x' ? nodesOf('\n  - x') : nodesOf(text),
);

test('every any-typed field of the generated schema accepts scalars, lists and mappings', () => {
  const names = Object.keys((generated as { objects: Record<string, unknown> }).objects);
  const anyFields: string[] = [];
  for (const name of names) {
    for (const field of schema.object(name)?.fields.values() ?? []) {
      const leaf = anyLeaf(field.type);
      if (!leaf) {
        continue;
      }
      anyFields.push(`${name}.${field.name}`);
      for (const node of samples) {
        assert.equal(typeMismatch(node, leaf), undefined, `${name}.${field.name} vs ${node.type}`);
      }
    }
  }
  // The JSONSchemaProps fields the issue names are among them, so the walk above covered them.
  for (const field of ['items', 'additionalProperties', 'default', 'example', 'enum']) {
    assert.ok(anyFields.includes(`V1JSONSchemaProps.${field}`), field);
  }
  assert.ok(anyFields.includes('V1CustomResourceSubresources.status'));
});

test('a CRD with free-form schema fields gets no schema-type finding', () => {
  const text = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: { kind: Widget, plural: widgets }
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      subresources:
        status: {}
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              default: { size: 1 }
              properties:
                tags:
                  type: array
                  default: [a, b]
                  items: { type: string }
                labels:
                  type: object
                  additionalProperties: { type: string }
                open:
                  type: object
                  additionalProperties: true
                extra:
                  x-kubernetes-preserve-unknown-fields: true
                  example: { any: [thing] }
                size:
                  type: integer
                  not: { enum: [0] }
                  allOf: [{ minimum: 1 }]
`;
  const model = parseFile('file:///crd.yaml', 1, text);
  const findings = runRules(model, {
    schema,
    settings: normalizeSettings({}),
    index: emptyIndexView,
    rules: [schemaType],
  });
  assert.deepEqual(
    findings.map((finding) => finding.message),
    [],
  );
});
