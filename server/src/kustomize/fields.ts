// The reviewed table of kustomization fields: what completion offers, hover explains and
// kustomize-unknown-field accepts. Sources: the kustomize API type
// (sigs.k8s.io/kustomize/api/types/kustomization.go, v5.5.0) and kubectl.docs.kubernetes.io.

/** A field of a kustomization, or of one entry of a list field. */
export interface KustomizeField {
  readonly name: string;
  readonly description: string;
  /** `list` of scalars, `entries` (a list of mappings with `fields`), a `map` or a `scalar`. */
  readonly shape: 'scalar' | 'list' | 'entries' | 'map' | 'object';
  /** The keys of each entry (for `entries`) or of the object (for `object`). */
  readonly fields?: readonly KustomizeField[];
  /** Still read by kustomize 5 but deprecated (`kustomize edit fix` rewrites it). */
  readonly deprecated?: string;
}

const target: KustomizeField = {
  name: 'target',
  shape: 'object',
  description: 'Selects the objects the patch applies to (all of the given fields must match).',
  // types/selector.go: Selector embeds ResId (group, version, kind, name, namespace).
  fields: [
    { name: 'group', shape: 'scalar', description: 'API group of the targets (empty for core).' },
    { name: 'version', shape: 'scalar', description: 'API version of the targets.' },
    { name: 'kind', shape: 'scalar', description: 'Kind of the targets.' },
    { name: 'name', shape: 'scalar', description: 'Name of the targets (a regular expression).' },
    { name: 'namespace', shape: 'scalar', description: 'Namespace of the targets.' },
    { name: 'labelSelector', shape: 'scalar', description: 'A label selector the targets match.' },
    {
      name: 'annotationSelector',
      shape: 'scalar',
      description: 'An annotation selector the targets match.',
    },
  ],
};

// types/generatorargs.go (GeneratorArgs, KvPairSources, GeneratorOptions).
const generatorFields: readonly KustomizeField[] = [
  {
    name: 'name',
    shape: 'scalar',
    description: 'Name of the generated object (before prefix, suffix and hash).',
  },
  { name: 'namespace', shape: 'scalar', description: 'Namespace of the generated object.' },
  {
    name: 'behavior',
    shape: 'scalar',
    description: '`create` (default), `merge` or `replace` an object of the same name from a base.',
  },
  {
    name: 'files',
    shape: 'list',
    description: 'Files whose contents become keys (`key=path` renames the key).',
  },
  { name: 'literals', shape: 'list', description: '`key=value` pairs.' },
  { name: 'envs', shape: 'list', description: 'Files of `key=value` lines.' },
  {
    name: 'env',
    shape: 'scalar',
    description: 'One file of `key=value` lines.',
    deprecated: 'use envs',
  },
  { name: 'type', shape: 'scalar', description: 'The Secret type (secretGenerator only).' },
  {
    name: 'options',
    shape: 'object',
    description: 'Labels, annotations, `disableNameSuffixHash` and `immutable` for this object.',
    fields: [
      { name: 'labels', shape: 'map', description: 'Labels added to the generated object.' },
      {
        name: 'annotations',
        shape: 'map',
        description: 'Annotations added to the generated object.',
      },
      {
        name: 'disableNameSuffixHash',
        shape: 'scalar',
        description: 'Keep the name without the content hash.',
      },
      { name: 'immutable', shape: 'scalar', description: 'Mark the generated object immutable.' },
    ],
  },
];

