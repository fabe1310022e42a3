// Schema lookup by document path: what type a value at `spec.template.spec.containers[0].ports`
// has, which field declares it and which keys an object offers. Completion, hover and the
// schema rules all go through here.
import type { PathSegment } from '../model';
import type { FieldSchema, FieldType, KindInfo, ObjectSchema, Schema } from './types';

/** How the last step of a path reached its value. */
export type ResolvedVia = 'root' | 'field' | 'item' | 'map-value';

export interface ResolvedNode {
  /** The type of the value at the path. */
  readonly type: FieldType;
  /**
   * The nearest named field that owns the value: the field itself (`via: 'field'`), or the
   * array or map field whose item or value this is (`limits` for `limits.cpu`). Undefined at the root.
   */
  readonly field: FieldSchema | undefined;
  /** The object that declares `field`. */
  readonly parent: ObjectSchema | undefined;
  /** The object schema when `type` is an object type. */
  readonly object: ObjectSchema | undefined;
  readonly via: ResolvedVia;
}

const genericRoots = new WeakMap<Schema, ObjectSchema>();
const kindRoots = new WeakMap<KindInfo, ObjectSchema>();

/**
 * The root object of a document: the kind's type when the kind is known, otherwise a generic
 * root with only `apiVersion`, `kind` and `metadata`, so a document being typed (or a custom
 * resource) still gets those.
 */
export function rootObject(schema: Schema, kindInfo: KindInfo | undefined): ObjectSchema {
  const known = kindInfo ? kindRoot(schema, kindInfo) : undefined;
  return known ?? genericRoot(schema);
}

/**
 * The kind's root type with `apiVersion` and `kind` required: a manifest needs them, while the
 * same type nested elsewhere (a PersistentVolumeClaim in `volumeClaimTemplates`) does not.
 */
function kindRoot(schema: Schema, kindInfo: KindInfo): ObjectSchema | undefined {
  let root = kindRoots.get(kindInfo);
  if (root) {
    return root;
  }
  const object = schema.object(kindInfo.type);
  if (!object) {
    return undefined;
  }
  const fields = new Map(object.fields);
  for (const name of ['apiVersion', 'kind']) {
    const field = fields.get(name);
    if (field) {
      fields.set(name, { ...field, required: true });
    }
  }
  root = { ...object, fields };
  kindRoots.set(kindInfo, root);
  return root;
}

function genericRoot(schema: Schema): ObjectSchema {
  let root = genericRoots.get(schema);
  if (root) {
    return root;
  }
  const metadata = schema.object('V1ObjectMeta');
  const string: FieldType = { kind: 'primitive', type: 'string' };
  const fields: FieldSchema[] = [
    {
      name: 'apiVersion',
      type: string,
      description:
        'The API group and version of the object, e.g. `apps/v1`; it must serve the `kind`.',
      required: true,
      readOnly: false,
      suggestions: [...new Set(schema.kinds.map((info) => info.apiVersion))].sort(),
    },
    {
      name: 'kind',
      type: string,
      description: 'The type of the object, e.g. `StatefulSet`, in CamelCase.',
      required: true,
      readOnly: false,
      suggestions: [...new Set(schema.kinds.map((info) => info.kind))].sort(),
    },
    {
      name: 'metadata',
      type: { kind: 'object', ref: 'V1ObjectMeta' },
      description: metadata?.description ?? 'Standard object metadata.',
      required: false,
      readOnly: false,
    },
  ];
  root = {
    name: 'KubernetesObject',
    description: 'A Kubernetes object of a kind this schema does not know.',
    fields: new Map(fields.map((field) => [field.name, field])),
  };
  genericRoots.set(schema, root);
  return root;
}

/**
 * Resolves a path (keys and sequence indexes from the document root) to the schema of the value
 * there, following object fields, array items and map values. Undefined when the path leaves the
 * schema (an unknown key, a step into a primitive or into `any`).
 */
export function resolvePath(
  schema: Schema,
  kindInfo: KindInfo | undefined,
  path: readonly PathSegment[],
): ResolvedNode | undefined {
  const root = rootObject(schema, kindInfo);
  let current: ResolvedNode = {
    type: { kind: 'object', ref: root.name },
    field: undefined,
    parent: undefined,
    object: root,
    via: 'root',
  };
  for (const segment of path) {
    const next = step(schema, current, segment);
    if (!next) {
      return undefined;
    }
    current = next;
  }
  return current;
}

/** One step down from a resolved node. */
export function step(
  schema: Schema,
  from: ResolvedNode,
  segment: PathSegment,
): ResolvedNode | undefined {
  const type = from.type;
  if (type.kind === 'object' && typeof segment === 'string') {
    const field = from.object?.fields.get(segment);
    return field ? node(schema, field.type, field, from.object, 'field') : undefined;
  }
  if (type.kind === 'array' && typeof segment === 'number') {
    return node(schema, type.items, from.field, from.parent, 'item');
  }
  if (type.kind === 'map' && typeof segment === 'string') {
    return node(schema, type.values, from.field, from.parent, 'map-value');
  }
  return undefined;
}

function node(
  schema: Schema,
  type: FieldType,
  field: FieldSchema | undefined,
  parent: ObjectSchema | undefined,
  via: ResolvedVia,
): ResolvedNode {
  return {
    type,
    field,
    parent,
    object: type.kind === 'object' ? schema.object(type.ref) : undefined,
    via,
  };
}

/** The fields of an object type (or of a resolved node's object), required ones first. */
export function fieldsOf(
  schema: Schema,
  target: FieldType | ObjectSchema | ResolvedNode | undefined,
): readonly FieldSchema[] {
  const object = objectOf(schema, target);
  if (!object) {
    return [];
  }
  const fields = [...object.fields.values()];
  return [
    ...fields.filter((field) => field.required),
    ...fields.filter((field) => !field.required),
  ];
}

function objectOf(
  schema: Schema,
  target: FieldType | ObjectSchema | ResolvedNode | undefined,
): ObjectSchema | undefined {
  if (!target) {
    return undefined;
  }
  if ('fields' in target) {
    return target;
  }
  if ('via' in target) {
    return target.object;
  }
  return target.kind === 'object' ? schema.object(target.ref) : undefined;
}

/** A short human name for a type: `string`, `int or string`, `quantity`, `[]Container`, `map[string]string`. */
export function describeType(type: FieldType): string {
  switch (type.kind) {
    case 'primitive':
      return type.type === 'int-or-string' ? 'int or string' : type.type;
    case 'object':
      return typeDisplayName(type.ref);
    case 'array':
      return `[]${describeType(type.items)}`;
    case 'map':
      return `map[string]${describeType(type.values)}`;
  }
}

/** The name users know a generated type by: `V1StatefulSetSpec` → `StatefulSetSpec`. */
export function typeDisplayName(ref: string): string {
  // A custom kind's type is `<group>/<version>#<Kind>.spec…`: users know it as `<Kind>.spec…`.
  const hash = ref.indexOf('#');
  if (hash >= 0) {
    return ref.slice(hash + 1);
  }
  return ref.replace(/^(?:[A-Z][a-z]+)*?V\d+(?:alpha\d+|beta\d+)?(?=[A-Z])/, '');
}
