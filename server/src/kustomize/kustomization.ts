// Reads a kustomization (kustomization.yaml, a `Kustomization` or a `Component`) from our model
// into plain data: every path it refers to, with its span and line range, and the transformations
// it applies (namespace, name prefix/suffix, labels, replicas, images, generators). Pure.
import {
  asMap,
  getPair,
  getValue,
  scalarNumber,
  scalarText,
  seqItems,
  spanToRange,
  stringMap,
} from '../model';
import type { DocumentModel, FileModel, LineRange, Span, YamlNode } from '../model';

/** How a path of a kustomization is used. */
export type KustomizePathUse =
  | 'resource'
  | 'component'
  | 'patch'
  | 'patchesStrategicMerge'
  | 'patchesJson6902'
  | 'generatorFile';

/** A relative path written in a kustomization, where it is written and how it is used. */
export interface KustomizePath {
  readonly path: string;
  readonly use: KustomizePathUse;
  readonly span: Span;
  readonly range: LineRange;
}

/** The target selector of a patch (`patches[].target`, `patchesJson6902[].target`). */
export interface PatchTarget {
  readonly kind?: string;
  /** A regular expression kustomize matches against the whole name. */
  readonly name?: string;
  readonly namespace?: string;
  /** True when the target also selects by labels or annotations. */
  readonly bySelector?: boolean;
}

/** One patch: a file, or an inline text; strategic merge or JSON 6902 (judged by its content). */
export interface PatchEntry {
  readonly path?: KustomizePath;
  /** The inline `patch:` text, when there is one. */
  readonly inline?: string;
  readonly target?: PatchTarget;
  /** True for `patchesJson6902` entries, and for `patches` entries whose inline text is a list. */
  readonly json6902: boolean;
  readonly range: LineRange;
  /** The `target:` value, when the entry has one. */
  readonly targetSpan?: Span;
}

/** A value set by the kustomization and the line that sets it. */
export interface Placed<T> {
  readonly value: T;
  readonly range: LineRange;
}

export interface ReplicaEntry {
  readonly name: string;
  readonly count: number;
  readonly range: LineRange;
}

export interface ImageEntry {
  readonly name: string;
  readonly range: LineRange;
}

export interface GeneratorEntry {
  readonly kind: 'ConfigMap' | 'Secret';
  readonly name: string;
  readonly namespace?: string;
  /** `behavior: merge|replace` changes an object of a base instead of creating one. */
  readonly behavior?: string;
  readonly range: LineRange;
}

/**
 * Labels a kustomization adds (`commonLabels`, or one `labels` entry) and where: always to
 * `metadata.labels`; to selectors and pod templates for `commonLabels` and `includeSelectors`;
 * to pod templates alone for `includeTemplates`.
 */
export interface LabelSet {
  readonly pairs: Readonly<Record<string, string>>;
  readonly selectors: boolean;
  readonly templates: boolean;
}

export interface KustomizationFacts {
  readonly uri: string;
  /** `Component` (kustomize.config.k8s.io/v1alpha1) rather than `Kustomization`. */
  readonly component: boolean;
  /** Every path the kustomization names, in order. */
  readonly paths: readonly KustomizePath[];
  readonly patches: readonly PatchEntry[];
  readonly namespace?: Placed<string>;
  readonly namePrefix?: Placed<string>;
  readonly nameSuffix?: Placed<string>;
  /** `labels`, `commonLabels` and `commonAnnotations` entries that change objects. */
  readonly labels?: LineRange;
  readonly commonLabels?: LineRange;
  /** The label values of `commonLabels` and `labels`, in the order kustomize applies them. */
  readonly labelSets: readonly LabelSet[];
  readonly replicas: readonly ReplicaEntry[];
  readonly images: readonly ImageEntry[];
  readonly generators: readonly GeneratorEntry[];
  /** Helm charts or plugin generators/transformers, which we never run. */
  readonly needsHelmOrPlugins: boolean;
}

const kustomizationNames: ReadonlySet<string> = new Set([
  'kustomization.yaml',
  'kustomization.yml',
  'Kustomization',
]);