export const kustomizeFields: readonly KustomizeField[] = [
  {
    name: 'apiVersion',
    shape: 'scalar',
    description: '`kustomize.config.k8s.io/v1beta1` (or `v1alpha1` for a Component).',
  },
  {
    name: 'kind',
    shape: 'scalar',
    description: '`Kustomization`, or `Component` for a reusable component.',
  },
  {
    name: 'metadata',
    shape: 'object',
    description: 'Name and annotations of the kustomization itself (not applied to objects).',
    fields: [
      { name: 'name', shape: 'scalar', description: "The kustomization's name." },
      {
        name: 'annotations',
        shape: 'map',
        description:
          'Annotations of the kustomization itself (config.kubernetes.io/local-config …).',
      },
    ],
  },
  // types/kustomization.go: Resources []string.
  {
    name: 'resources',
    shape: 'list',
    description:
      'Files and directories (other kustomizations) whose objects this kustomization builds on. Remote URLs are fetched by kustomize (never by this extension).',
  },
  {
    name: 'components',
    shape: 'list',
    description: 'Directories holding a `Component` kustomization, applied after resources.',
  },
  {
    name: 'bases',
    shape: 'list',
    description: 'Older name of `resources` for directories.',
    deprecated: 'use resources',
  },
  {
    name: 'namespace',
    shape: 'scalar',
    description: 'Sets the namespace of every namespaced object (and of references to them).',
  },
  {
    name: 'namePrefix',
    shape: 'scalar',
    description:
      'Prepended to the name of every object; references that kustomize knows (serviceName, volumes, …) follow.',
  },
  {
    name: 'nameSuffix',
    shape: 'scalar',
    description: 'Appended to the name of every object; references that kustomize knows follow.',
  },
  // types/labels.go: Label { pairs, includeSelectors, includeTemplates, fields }.
  {
    name: 'labels',
    shape: 'entries',
    description:
      'Labels to add; `includeSelectors: true` also adds them to selectors (which cannot change on an existing StatefulSet).',
    fields: [
      { name: 'pairs', shape: 'map', description: 'The labels to add.' },
      {
        name: 'includeSelectors',
        shape: 'scalar',
        description: 'Also add the labels to selectors and pod templates.',
      },
      {
        name: 'includeTemplates',
        shape: 'scalar',
        description: 'Also add the labels to pod templates (not selectors).',
      },
      { name: 'fields', shape: 'list', description: 'Extra field specs that receive the labels.' },
    ],
  },
  {
    name: 'commonLabels',
    shape: 'map',
    description: 'Labels added to every object, its selectors and pod templates.',
    deprecated: 'use labels with includeSelectors: true',
  },
  { name: 'commonAnnotations', shape: 'map', description: 'Annotations added to every object.' },
  // types/patch.go: Patch { path, patch, target, options }.
  {
    name: 'patches',
    shape: 'entries',
    description:
      'Strategic-merge or JSON 6902 patches, from a file (`path`) or inline (`patch`), optionally with a `target`.',
    fields: [
      {
        name: 'path',
        shape: 'scalar',
        description: 'A file with the patch, relative to this kustomization.',
      },
      { name: 'patch', shape: 'scalar', description: 'The patch text inline.' },
      target,
      {
        name: 'options',
        shape: 'object',
        description: '`allowNameChange` and `allowKindChange`.',
        fields: [
          {
            name: 'allowNameChange',
            shape: 'scalar',
            description: 'Let the patch rename its target.',
          },
          {
            name: 'allowKindChange',
            shape: 'scalar',
            description: "Let the patch change its target's kind.",
          },
        ],
      },
    ],
  },
  {
    name: 'patchesStrategicMerge',
    shape: 'list',
    description: 'Strategic-merge patch files.',
    deprecated: 'use patches',
  },
  {
    name: 'patchesJson6902',
    shape: 'entries',
    description: 'JSON 6902 patches with a target.',
    deprecated: 'use patches',
    fields: [
      { name: 'path', shape: 'scalar', description: 'A file with the operations.' },
      { name: 'patch', shape: 'scalar', description: 'The operations inline.' },
      target,
    ],
  },
  // types/replica.go: Replica { name, count }.
  {
    name: 'replicas',
    shape: 'entries',
    description: 'Sets `spec.replicas` of the named Deployments, StatefulSets, ReplicaSets.',
    fields: [
      {
        name: 'name',
        shape: 'scalar',
        description: "The object's name (before prefix and suffix).",
      },
      { name: 'count', shape: 'scalar', description: 'The number of replicas.' },
    ],
  },
  // types/image.go: Image { name, newName, newTag, digest, tagSuffix }.
  {
    name: 'images',
    shape: 'entries',
    description: 'Changes the name, tag or digest of container images.',
    fields: [
      { name: 'name', shape: 'scalar', description: 'The image name to match (without tag).' },
      { name: 'newName', shape: 'scalar', description: 'The replacement image name.' },
      { name: 'newTag', shape: 'scalar', description: 'The replacement tag.' },
      {
        name: 'digest',
        shape: 'scalar',
        description: 'The replacement digest (wins over newTag).',
      },
      { name: 'tagSuffix', shape: 'scalar', description: 'Appended to the tag.' },
    ],
  },
  {
    name: 'configMapGenerator',
    shape: 'entries',
    description:
      'ConfigMaps generated from files, env files or literals (their name gets a content hash).',
    fields: generatorFields,
  },
  {
    name: 'secretGenerator',
    shape: 'entries',
    description:
      'Secrets generated from files, env files or literals (their name gets a content hash).',
    fields: generatorFields,
  },
  {
    name: 'generatorOptions',
    shape: 'object',
    description: 'Options for every generator of this kustomization.',
    fields: generatorFields.find((field) => field.name === 'options')?.fields ?? [],
  },
  {
    name: 'replacements',
    shape: 'entries',
    description: 'Copies a field of one object into fields of others.',
  },
  {
    name: 'vars',
    shape: 'entries',
    description: 'Older `$(VAR)` substitution.',
    deprecated: 'use replacements',
  },
  {
    name: 'crds',
    shape: 'list',
    description: 'CRD files, so kustomize knows the name references of custom kinds.',
  },
  {
    name: 'configurations',
    shape: 'list',
    description: 'Transformer configuration files (extra name-reference and label fields).',
  },
  {
    name: 'openapi',
    shape: 'object',
    description: 'A custom OpenAPI schema for strategic merge of custom kinds.',
  },
  {
    name: 'generators',
    shape: 'list',
    description: 'Generator plugins (never run by this extension).',
  },
  {
    name: 'transformers',
    shape: 'list',
    description: 'Transformer plugins (never run by this extension).',
  },
  {
    name: 'validators',
    shape: 'list',
    description: 'Validator plugins (never run by this extension).',
  },
  {
    name: 'helmCharts',
    shape: 'entries',
    description: 'Helm charts inflated by `--enable-helm` (never run by this extension).',
  },
  { name: 'helmGlobals', shape: 'object', description: 'Settings for helmCharts.' },
  {
    name: 'helmChartInflationGenerator',
    shape: 'entries',
    description: 'Older form of helmCharts.',
    deprecated: 'use helmCharts',
  },
  {
    name: 'buildMetadata',
    shape: 'list',
    description:
      '`originAnnotations`, `transformerAnnotations`, `managedByLabel`: record where objects came from.',
  },
  { name: 'sortOptions', shape: 'object', description: 'Output order (`legacy` or `fifo`).' },
  {
    name: 'labelsFromMeta',
    shape: 'list',
    description: 'Unused by kustomize 5; kept for compatibility.',
  },
];

/** The fields at a path of a kustomization (`[]` for the root, `['patches']` inside an entry). */
export function kustomizeFieldsAt(
  path: readonly (string | number)[],
): readonly KustomizeField[] | undefined {
  let fields: readonly KustomizeField[] | undefined = kustomizeFields;
  for (const segment of path) {
    if (typeof segment === 'number') {
      continue;
    }
    const field: KustomizeField | undefined = fields?.find(
      (candidate) => candidate.name === segment,
    );
    if (!field || (field.shape !== 'entries' && field.shape !== 'object') || !field.fields) {
      return undefined;
    }
    fields = field.fields;
  }
  return fields;
}
