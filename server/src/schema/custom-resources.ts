// Custom resources: reads CustomResourceDefinition documents and turns each served version's
// openAPIV3Schema into the Schema contract (KindInfo + ObjectSchema + FieldType), so completion,
// hover and the schema rules treat a custom resource like a built-in kind. Pure; the reading of
// a CRD is cached per document model (models are immutable), object types are built on first use.
import { asScalar, getIn, getValue, scalarText, seqItems } from '../model';
import type { DocumentModel, YamlNode } from '../model';
import type { FieldSchema, FieldType, KindInfo, ObjectSchema, Schema } from './types';

/** One version of a CRD, with the schema node its custom resources follow. */
export interface CustomKindSource {
  readonly info: KindInfo;
  /**
   * `schema.openAPIV3Schema` of the version (v1), or the CRD-wide `validation` one (v1beta1), as
   * plain JSON (see plainOf).
   */
  readonly schemaNode: SchemaJson | undefined;
  /** Where the CRD is, for hover and messages. */
  readonly uri: string;
}

/** What a CustomResourceDefinition document declares. */
export interface CrdDeclaration {
  readonly group: string;
  readonly kind: string;
  readonly plural: string;
  readonly versions: readonly CustomKindSource[];
}

const declarations = new WeakMap<DocumentModel, CrdDeclaration | null>();

/** True for a CustomResourceDefinition document (v1, or the removed v1beta1). */
export function isCrdDocument(document: DocumentModel): boolean {
  return (
    document.kind === 'CustomResourceDefinition' &&
    (document.apiVersion === 'apiextensions.k8s.io/v1' ||
      document.apiVersion === 'apiextensions.k8s.io/v1beta1')
  );
}

/** The kinds a CRD document declares, one per served version; undefined when incomplete. */
export function readCrd(uri: string, document: DocumentModel): CrdDeclaration | undefined {
  const cached = declarations.get(document);
  if (cached !== undefined) {
    return cached ?? undefined;
  }
  const declaration = isCrdDocument(document) ? readDeclaration(uri, document) : undefined;
  declarations.set(document, declaration ?? null);
  return declaration;
}

function readDeclaration(uri: string, document: DocumentModel): CrdDeclaration | undefined {
  const spec = getValue(document.root, 'spec');
  const group = scalarText(getValue(spec, 'group'));
  const kind = scalarText(getIn(spec, ['names', 'kind']));
  const plural = scalarText(getIn(spec, ['names', 'plural'])) ?? '';
  if (!group || !kind) {
    return undefined;
  }
  const namespaced = scalarText(getValue(spec, 'scope')) !== 'Cluster';
  const shared = plainSchema(getIn(spec, ['validation', 'openAPIV3Schema']));
  const versionNodes = seqItems(getValue(spec, 'versions'));
  const versions: { name: string; schemaNode: SchemaJson | undefined }[] = versionNodes.flatMap(
    (item) => {
      const name = scalarText(getValue(item, 'name'));
      const served = asScalar(getValue(item, 'served'))?.value;
      if (!name || served === false) {
        return [];
      }
      return [
        { name, schemaNode: plainSchema(getIn(item, ['schema', 'openAPIV3Schema'])) ?? shared },
      ];
    },
  );
  const single = scalarText(getValue(spec, 'version'));
  if (versions.length === 0 && single) {
    versions.push({ name: single, schemaNode: shared });
  }
  return {
    group,
    kind,
    plural,
    versions: versions.map(({ name, schemaNode }) => ({
      info: customKindInfo(kind, group, name, namespaced, uri),
      schemaNode,
      uri,
    })),
  };
}

function customKindInfo(
  kind: string,
  group: string,
  version: string,
  namespaced: boolean,
  uri: string,
): KindInfo {
  return {
    kind,
    group,
    version,
    apiVersion: `${group}/${version}`,
    stability: version.includes('alpha') ? 'alpha' : version.includes('beta') ? 'beta' : 'stable',
    namespaced,
    type: `${group}/${version}#${kind}`,
    docsUrl: uri,
    custom: true,
  };
}

/** The prefix of every custom object type name: `<group>/<version>#`. */
export function isCustomTypeName(name: string): boolean {
  return name.includes('#');
}

/**
 * The built-in schema extended by the kinds of the given CRDs. The result is a new Schema (so
 * caches keyed by schema see the change); each CRD version's object types are converted on first
 * use and kept with the CRD document, so recomposing after an unrelated edit costs little.
 */
export function composeSchema(base: Schema, crds: readonly CrdDeclaration[]): Schema {
  if (crds.length === 0) {
    return base;
  }
  const sources = new Map<string, CustomKindSource>();
  for (const crd of crds) {
    for (const version of crd.versions) {
      // Built-in kinds win: a CRD cannot redefine apps/v1 StatefulSet.
      if (!base.lookupKind(version.info.apiVersion, version.info.kind)) {
        sources.set(version.info.type, version);
      }
    }
  }
  const custom = [...sources.values()].map((source) => source.info);
  const kinds = [...base.kinds, ...custom];
  const byApiVersion = new Map(custom.map((info) => [`${info.apiVersion}/${info.kind}`, info]));
  const byName = new Map<string, KindInfo[]>();
  for (const info of custom) {
    byName.set(info.kind, [...(byName.get(info.kind) ?? []), info]);
  }
  return {
    kubernetesVersion: base.kubernetesVersion,
    kinds,
    kindsNamed: (kind) => {
      const builtIn = base.kindsNamed(kind);
      const extra = byName.get(kind);
      return extra ? [...builtIn, ...extra] : builtIn;
    },
    lookupKind: (apiVersion, kind) =>
      base.lookupKind(apiVersion, kind) ?? byApiVersion.get(`${apiVersion}/${kind}`),
    object: (name) => {
      if (!isCustomTypeName(name)) {
        return base.object(name);
      }
      // The root type is `<group>/<version>#<Kind>`; the group has dots, the kind none.
      const dot = name.indexOf('.', name.indexOf('#'));
      const root = dot < 0 ? name : name.slice(0, dot);
      const source = sources.get(root);
      return source ? customObject(source, name, byName) : undefined;
    },
  };
}

/** Converted object types per CRD schema (the plain schema lives as long as its declaration). */
const converted = new WeakMap<SchemaJson, Map<string, ObjectSchema | null>>();

/** The object type `name` of a custom kind, found by walking the type name's path. */
function customObject(
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
type Json = null | boolean | number | string | readonly Json[] | SchemaJson;

/** One schema node. Built without a prototype, so a property named `constructor` is just a key. */
export interface SchemaJson {
  readonly [key: string]: Json | undefined;
}

function objectOf(value: Json | undefined): SchemaJson | undefined {
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

/**
 * The schema as plain JSON: a fraction of the memory of the YAML nodes (no spans, no pairs), so
 * the index can keep the schemas of many large CRDs. Aliases (never used in CRDs) become null.
 */
function plainOf(node: YamlNode | null | undefined): Json {
  if (!node) {
    return null;
  }
  switch (node.type) {
    case 'map': {
      const object = Object.create(null) as Record<string, Json>;
      for (const pair of node.pairs) {
        if (pair.key !== null) {
          object[pair.key] = plainOf(pair.value);
        }
      }
      return object;
    }
    case 'seq':
      return node.items.map(plainOf);
    case 'scalar':
      return node.value;
    default:
      return null;
  }
}

function plainSchema(node: YamlNode | null | undefined): SchemaJson | undefined {
  return node?.type === 'map' ? objectOf(plainOf(node)) : undefined;
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