/** True for the file names kustomize reads as a kustomization. */
export function isKustomizationFileName(uri: string): boolean {
  return kustomizationNames.has(uri.slice(uri.lastIndexOf('/') + 1));
}

/** True for a document of kind Kustomization or Component (or no kind yet) of kustomize's API group. */
export function isKustomizationDocument(document: DocumentModel): boolean {
  return (
    (document.kind === undefined ||
      document.kind === 'Kustomization' ||
      document.kind === 'Component') &&
    (document.apiVersion ?? '').startsWith('kustomize.config.k8s.io/')
  );
}

/** The kustomization a file holds: by its name, or by the kind of its first document. */
export function readKustomization(model: FileModel): KustomizationFacts | undefined {
  const document = model.documents.find((doc) => doc.root !== null) ?? model.documents[0];
  if (!document) {
    return undefined;
  }
  if (!isKustomizationFileName(model.uri) && !isKustomizationDocument(document)) {
    return undefined;
  }
  const root = asMap(document.root);
  const place = (node: YamlNode): LineRange => spanToRange(model, node.span);
  const paths: KustomizePath[] = [];
  const addPath = (
    node: YamlNode | undefined,
    use: KustomizePathUse,
  ): KustomizePath | undefined => {
    const path = scalarText(node);
    if (!node || !path) {
      return undefined;
    }
    const entry = { path, use, span: node.span, range: place(node) };
    paths.push(entry);
    return entry;
  };
  for (const item of seqItems(getValue(root, 'resources'))) {
    addPath(item, 'resource');
  }
  for (const item of seqItems(getValue(root, 'bases'))) {
    addPath(item, 'resource');
  }
  for (const item of seqItems(getValue(root, 'components'))) {
    addPath(item, 'component');
  }
  const patches: PatchEntry[] = [];
  for (const item of seqItems(getValue(root, 'patches'))) {
    const inline = scalarText(getValue(item, 'patch'));
    const path = addPath(getValue(item, 'path'), 'patch');
    patches.push({
      ...(path ? { path } : {}),
      ...(inline !== undefined ? { inline } : {}),
      ...targetOf(getValue(item, 'target')),
      json6902: inline !== undefined && /^\s*-/.test(inline),
      range: place(item),
    });
  }
  for (const item of seqItems(getValue(root, 'patchesStrategicMerge'))) {
    const text = scalarText(item) ?? '';
    // An entry is a path, or (rarely) an inline patch written as a multi-line string.
    const path = text.includes('\n') ? undefined : addPath(item, 'patchesStrategicMerge');
    patches.push({
      ...(path ? { path } : { inline: text }),
      json6902: false,
      range: place(item),
    });
  }
  for (const item of seqItems(getValue(root, 'patchesJson6902'))) {
    const path = addPath(getValue(item, 'path'), 'patchesJson6902');
    const inline = scalarText(getValue(item, 'patch'));
    patches.push({
      ...(path ? { path } : {}),
      ...(inline !== undefined ? { inline } : {}),
      ...targetOf(getValue(item, 'target')),
      json6902: true,
      range: place(item),
    });
  }
  const generators: GeneratorEntry[] = [];
  for (const [key, kind] of [
    ['configMapGenerator', 'ConfigMap'],
    ['secretGenerator', 'Secret'],
  ] as const) {
    for (const item of seqItems(getValue(root, key))) {
      const name = scalarText(getValue(item, 'name'));
      for (const file of seqItems(getValue(item, 'files'))) {
        // `files` entries may be `key=path`; the path is after the first `=`.
        const text = scalarText(file);
        if (text !== undefined && !text.includes('=')) {
          addPath(file, 'generatorFile');
        }
      }
      if (name) {
        const namespace = scalarText(getValue(item, 'namespace'));
        const behavior = scalarText(getValue(item, 'behavior'));
        generators.push({
          kind,
          name,
          ...(namespace ? { namespace } : {}),
          ...(behavior ? { behavior } : {}),
          range: place(item),
        });
      }
    }
  }
  const placedText = (key: string): Placed<string> | undefined => {
    const node = getValue(root, key);
    const value = scalarText(node);
    return node && value !== undefined ? { value, range: place(node) } : undefined;
  };
  const keyRange = (key: string): LineRange | undefined => {
    const pair = getPair(root, key);
    return pair ? spanToRange(model, pair.keySpan) : undefined;
  };
  const namespace = placedText('namespace');
  const namePrefix = placedText('namePrefix');
  const nameSuffix = placedText('nameSuffix');
  const labels = keyRange('labels');
  const commonLabels = keyRange('commonLabels');
  return {
    uri: model.uri,
    component: document.kind === 'Component',
    paths,
    patches,
    ...(namespace ? { namespace } : {}),
    ...(namePrefix ? { namePrefix } : {}),
    ...(nameSuffix ? { nameSuffix } : {}),
    ...(labels ? { labels } : {}),
    ...(commonLabels ? { commonLabels } : {}),
    labelSets: labelSetsOf(root),
    replicas: seqItems(getValue(root, 'replicas')).flatMap((item) => {
      const name = scalarText(getValue(item, 'name'));
      const count = scalarNumber(getValue(item, 'count'));
      return name && count !== undefined ? [{ name, count, range: place(item) }] : [];
    }),
    images: seqItems(getValue(root, 'images')).flatMap((item) => {
      const name = scalarText(getValue(item, 'name'));
      return name ? [{ name, range: place(item) }] : [];
    }),
    generators,
    needsHelmOrPlugins: [
      'helmCharts',
      'helmChartInflationGenerator',
      'generators',
      'transformers',
      'validators',
    ].some((key) => getPair(root, key) !== undefined),
  };
}

