// The object types of a custom kind: converts the plain-JSON openAPIV3Schema of one CRD version
// into ObjectSchema/FieldType on first use (cached per schema), so completion, hover and the
// schema rules walk a custom resource as they walk a built-in kind. Pure.
import type { CustomKindSource } from './custom-resources';
import type { FieldSchema, FieldType, KindInfo, ObjectSchema } from './types';

/** Converted object types per CRD schema (the plain schema lives as long as its declaration). */
const converted = new WeakMap<SchemaJson, Map<string, ObjectSchema | null>>();

/** The object type `name` of a custom kind, found by walking the type name's path. */
export function customObject(
  source: CustomKindSource,
  name: string,
  byName: ReadonlyMap<string, readonly KindInfo[]>,
): ObjectSchema | undefined {
  const root = source.schemaNode ?? emptySchema;
  let cache = converted.get(root);
  if (!cache) {
    cache = new Map();
    converted.set(root, cache);
  }
  const hit = cache.get(name);
  if (hit !== undefined) {
    return hit ?? undefined;
  }
  const node = nodeOfType(root, name.slice(source.info.type.length));
  const object = node
    ? buildObject(source, name, node, name === source.info.type, byName)
    : undefined;
  cache.set(name, object ?? null);
  return object;
}

const emptySchema: SchemaJson = Object.create(null) as SchemaJson;

/**
 * Follows a type path (`.spec.storage[].volume{}`) from a schema node: `.name` is a property,
 * `[]` the items of an array, `{}` the additionalProperties of a map.
 */
