// What the areas read about the workspace: the index of every manifest and the schema composed
// with the CustomResourceDefinitions it holds. server.ts creates it before any area registers
// and hands it to all of them; the workspace area feeds it, the others only read it.
import type { Schema } from '../schema';
import type { CrdDeclaration } from '../schema/custom-resources';
import { composeSchema } from '../schema/custom-resources';
import type { IndexView } from '../rules/index-view';
import type { DocumentRole } from '../rules/types';
import { canonicalUri, statUri } from '../workspace-index/index-files';
import { WorkspaceIndex } from '../workspace-index/workspace-index';

export class WorkspaceState {
  readonly index = new WorkspaceIndex(statUri);
  /** Listeners run when the index finished a scan or took in file events from the disk. */
  readonly onIndexed: (() => void | Promise<void>)[] = [];
  private composed: Schema;
  private configuredCrds: readonly CrdDeclaration[] = [];
  private composedAt = -1;
  // The index readings under way, per document uri: the facts of a changed document are read in
  // slices, and features that read other files wait for the newest reading of their own file.
  private readonly readings = new Map<string, Promise<void>>();
  // Every index update under way (change readings, re-reads after a close, watched-file reads):
  // the status request reports them, so a client or test can wait until the index is settled.
  private readonly work = new Set<Promise<void>>();

  constructor(private readonly builtIn: Schema) {
    this.composed = builtIn;
    // Until the first scan finishes, rules that report something missing wait.
    this.index.setComplete(false);
  }

  /**
   * The built-in schema plus the kinds of every known CustomResourceDefinition (the workspace's
   * and `kubeStateful.crds`).
   */
  get schema(): Schema {
    return this.composed;
  }

  /** Takes the CRDs of `kubeStateful.crds` and composes the schema again. */
  setConfiguredCrds(declarations: readonly CrdDeclaration[]): void {
    this.configuredCrds = declarations;
    this.recompose(true);
  }

  /** Composes the schema again if the index's CRDs changed (or `force`); true if it did. */
  recompose(force = false): boolean {
    if (!force && this.composedAt === this.index.crdRevision) {
      return false;
    }
    this.composedAt = this.index.crdRevision;
    this.composed = composeSchema(this.builtIn, [
      ...this.index.customResourceDefinitions(),
      ...this.configuredCrds,
    ]);
    return true;
  }

  /** Records that the facts of a document's newest version are being read into the index. */
  reading(uri: string, update: Promise<void>): Promise<void> {
    this.readings.set(uri, update);
    return this.track(update).finally(() => {
      if (this.readings.get(uri) === update) {
        this.readings.delete(uri);
      }
    });
  }

  /** Counts an index update as under way until it settles. */
  track(update: Promise<void>): Promise<void> {
    this.work.add(update);
    return update.finally(() => this.work.delete(update));
  }

  /** How many index updates are under way. */
  get pendingUpdates(): number {
    return this.work.size;
  }

  /** Settles once the index holds the facts of the document's latest version. */
  async indexed(uri: string): Promise<void> {
    await this.readings.get(uri)?.catch(() => undefined);
  }

  /** Cross-file facts for rules, recording nothing. */
  view(): IndexView {
    return this.index.view();
  }

  /** The view a check of this file reads (the index records what the file depends on). */
  indexFor(uri: string): IndexView {
    return this.index.viewFor(uri);
  }

  /** The namespace of documents without `metadata.namespace` in this file (kustomization or default). */
  defaultNamespaceOf(uri: string): string {
    return this.index.defaultNamespaceOf(canonicalUri(uri));
  }

  /** The role of a document of this file (whole object, kustomize patch, …), from the index. */
  roleOf(uri: string, documentIndex: number): DocumentRole {
    return this.index.roleOf(canonicalUri(uri), documentIndex);
  }
}
