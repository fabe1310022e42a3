// Reduces a parsed file to the facts the workspace index keeps: one entry per Kubernetes object
// (namespace left open when the manifest gives none) and a kustomization's `namespace:`. Pure.
import { asMap, getIn, getValue, lineOfOffset, originOf, scalarText } from '../model';
import type { GeneratorEntry, KustomizationFacts } from '../kustomize/kustomization';
import { isKustomizationFileName, readKustomization } from '../kustomize/kustomization';
import type { DocumentModel, FileModel } from '../model';
import { readCrd } from '../schema/custom-resources';
import type { CrdDeclaration } from '../schema/custom-resources';
import { documentFacts } from '../rules/support/document-facts';
import { explicitNamespaceOf, isClusterScoped } from '../rules/support/object-facts';
import type { TypedFacts } from '../rules/support/object-facts';

/** One object of a file. */
export interface FactEntry {
  /** `metadata.namespace` as written; undefined means "the folder's default namespace". */
  readonly explicitNamespace: string | undefined;
  /** Cluster-scoped kinds (StorageClass, …) have no namespace at all. */
  readonly clusterScoped: boolean;
  /** The facts, read with the namespace `''` as a placeholder until the index resolves it. */
  readonly typed: TypedFacts;
}

/** Everything the index knows about one file. */
export interface FileFacts {
  readonly uri: string;
  readonly entries: readonly FactEntry[];
  /** The `namespace:` of a kustomization file, which applies to its folder's manifests. */
  readonly kustomizationNamespace?: string;
  /**
   * The CustomResourceDefinitions of the file, read once per document model; they give custom
   * resources their schema (see schema/custom-resources.ts). Not plain data: kept apart from
   * `entries`, which are compared and moved as JSON.
   */
  readonly crds?: readonly CrdDeclaration[];
  /** What the file says as a kustomization (paths, patches, transformations), when it is one. */
  readonly kustomization?: KustomizationFacts;
  /**
   * Every Kubernetes document has `metadata` with nothing but a name (and namespace): the
   * shape of a strategic-merge patch, which the index treats as one beside a kustomization.
   */
  readonly patchShaped?: boolean;
  /** The first document is a list of `op`/`path` entries: a JSON 6902 patch. */
  readonly operationList?: boolean;
}

/** True for the file names kustomize reads as a kustomization. */
export function isKustomizationUri(uri: string): boolean {
  return isKustomizationFileName(uri);
}

/** The folder part of a uri (everything before the last `/`). */
export function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}

/**
 * `extractFacts` in steps: it stops after each document's facts (kept per document object), so
 * a server can read the facts of a file of thousands of documents between other requests.
 */
export function* extractFactsSteps(model: FileModel): Generator<void, FileFacts, undefined> {
  for (const document of model.documents) {
    documentEntry(model, document);
    yield;
  }
  return extractFacts(model);
}

export function extractFacts(model: FileModel): FileFacts {
  const entries: FactEntry[] = [];
  for (const document of model.documents) {
    const entry = documentEntry(model, document);
    if (entry) {
      entries.push(entry);
    }
  }
  const kustomization = readKustomization(model);
  if (kustomization) {
    const kustomizationNamespace = isKustomizationUri(model.uri)
      ? scalarText(getValue(model.documents[0]?.root, 'namespace')) || undefined
      : undefined;
    // A kustomization's own document is no object of the cluster, but the ConfigMaps and
    // Secrets its generators create are, under the name manifests refer to them by (kustomize
    // rewrites those references when it appends the content hash).
    return {
      uri: model.uri,
      entries: kustomization.generators
        .filter((generator) => generator.behavior !== 'merge' && generator.behavior !== 'replace')
        .map((generator) => generatorEntry(model.uri, generator)),
      ...(kustomizationNamespace !== undefined ? { kustomizationNamespace } : {}),
      kustomization,
    };
  }
  const objects = model.documents.filter((document) => document.classification === 'kubernetes');
  const patchShaped = objects.length > 0 && objects.every(isPatchShaped);
  const first = model.documents.find((document) => document.root !== null);
  const operationList =
    first?.root?.type === 'seq' &&
    first.root.items.some((item) => getValue(item, 'op') !== undefined);
  const crds = model.documents.flatMap((document) => readCrd(model.uri, document) ?? []);
  return {
    uri: model.uri,
    entries,
    ...(crds.length > 0 ? { crds } : {}),
    ...(patchShaped ? { patchShaped } : {}),
    ...(operationList ? { operationList } : {}),
  };
}

