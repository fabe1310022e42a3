// Custom resources: reads CustomResourceDefinition documents and turns each served version's
// openAPIV3Schema into the Schema contract (KindInfo + ObjectSchema + FieldType), so completion,
// hover and the schema rules treat a custom resource like a built-in kind. Pure; the reading of
// a CRD is cached per document model (models are immutable), object types are built on first use.
import { asMap, asScalar, getIn, getPair, getValue, scalarText, seqItems } from '../model';
import type { DocumentModel, MapNode, YamlNode } from '../model';
import type { FieldSchema, FieldType, KindInfo, ObjectSchema, Schema } from './types';

/** One version of a CRD, with the schema node its custom resources follow. */
export interface CustomKindSource {
  readonly info: KindInfo;
  /** `schema.openAPIV3Schema` of the version (v1), or the CRD-wide `validation` one (v1beta1). */
  readonly schemaNode: MapNode | undefined;
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
  const shared = asMap(getIn(spec, ['validation', 'openAPIV3Schema']));
  const versionNodes = seqItems(getValue(spec, 'versions'));
  const versions: { name: string; schemaNode: MapNode | undefined }[] = versionNodes.flatMap(
    (item) => {
      const name = scalarText(getValue(item, 'name'));
      const served = asScalar(getValue(item, 'served'))?.value;
      if (!name || served === false) {
        return [];
      }
      return [{ name, schemaNode: asMap(getIn(item, ['schema', 'openAPIV3Schema'])) ?? shared }];
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

/** Converted object types per schema node of a CRD (the node objects live as long as the model). */
const converted = new WeakMap<MapNode, Map<string, ObjectSchema | null>>();

/** The object type `name` of a custom kind, found by walking the type name's path. */
function customObject(
  source: CustomKindSource,
  name: string,
  byName: ReadonlyMap<string, readonly KindInfo[]>,
): ObjectSchema | undefined {
  const rootNode = source.schemaNode ?? emptySchema;
  let cache = converted.get(rootNode);
  if (!cache) {
    cache = new Map();
    converted.set(rootNode, cache);
  }
  const hit = cache.get(name);
  if (hit !== undefined) {
    return hit ?? undefined;
  }
  const node = nodeOfType(rootNode, name.slice(source.info.type.length));
  const object = node
    ? buildObject(source, name, node, name === source.info.type, byName)
    : undefined;
  cache.set(name, object ?? null);
  return object;
}

const emptySchema: MapNode = { type: 'map', span: [0, 0], flow: true, pairs: [] };

/**
 * Follows a type path (`.spec.storage[].volume{}`) from a schema node: `.name` is a property,
 * `[]` the items of an array, `{}` the additionalProperties of a map.
 */
function nodeOfType(root: MapNode, path: string): MapNode | undefined {
  let node: MapNode | undefined = root;
  const steps = path.match(/\.[^.[{]+|\[\]|\{\}/g) ?? [];
  for (const step of steps) {
    if (!node) {
      return undefined;
    }
    if (step === '[]') {
      node = asMap(getValue(node, 'items'));
    } else if (step === '{}') {
      node = asMap(getValue(node, 'additionalProperties'));
    } else {
      node = asMap(getValue(getValue(node, 'properties'), step.slice(1)));
    }
  }
  return node;
}

function buildObject(
  source: CustomKindSource,
  name: string,
  node: MapNode,
  isRoot: boolean,
  byName: ReadonlyMap<string, readonly KindInfo[]>,
): ObjectSchema {
  const required = new Set(seqItems(getValue(node, 'required')).map((item) => scalarText(item)));
  const fields = new Map<string, FieldSchema>();
  for (const pair of asMap(getValue(node, 'properties'))?.pairs ?? []) {
    const property = asMap(pair.value);
    if (pair.key === null || !property) {
      continue;
    }
    fields.set(
      pair.key,
      fieldOf(pair.key, property, `${name}.${pair.key}`, required.has(pair.key)),
    );
  }
  if (isRoot) {
    addRootFields(fields, source.info, byName);
  }
  const open =
    isTrue(getValue(node, 'x-kubernetes-preserve-unknown-fields')) ||
    (isRoot && !source.schemaNode);
  return {
    name,
    description: scalarText(getValue(node, 'description')) ?? '',
    fields,
    ...(open ? { open: true } : {}),
  };
}

function fieldOf(name: string, node: MapNode, typeName: string, required: boolean): FieldSchema {
  // On an array the allowed values are those of each item, as for built-in kinds (accessModes).
  const enumNode =
    getValue(node, 'enum') ??
    (scalarText(getValue(node, 'type')) === 'array'
      ? getValue(getValue(node, 'items'), 'enum')
      : undefined);
  const enumValues = seqItems(enumNode)
    .map((item) => asScalar(item)?.value)
    .filter((value): value is string => typeof value === 'string');
  const defaultNode = getValue(node, 'default');
  const defaultText = asScalar(defaultNode)?.source;
  const constraints = readConstraints(node);
  return {
    name,
    type: typeOf(node, typeName),
    description: scalarText(getValue(node, 'description')) ?? '',
    required,
    readOnly: false,
    ...(enumValues.length > 0 ? { enum: enumValues } : {}),
    ...(defaultText !== undefined && defaultText !== '' ? { default: defaultText } : {}),
    ...(constraints ? { constraints } : {}),
  };
}

function readConstraints(node: MapNode): FieldSchema['constraints'] {
  const number = (key: string): number | undefined => {
    const value = asScalar(getValue(node, key))?.value;
    return typeof value === 'number' ? value : undefined;
  };
  const constraints = {
    minimum: number('minimum'),
    maximum: number('maximum'),
    minLength: number('minLength'),
    maxLength: number('maxLength'),
    pattern: scalarText(getValue(node, 'pattern')),
  };
  const present = Object.fromEntries(
    Object.entries(constraints).filter(([, value]) => value !== undefined),
  );
  return Object.keys(present).length > 0 ? present : undefined;
}

/** The FieldType of a schema node; `typeName` names the object type it would be. */
function typeOf(node: MapNode, typeName: string): FieldType {
  if (isTrue(getValue(node, 'x-kubernetes-int-or-string'))) {
    return { kind: 'primitive', type: 'int-or-string' };
  }
  const type = scalarText(getValue(node, 'type'));
  switch (type) {
    case 'string': {
      const format = scalarText(getValue(node, 'format'));
      return {
        kind: 'primitive',
        type: format === 'date-time' ? 'date-time' : format === 'byte' ? 'byte' : 'string',
      };
    }
    case 'integer':
    case 'number':
    case 'boolean':
      return { kind: 'primitive', type };
    case 'array': {
      const items = asMap(getValue(node, 'items'));
      return { kind: 'array', items: items ? typeOf(items, `${typeName}[]`) : anyType };
    }
    case 'object': {
      if (getPair(node, 'properties')) {
        return { kind: 'object', ref: typeName };
      }
      const additional = getValue(node, 'additionalProperties');
      const additionalMap = asMap(additional);
      if (additionalMap) {
        return { kind: 'map', values: typeOf(additionalMap, `${typeName}{}`) };
      }
      if (isTrue(additional) || isTrue(getValue(node, 'x-kubernetes-preserve-unknown-fields'))) {
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

function isTrue(node: YamlNode | undefined): boolean {
  return asScalar(node)?.value === true;
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
