// The read-only view of the workspace index that rules receive. The index layer implements it;
// rules never import the index itself, so they stay testable with an in-memory view.
import type { LineRange } from '../model';

/** A Kubernetes object somewhere in the workspace, reduced to the facts cross-file rules need. */
export interface IndexedObject {
  readonly uri: string;
  readonly documentIndex: number;
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  /** The range of `metadata.name` (or of the document when it has none). */
  readonly nameRange: LineRange;
}

export interface IndexView {
  /** Objects of a kind in a namespace (all namespaces when `namespace` is undefined). */
  objectsOfKind(kind: string, namespace?: string): readonly IndexedObject[];
}

/** An index with nothing in it, for single-file checks. */
export const emptyIndexView: IndexView = {
  objectsOfKind: () => [],
};
