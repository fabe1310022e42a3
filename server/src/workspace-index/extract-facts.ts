// Reduces a parsed file to the facts the workspace index keeps: one entry per Kubernetes object
// (namespace left open when the manifest gives none) and a kustomization's `namespace:`. Pure.
import { getValue, lineOfOffset, originOf, scalarText } from '../model';
import type { DocumentModel, FileModel } from '../model';
import { readCrd } from '../schema/custom-resources';
import type { CrdDeclaration } from '../schema/custom-resources';
import {
  explicitNamespaceOf,
  isClusterScoped,
  readDocumentFacts,
} from '../rules/support/object-facts';
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
}

const kustomizationNames: ReadonlySet<string> = new Set([
  'kustomization.yaml',
  'kustomization.yml',
  'Kustomization',
]);

/** True for the file names kustomize reads as a kustomization. */
export function isKustomizationUri(uri: string): boolean {
  return kustomizationNames.has(uri.slice(uri.lastIndexOf('/') + 1));
}

/** The folder part of a uri (everything before the last `/`). */
export function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}

export function extractFacts(model: FileModel): FileFacts {
  const entries: FactEntry[] = [];
  for (const document of model.documents) {
    const entry = documentEntry(model, document);
    if (entry) {
      entries.push(entry);
    }
  }
  const kustomizationNamespace = isKustomizationUri(model.uri)
    ? scalarText(getValue(model.documents[0]?.root, 'namespace')) || undefined
    : undefined;
  const crds = model.documents.flatMap((document) => readCrd(model.uri, document) ?? []);
  return {
    uri: model.uri,
    entries,
    ...(kustomizationNamespace !== undefined ? { kustomizationNamespace } : {}),
    ...(crds.length > 0 ? { crds } : {}),
  };
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
  const typed = readDocumentFacts(model, document, explicitNamespace ?? '');
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