function labelSetsOf(root: YamlNode | undefined): LabelSet[] {
  const sets: LabelSet[] = [];
  const common = stringMap(getValue(root, 'commonLabels'));
  if (common.size > 0) {
    sets.push({ pairs: Object.fromEntries(common), selectors: true, templates: true });
  }
  for (const item of seqItems(getValue(root, 'labels'))) {
    const pairs = stringMap(getValue(item, 'pairs'));
    if (pairs.size === 0) {
      continue;
    }
    const selectors = scalarText(getValue(item, 'includeSelectors')) === 'true';
    sets.push({
      pairs: Object.fromEntries(pairs),
      selectors,
      templates: selectors || scalarText(getValue(item, 'includeTemplates')) === 'true',
    });
  }
  return sets;
}

function targetOf(node: YamlNode | undefined): { target?: PatchTarget; targetSpan?: Span } {
  const map = asMap(node);
  if (!map) {
    return {};
  }
  const kind = scalarText(getValue(map, 'kind'));
  const name = scalarText(getValue(map, 'name'));
  const namespace = scalarText(getValue(map, 'namespace'));
  return {
    target: {
      ...(kind ? { kind } : {}),
      ...(name ? { name } : {}),
      ...(namespace ? { namespace } : {}),
      ...(getValue(map, 'labelSelector') !== undefined ||
      getValue(map, 'annotationSelector') !== undefined
        ? { bySelector: true }
        : {}),
    },
    targetSpan: map.span,
  };
}

/**
 * Resolves a path written in a kustomization against the kustomization's folder, as a `file:`
 * uri without a trailing slash; undefined for remote paths (URLs, `github.com/…`), which
 * kustomize would fetch and we never do.
 */
export function resolveKustomizePath(kustomizationUri: string, path: string): string | undefined {
  if (isRemotePath(path)) {
    return undefined;
  }
  const folder = kustomizationUri.slice(0, kustomizationUri.lastIndexOf('/') + 1);
  try {
    return new URL(path.split('/').map(encodeURIComponent).join('/'), folder).href.replace(
      /\/$/,
      '',
    );
  } catch {
    return undefined;
  }
}

/** A path kustomize would fetch over the network (a URL, a git repository or a host path). */
export function isRemotePath(path: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(path) ||
    /^git@/.test(path) ||
    /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(path) ||
    path.includes('?ref=') ||
    path.includes('//') ||
    /^[a-z0-9-]+(\.[a-z0-9-]+)+\//i.test(path)
  );
}