function nodeOfType(root: SchemaJson, path: string): SchemaJson | undefined {
  let node: SchemaJson | undefined = root;
  const steps = path.match(/\.[^.[{]+|\[\]|\{\}/g) ?? [];
  for (const step of steps) {
    if (!node) {
      return undefined;
    }
    if (step === '[]') {
      node = objectOf(node.items);
    } else if (step === '{}') {
      node = objectOf(node.additionalProperties);
    } else {
      node = objectOf(objectOf(node.properties)?.[step.slice(1)]);
    }
  }
  return node;
}

function buildObject(
  source: CustomKindSource,
  name: string,
  node: SchemaJson,
  isRoot: boolean,
  byName: ReadonlyMap<string, readonly KindInfo[]>,
): ObjectSchema {
  const required = new Set(arrayOf(node.required).filter((item) => typeof item === 'string'));
  const fields = new Map<string, FieldSchema>();
  for (const [key, value] of Object.entries(objectOf(node.properties) ?? {})) {
    const property = objectOf(value);
    if (property) {
      fields.set(key, fieldOf(key, property, `${name}.${key}`, required.has(key)));
    }
  }
  if (isRoot) {
    addRootFields(fields, source.info, byName);
  }
  const open =
    node['x-kubernetes-preserve-unknown-fields'] === true || (isRoot && !source.schemaNode);
  return {
    name,
    description: text(node.description) ?? '',
    fields,
    ...(open ? { open: true } : {}),
  };
}

function fieldOf(name: string, node: SchemaJson, typeName: string, required: boolean): FieldSchema {
  // On an array the allowed values are those of each item, as for built-in kinds (accessModes).
  const enumValues = arrayOf(
    node.enum ?? (node.type === 'array' ? objectOf(node.items)?.enum : undefined),
  ).filter((value): value is string => typeof value === 'string');
  const defaultValue = node.default;
  const defaultText =
    typeof defaultValue === 'string' ||
    typeof defaultValue === 'number' ||
    typeof defaultValue === 'boolean'
      ? String(defaultValue)
      : undefined;
  const constraints = readConstraints(node);
  return {
    name,
    type: typeOf(node, typeName),
    description: text(node.description) ?? '',
    required,
    readOnly: false,
    ...(enumValues.length > 0 ? { enum: enumValues } : {}),
    ...(defaultText !== undefined && defaultText !== '' ? { default: defaultText } : {}),
    ...(constraints ? { constraints } : {}),
  };
}

function readConstraints(node: SchemaJson): FieldSchema['constraints'] {
  const number = (key: string): number | undefined => {
    const value = node[key];
    return typeof value === 'number' ? value : undefined;
  };
  const constraints = {
    minimum: number('minimum'),
    maximum: number('maximum'),
    minLength: number('minLength'),
    maxLength: number('maxLength'),
    pattern: text(node.pattern),
  };
  const present = Object.fromEntries(
    Object.entries(constraints).filter(([, value]) => value !== undefined),
  );
  return Object.keys(present).length > 0 ? present : undefined;
}

/** The FieldType of a schema node; `typeName` names the object type it would be. */
function typeOf(node: SchemaJson, typeName: string): FieldType {
  if (node['x-kubernetes-int-or-string'] === true) {
    return { kind: 'primitive', type: 'int-or-string' };
  }
  switch (node.type) {
    case 'string': {
      const format = node.format;
      return {
        kind: 'primitive',
        type: format === 'date-time' ? 'date-time' : format === 'byte' ? 'byte' : 'string',
      };
    }
    case 'integer':
    case 'number':
    case 'boolean':
      return { kind: 'primitive', type: node.type };
    case 'array': {
      const items = objectOf(node.items);
      return { kind: 'array', items: items ? typeOf(items, `${typeName}[]`) : anyType };
    }
    case 'object': {
      if (node.properties !== undefined) {
        return { kind: 'object', ref: typeName };
      }
      const additional = node.additionalProperties;
      const additionalSchema = objectOf(additional);
      if (additionalSchema) {
        return { kind: 'map', values: typeOf(additionalSchema, `${typeName}{}`) };
      }
      if (additional === true || node['x-kubernetes-preserve-unknown-fields'] === true) {
        return anyType;
      }
      // An object with neither properties nor additionalProperties keeps no field at all.
      return { kind: 'object', ref: typeName };
    }
    default:
      return anyType;
  }
}

const anyType: FieldType = { kind: 'primitive', type: 'any' };

/** JSON as a CRD schema holds it (the YAML of openAPIV3Schema, without positions). */
export type Json = null | boolean | number | string | readonly Json[] | SchemaJson;

/** One schema node. Built without a prototype, so a property named `constructor` is just a key. */
export interface SchemaJson {
  readonly [key: string]: Json | undefined;
}

export function objectOf(value: Json | undefined): SchemaJson | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as SchemaJson)
    : undefined;
}

function arrayOf(value: Json | undefined): readonly Json[] {
  return Array.isArray(value) ? (value as readonly Json[]) : [];
}

function text(value: Json | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** apiVersion, kind, metadata (the API server's own ObjectMeta) and a read-only status. */
function addRootFields(
  fields: Map<string, FieldSchema>,
  info: KindInfo,
  byName: ReadonlyMap<string, readonly KindInfo[]>,
): void {
  const string: FieldType = { kind: 'primitive', type: 'string' };
  fields.set('apiVersion', {
    name: 'apiVersion',
    type: string,
    description: `The API group and version: \`${info.apiVersion}\` (from the CustomResourceDefinition).`,
    required: true,
    readOnly: false,
    enum: (byName.get(info.kind) ?? [info])
      .filter((other) => other.group === info.group)
      .map((other) => other.apiVersion),
  });
  fields.set('kind', {
    name: 'kind',
    type: string,
    description: `The kind: \`${info.kind}\`.`,
    required: true,
    readOnly: false,
    enum: [info.kind],
  });
  fields.set('metadata', {
    name: 'metadata',
    type: { kind: 'object', ref: 'V1ObjectMeta' },
    description: fields.get('metadata')?.description || 'Standard object metadata.',
    required: false,
    readOnly: false,
  });
  const status = fields.get('status');
  if (status) {
    fields.set('status', { ...status, readOnly: true });
  }
}