/**
 * The fields without which a whole object of the kind would make no sense; a document of the
 * kind that names only itself in `metadata` and has none of them is the shape of a patch.
 */
const identityFields: Readonly<Record<string, readonly (readonly string[])[]>> = {
  StatefulSet: [['spec', 'template']],
  Deployment: [['spec', 'template']],
  DaemonSet: [['spec', 'template']],
  ReplicaSet: [['spec', 'template']],
  Job: [['spec', 'template']],
  CronJob: [['spec', 'jobTemplate']],
  Service: [
    ['spec', 'ports'],
    ['spec', 'selector'],
    ['spec', 'externalName'],
  ],
  PodDisruptionBudget: [['spec', 'selector']],
  PersistentVolumeClaim: [
    ['spec', 'accessModes'],
    ['spec', 'resources'],
  ],
};

function generatorEntry(uri: string, generator: GeneratorEntry): FactEntry {
  return {
    explicitNamespace: generator.namespace,
    clusterScoped: false,
    typed: {
      category: 'object',
      facts: {
        uri,
        documentIndex: 0,
        apiVersion: 'v1',
        kind: generator.kind,
        name: generator.name,
        namespace: '',
        nameRange: generator.range,
      },
    },
  };
}

function isPatchShaped(document: DocumentModel): boolean {
  const metadata = asMap(getValue(document.root, 'metadata'));
  const fields = identityFields[document.kind ?? ''];
  return (
    fields !== undefined &&
    metadata !== undefined &&
    metadata.pairs.every((pair) => pair.key === 'name' || pair.key === 'namespace') &&
    fields.every((path) => getIn(document.root, path) === undefined)
  );
}

/**
 * The facts of one document, remembered per document object: the parser reuses the documents an
 * edit did not touch, so re-extracting a large file after typing reads one document again. A
 * document the edit only moved gets its previous facts with line numbers moved the same way.
 */
interface CachedEntry {
  readonly uri: string;
  readonly index: number;
  readonly startLine: number;
  readonly entry: FactEntry | undefined;
}

const entries = new WeakMap<DocumentModel, CachedEntry>();

function documentEntry(model: FileModel, document: DocumentModel): FactEntry | undefined {
  const startLine = lineOfOffset(model.lineStarts, document.span[0]);
  const fits = (cached: CachedEntry | undefined): cached is CachedEntry =>
    cached !== undefined && cached.uri === model.uri;
  const cached = entries.get(document);
  if (fits(cached) && cached.startLine === startLine && cached.index === document.index) {
    return cached.entry;
  }
  const origin = originOf(document);
  const previous = origin && entries.get(origin.document);
  const entry = fits(previous)
    ? previous.entry && moveEntry(previous.entry, startLine - previous.startLine, document.index)
    : readEntry(model, document);
  entries.set(document, { uri: model.uri, index: document.index, startLine, entry });
  return entry;
}

function readEntry(model: FileModel, document: DocumentModel): FactEntry | undefined {
  const explicitNamespace = explicitNamespaceOf(document);
  const typed = documentFacts(model, document, explicitNamespace ?? '');
  return typed
    ? { explicitNamespace, clusterScoped: isClusterScoped(typed.facts.kind), typed }
    : undefined;
}

/**
 * Facts are plain data whose only positions are line ranges (`{ line, character }`) and the
 * document's number, so moving a document's facts is a copy with those two adjusted.
 */
function moveEntry(entry: FactEntry, lines: number, documentIndex: number): FactEntry {
  const move = (value: unknown, key: string | undefined): unknown => {
    if (key === 'documentIndex' && typeof value === 'number') {
      return documentIndex;
    }
    if (Array.isArray(value)) {
      return value.map((item) => move(item, undefined));
    }
    if (
      value instanceof Map ||
      value instanceof Set ||
      typeof value !== 'object' ||
      value === null
    ) {
      return value;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.line === 'number' && typeof record.character === 'number') {
      return { ...record, line: record.line + lines };
    }
    const copy: Record<string, unknown> = {};
    for (const [name, child] of Object.entries(record)) {
      copy[name] = move(child, name);
    }
    return copy;
  };
  return lines === 0 && documentIndex === entry.typed.facts.documentIndex
    ? entry
    : (move(entry, undefined) as FactEntry);
}
