// Custom resources: reads CustomResourceDefinition documents and turns each served version's
// openAPIV3Schema into the Schema contract (KindInfo + ObjectSchema + FieldType), so completion,
// hover and the schema rules treat a custom resource like a built-in kind. Pure; the reading of
// a CRD is cached per document model (models are immutable); crd-object-types.ts builds the object
// types on first use.
import { asScalar, getIn, getValue, scalarText, seqItems } from '../model';
import type { DocumentModel, YamlNode } from '../model';
import { customObject, objectOf } from './crd-object-types';
import type { Json, SchemaJson } from './crd-object-types';
import type { KindInfo, Schema } from './types';

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
