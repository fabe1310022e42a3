// Reduces a parsed file to the facts the workspace index keeps: one entry per Kubernetes object
// (namespace left open when the manifest gives none) and a kustomization's `namespace:`. Pure.
import { getValue, scalarText } from '../model';
import type { FileModel } from '../model';
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
    const explicitNamespace = explicitNamespaceOf(document);
    const typed = readDocumentFacts(model, document, explicitNamespace ?? '');
    if (typed) {
      entries.push({ explicitNamespace, clusterScoped: isClusterScoped(typed.facts.kind), typed });
    }
  }
  const kustomizationNamespace = isKustomizationUri(model.uri)
    ? scalarText(getValue(model.documents[0]?.root, 'namespace')) || undefined
    : undefined;
  return {
    uri: model.uri,
    entries,
    ...(kustomizationNamespace !== undefined ? { kustomizationNamespace } : {}),
  };
}
