// The contract of the Kubernetes schema: generated object types (from @kubernetes/client-node,
// itself generated from the upstream OpenAPI spec) enriched by the reviewed facts in data tables.

/** Leaf types. `int-or-string` and `quantity` are Kubernetes-specific string/number unions. */
export type PrimitiveType =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'int-or-string'
  | 'quantity'
  | 'date-time'
  | 'byte'
  | 'any';

export type FieldType =
  | { readonly kind: 'primitive'; readonly type: PrimitiveType }
  /** A named object type, looked up with `Schema.object(ref)`. */
  | { readonly kind: 'object'; readonly ref: string }
  | { readonly kind: 'array'; readonly items: FieldType }
  /** A map with free-form string keys, such as `labels` or `resources.limits`. */
  | { readonly kind: 'map'; readonly values: FieldType };

export interface FieldSchema {
  readonly name: string;
  readonly type: FieldType;
  /** Markdown-ready description from the upstream spec (or the referenced type's description). */
  readonly description: string;
  readonly required: boolean;
  /** Fields the server owns (`status`, read-only metadata): never offered in completion. */
  readonly readOnly: boolean;
  /**
   * Allowed values from the data table (the spec only lists them in prose). On an array of
   * strings (`accessModes`) they are the allowed values of each item.
   */
  readonly enum?: readonly string[];
  /** Common but not exclusive values (well-known topology keys, provisioner names, …), same rule. */
  readonly suggestions?: readonly string[];
  /** The default, when the description states one (a CRD's `default`, as written). */
  readonly default?: string;
  /** Value limits a CRD schema states (built-in kinds leave them to the API server). */
  readonly constraints?: FieldConstraints;
}

/** OpenAPI value limits checked by schema-constraint. */
export interface FieldConstraints {
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
}

export interface ObjectSchema {
  /** The generated model name, e.g. `V1StatefulSetSpec`. */
  readonly name: string;
  readonly description: string;
  readonly fields: ReadonlyMap<string, FieldSchema>;
  /** Keys beyond `fields` are allowed (a CRD's `x-kubernetes-preserve-unknown-fields`). */
  readonly open?: boolean;
}

export type Stability = 'stable' | 'beta' | 'alpha';

export interface KindInfo {
  readonly kind: string;
  /** Empty for the core group. */
  readonly group: string;
  readonly version: string;
  /** `v1`, `apps/v1`, … as written in manifests. */
  readonly apiVersion: string;
  readonly stability: Stability;
  readonly namespaced: boolean;
  /** Root object type of the kind, e.g. `V1StatefulSet`. */
  readonly type: string;
  /** The kind's page in the Kubernetes API reference (for a custom kind: its CRD's uri). */
  readonly docsUrl: string;
  /** True for a kind declared by a CustomResourceDefinition (see custom-resources.ts). */
  readonly custom?: boolean;
}

export interface Schema {
  /**
   * The Kubernetes minor version the schema was generated from, e.g. `1.36`. Lookups by path,
   * the generic root of an unknown kind and field listings live in resolve.ts.
   */
  readonly kubernetesVersion: string;
  readonly kinds: readonly KindInfo[];
  /** Every apiVersion that serves this kind (stable first), empty when unknown. */
  kindsNamed(kind: string): readonly KindInfo[];
  lookupKind(apiVersion: string, kind: string): KindInfo | undefined;
  object(name: string): ObjectSchema | undefined;
}
