// Loads the generated schema (scripts/generate-schema.mjs) and expands it lazily into the Schema
// contract: kinds are indexed at load, each ObjectSchema is built (and enriched from the data
// tables) the first time someone asks for it.
import generated from './generated/schema.json';
import { allowedValues } from './data/allowed-values';
import { quantityFields } from './data/quantities';
import { suggestedValues } from './data/suggestions';
import { extractDefault } from './defaults';
import type {
  FieldSchema,
  FieldType,
  KindInfo,
  ObjectSchema,
  PrimitiveType,
  Schema,
  Stability,
} from './types';

/** The layout scripts/generate-schema.mjs writes (documented there). */
interface SchemaData {
  readonly kubernetesVersion: string;
  readonly descriptions: readonly string[];
  readonly objects: Readonly<Record<string, readonly [number, readonly RawField[]]>>;
  readonly kinds: readonly (readonly [string, string, string, number, string])[];
}

type RawField = readonly [name: string, type: string, description: number, required: number];

/** Metadata the API server fills in; users never write it. */
const serverOwnedMetadata = new Set([
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'generation',
  'managedFields',
  'resourceVersion',
  'selfLink',
  'uid',
]);

const primitives = new Set<string>([
  'string',
  'integer',
  'number',
  'boolean',
  'int-or-string',
  'quantity',
  'date-time',
  'byte',
  'any',
]);

const quantities = new Set(quantityFields);

/** Loads the schema generated at build time. Cheap: objects are expanded on first use. */
export function loadSchema(): Schema {
  return createSchema(generated as unknown as SchemaData);
}

export function createSchema(data: SchemaData): Schema {
  const kinds = data.kinds.map(([kind, group, version, namespaced, type]) =>
    kindInfo(data.kubernetesVersion, kind, group, version, namespaced === 1, type),
  );
  const byApiVersion = new Map(kinds.map((info) => [`${info.apiVersion}/${info.kind}`, info]));
  const byName = new Map<string, KindInfo[]>();
  for (const info of kinds) {
    byName.set(info.kind, [...(byName.get(info.kind) ?? []), info]);
  }
  for (const list of byName.values()) {
    list.sort(compareVersions);
  }
  const rootTypes = new Map(kinds.map((info) => [info.type, info.kind]));
  const objects = new Map<string, ObjectSchema>();

  const buildObject = (name: string): ObjectSchema | undefined => {
    const raw = data.objects[name];
    if (!raw) {
      return undefined;
    }
    const [descriptionIndex, rawFields] = raw;
    const rootKind = rootTypes.get(name);
    const fields = new Map<string, FieldSchema>();
    for (const [fieldName, type, fieldDescription, required] of rawFields) {
      const key = `${name}.${fieldName}`;
      const description = data.descriptions[fieldDescription] ?? '';
      const field: FieldSchema = {
        name: fieldName,
        type: quantities.has(key) ? asQuantity(parseType(type)) : parseType(type),
        description,
        required: required === 1,
        readOnly:
          (rootKind !== undefined && fieldName === 'status') ||
          (name === 'V1ObjectMeta' && serverOwnedMetadata.has(fieldName)),
        ...optional('enum', allowedValues[key]),
        ...optional('suggestions', suggestedValues[key]),
        ...optional('default', extractDefault(description)),
      };
      fields.set(fieldName, rootKind === undefined ? field : rootField(field, rootKind));
    }
    return { name, description: data.descriptions[descriptionIndex] ?? '', fields };

    // A kind's root type knows the values of its apiVersion and kind. (Whether they are required
    // depends on the position: see rootObject in resolve.ts.)
    function rootField(field: FieldSchema, kind: string): FieldSchema {
      if (field.name === 'apiVersion') {
        const versions = (byName.get(kind) ?? []).map((info) => info.apiVersion);
        return { ...field, enum: versions };
      }
      return field.name === 'kind' ? { ...field, enum: [kind] } : field;
    }
  };

  return {
    kubernetesVersion: data.kubernetesVersion,
    kinds,
    kindsNamed: (kind) => byName.get(kind) ?? [],
    lookupKind: (apiVersion, kind) => byApiVersion.get(`${apiVersion}/${kind}`),
    object: (name) => {
      let object = objects.get(name);
      if (!object) {
        object = buildObject(name);
        if (object) {
          objects.set(name, object);
        }
      }
      return object;
    },
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Parses the generator's type notation: `string`, `V1Pod`, `[]V1Container`, `{}string`. */
export function parseType(code: string): FieldType {
  if (code.startsWith('[]')) {
    return { kind: 'array', items: parseType(code.slice(2)) };
  }
  if (code.startsWith('{}')) {
    return { kind: 'map', values: parseType(code.slice(2)) };
  }
  if (primitives.has(code)) {
    return { kind: 'primitive', type: code as PrimitiveType };
  }
  return { kind: 'object', ref: code };
}

/** Turns the string leaf of a type into `quantity` (a map or array of them stays one). */
function asQuantity(type: FieldType): FieldType {
  switch (type.kind) {
    case 'array':
      return { kind: 'array', items: asQuantity(type.items) };
    case 'map':
      return { kind: 'map', values: asQuantity(type.values) };
    case 'primitive':
      return type.type === 'string' ? { kind: 'primitive', type: 'quantity' } : type;
    default:
      return type;
  }
}

function kindInfo(
  kubernetesVersion: string,
  kind: string,
  group: string,
  version: string,
  namespaced: boolean,
  type: string,
): KindInfo {
  const stability: Stability = version.includes('alpha')
    ? 'alpha'
    : version.includes('beta')
      ? 'beta'
      : 'stable';
  // The single-page API reference anchors kinds as `<kind>-<version>-<group with dashes>`.
  const anchor = `${kind.toLowerCase()}-${version}-${group ? group.replace(/\./g, '-') : 'core'}`;
  return {
    kind,
    group,
    version,
    apiVersion: group ? `${group}/${version}` : version,
    stability,
    namespaced,
    type,
    docsUrl: `https://kubernetes.io/docs/reference/generated/kubernetes-api/v${kubernetesVersion}/#${anchor}`,
  };
}

const stabilityOrder: Readonly<Record<Stability, number>> = { stable: 0, beta: 1, alpha: 2 };

/** Stable before beta before alpha; within one level, the newest version first (v2 before v1). */
function compareVersions(a: KindInfo, b: KindInfo): number {
  const byStability = stabilityOrder[a.stability] - stabilityOrder[b.stability];
  if (byStability !== 0) {
    return byStability;
  }
  return b.version.localeCompare(a.version, 'en', { numeric: true });
}
