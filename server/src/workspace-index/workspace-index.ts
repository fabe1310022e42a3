// The workspace index: the extracted facts of every manifest file, queried through IndexView.
// It resolves namespaces (kustomization folders), counts revisions and remembers which files
// asked about which objects, so only the files that depend on a change need new diagnostics.
import type {
  ClaimFacts,
  ConfigMapFacts,
  CustomResourceFacts,
  IndexedObject,
  IndexQuery,
  IndexView,
  OverlayScope,
  PathKind,
  PdbFacts,
  ServiceFacts,
  StorageClassFacts,
  StrimziFacts,
  WorkloadFacts,
} from '../rules/index-view';
import type { CrdDeclaration } from '../schema/custom-resources';
import type { DocumentRole } from '../rules/types';
import type { FactEntry, FileFacts } from './extract-facts';
import { folderOf } from './extract-facts';
import { resolveKustomizePath } from '../kustomize/kustomization';
import { KustomizeTree } from './kustomize-tree';
import type { Category } from './object-table';
import { allNamespaces, ObjectTable } from './object-table';
import type { OverlayObjects } from './overlay-view';
import { overlayFrame, overlayObjects } from './overlay-view';

/** What an update changed, for deciding which files to re-check. */
export interface IndexChange {
  /** True when the facts differ from before (ignoring ranges that only moved). */
  readonly changed: boolean;
  /** Dependency keys the change touches, e.g. `service:db` or `kind:StatefulSet:db`. */
  readonly keys: ReadonlySet<string>;
  /** True when namespaces of other files may have moved (a kustomization changed). */
  readonly everything: boolean;
}

interface Snapshot {
  readonly revision: number;
  /** Resolved facts per category and namespace. */
  readonly table: ObjectTable;
  readonly tree: KustomizeTree;
  /** The files in uri order. */
  readonly files: readonly (readonly [string, FileFacts])[];
  /** Overlay tables by overlay and checked file's kustomization, built on first use. */
  readonly overlays: Map<string, OverlayObjects>;
}

let revisions = 0;

function nextRevision(): number {
  return ++revisions;
}

export class WorkspaceIndex {
  private readonly files = new Map<string, FileFacts>();
  /** For each file, the dependency keys its last rule run queried. */
  private readonly dependencies = new Map<string, Set<string>>();
  private snapshot: Snapshot | undefined;
  private revisionCounter = 0;
  /**
   * Revisions for `revisionOf`, drawn from one counter shared by every index so that no two
   * bumps (of any index) share a number: each query key (`workload:prod`, `kind:Service:*`, …)
   * takes a new number when an object under it changed in any way, positions included; the
   * epoch takes one when everything may read differently (namespaces or kustomize roles moved,
   * the scan finished, new roots) and at creation (a model may be checked against two indexes).
   * A query's revision is the largest number among its keys and the epoch, so it changes
   * whenever any of them does.
   */
  private readonly keyRevisions = new Map<string, number>();
  private epoch = nextRevision();
  private complete = true;
  private roots: string[] = [];

  private crdsByUri = new Map<string, readonly CrdDeclaration[]>();
  private crdRevisionCounter = 0;

  /** Grows whenever the set of CustomResourceDefinitions changes (an edit to one included). */
  get crdRevision(): number {
    return this.crdRevisionCounter;
  }

  /** Every CustomResourceDefinition in the indexed files. */
  customResourceDefinitions(): CrdDeclaration[] {
    return [...this.crdsByUri.values()].flat();
  }

  /**
   * @param statPath tells what a local path is (the server and CLI pass Node's `statSync`);
   *   without it every path is `unknown` and no path is reported missing.
   */
  constructor(private readonly statPath: (uri: string) => PathKind = () => 'unknown') {}

  /** Grows on every update or removal that changed something. */
  get revision(): number {
    return this.revisionCounter;
  }

  get fileCount(): number {
    return this.files.size;
  }

  /** Whether the initial scan has finished (absence rules wait for it). */
  isComplete(): boolean {
    return this.complete;
  }

  /**
   * The workspace folders (as uris, without a trailing `/`): a file's project is the top folder
   * it lives in below its root (files directly in a root form the root's own project).
   */
  setRoots(rootUris: readonly string[]): void {
    this.roots = [...rootUris]
      .map((uri) => uri.replace(/\/+$/, ''))
      .sort((a, b) => b.length - a.length);
    this.epoch = nextRevision();
  }

  /** The project of a uri (see setRoots); `''` when no root holds it. */
  projectOf(uri: string): string {
    const root = this.roots.find((candidate) => uri.startsWith(`${candidate}/`));
    if (root === undefined) {
      return '';
    }
    const rest = uri.slice(root.length + 1);
    const slash = rest.indexOf('/');
    return slash < 0 ? root : `${root}/${rest.slice(0, slash)}`;
  }

  setComplete(complete: boolean): void {
    if (this.complete !== complete) {
      this.epoch = nextRevision();
    }
    this.complete = complete;
  }

  /** The uris of every indexed file. */
  uris(): string[] {
    return [...this.files.keys()];
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  /** Replaces a file's facts. A file without objects or kustomization is dropped. */
  update(uri: string, facts: FileFacts): IndexChange {
    const before = this.files.get(uri);
    if (
      facts.entries.length === 0 &&
      facts.kustomizationNamespace === undefined &&
      !facts.kustomization &&
      !facts.operationList
    ) {
      return this.remove(uri);
    }
    this.setCrds(uri, facts.crds ?? []);
    const touched = this.touchEntries(uri, before, facts);
    const semanticChange = !before || !sameFacts(before, facts);
    this.files.set(uri, facts);
    this.bump();
    if (!semanticChange) {
      return { changed: false, keys: new Set(), everything: false };
    }
    return this.describeChange(before, facts, touched);
  }

  remove(uri: string): IndexChange {
    const before = this.files.get(uri);
    this.dependencies.delete(uri);
    this.setCrds(uri, []);
    if (!before) {
      return { changed: false, keys: new Set(), everything: false };
    }
    const touched = this.touchEntries(uri, before, undefined);
    this.files.delete(uri);
    this.bump();
    return this.describeChange(before, undefined, touched);
  }

  /** Files whose last check read something a change touched. */
  dependentsOf(change: IndexChange): string[] {
    if (!change.changed) {
      return [];
    }
    const result: string[] = [];
    for (const [uri, keys] of this.dependencies) {
      if (change.everything || [...keys].some((key) => change.keys.has(key))) {
        result.push(uri);
      }
    }
    return result;
  }

  /** The namespace of a document without `metadata.namespace` in this file. */
  defaultNamespaceOf(uri: string): string {
    return this.kustomizationNamespace(folderOf(uri)) ?? 'default';
  }

  /**
   * The role of a document: `kustomization`, a strategic-merge `patch` or a `json-patch` that a
   * kustomization uses (or that sits unlisted beside one), else a whole `object`. Patches get
   * only the rules that judge the fields they set (see `Rule.judges`).
   */
  roleOf(uri: string, _documentIndex = 0): DocumentRole {
    return this.current().tree.roleOf(uri);
  }

  /** The kustomization trees of the workspace (which overlay includes which file, …). */
  kustomizeTree(): KustomizeTree {
    return this.current().tree;
  }

  /**
   * The top-level kustomizations (overlays nobody includes) whose build includes the file;
   * empty when the file belongs to no kustomization tree. Use it to compare objects only
   * within one project (e.g. StorageClasses of the same tree).
   */
  kustomizationRootsOf(uri: string): string[] {
    return this.current().tree.treeRootsOf(uri);
  }

  /**
   * A view for checking one file: every query it answers is remembered as a dependency of that
   * file (replacing what the previous check of the file recorded).
   */
  viewFor(uri: string): IndexView {
    const keys = new Set<string>();
    this.dependencies.set(uri, keys);
    return this.createView((key) => keys.add(key));
  }

  /** A view that records nothing, for callers that are not checking a file. */
  view(): IndexView {
    return this.createView(() => undefined);
  }

  /**
   * The overlays whose build includes the file, each with a view of the objects as that
   * overlay deploys them (see overlay-view.ts); empty for a file of no kustomize tree. Queries
   * are recorded as dependencies of `dependencyUri` (call `viewFor` first: it starts the set).
   */
  overlayScopesFor(
    uri: string,
    labelOf: (overlayUri: string) => string,
    dependencyUri = uri,
  ): OverlayScope[] {
    const snapshot = this.current();
    const overlays = snapshot.tree
      .treeRootsOf(uri)
      .filter((root) => !snapshot.tree.kustomization(root)?.component);
    if (overlays.length === 0) {
      return [];
    }
    let keys = this.dependencies.get(dependencyUri);
    if (!keys) {
      keys = new Set();
      this.dependencies.set(dependencyUri, keys);
    }
    const record = keys.add.bind(keys);
    return overlays.map((root) => {
      // Files included by the same kustomization see the overlay alike.
      const frame = overlayFrame(snapshot.tree, root, uri);
      const key = `${root}\n${frame.checkedHome}`;
      let objects = snapshot.overlays.get(key);
      if (!objects) {
        objects = overlayObjects(snapshot.tree, snapshot.files, frame, (file, entry) =>
          this.resolveNamespace(file, entry),
        );
        snapshot.overlays.set(key, objects);
      }
      const table = objects.table;
      return {
        uri: root,
        label: labelOf(root),
        // Overlay namespaces are not the index's: any change of a category may matter.
        index: this.createView(
          (dependency) => record(dependency.replace(/:[^:]*$/, ':*')),
          () => table,
        ),
        ...(objects.namespace !== undefined ? { namespace: objects.namespace } : {}),
      };
    });
  }

  private createView(record: (key: string) => void, ownTable?: () => ObjectTable): IndexView {
    const tableOf = ownTable ?? ((): ObjectTable => this.current().table);
    const inCategory = <T extends IndexedObject>(category: Category, namespace?: string) => {
      const ns = namespace ?? allNamespaces;
      record(`${category}:${ns}`);
      return tableOf().inCategory(category, ns) as readonly T[];
    };
    return {
      revisionOf: (method, args) => {
        // An overlay's objects are rebuilt from many files: no revision vouches for them.
        const keys = ownTable ? undefined : queryKeys(method, args);
        if (keys === undefined) {
          return undefined;
        }
        let revision = this.epoch;
        for (const key of keys) {
          record(key);
          revision = Math.max(revision, this.keyRevisions.get(key) ?? 0);
        }
        return revision;
      },
      isComplete: () => this.complete,
      projectOf: (uri) => this.projectOf(uri),
      kustomizeRootsOf: (uri) => this.kustomizationRootsOf(uri),
      objectsOfKind: (kind, namespace) => {
        const ns = namespace ?? allNamespaces;
        record(`kind:${kind}:${ns}`);
        return tableOf().ofKind(kind, ns);
      },
      allObjects: () => tableOf().all(),
      services: (namespace) => inCategory<ServiceFacts>('service', namespace),
      storageClasses: () => inCategory<StorageClassFacts>('storageClass', ''),
      claims: (namespace) => inCategory<ClaimFacts>('claim', namespace),
      podDisruptionBudgets: (namespace) => inCategory<PdbFacts>('pdb', namespace),
      workloads: (namespace) => inCategory<WorkloadFacts>('workload', namespace),
      pathKind: (uri) => this.statPath(uri),
      kustomizationIn: (folder) => {
        record('kustomization');
        const tree = this.current().tree;
        const uri = tree.kustomizationIn(folder);
        return uri === undefined ? undefined : tree.kustomization(uri);
      },
      objectsBuiltBy: (kustomizationUri) => {
        record('kustomization');
        return this.objectsBuiltBy(kustomizationUri);
      },
      strimziResources: (namespace) => inCategory<StrimziFacts>('strimzi', namespace),
      configMaps: (namespace) => inCategory<ConfigMapFacts>('configMap', namespace),
      customResources: (namespace) => [
        ...inCategory<CustomResourceFacts>('customResource', namespace),
        ...inCategory<StrimziFacts>('strimzi', namespace),
      ],
    };
  }

  private objectsBuiltBy(kustomizationUri: string): readonly IndexedObject[] | undefined {
    const snapshot = this.current();
    const tree = snapshot.tree;
    const files = tree.filesOf(kustomizationUri);
    // Every resource of the build must be in the index (or a kustomization) to say what it holds.
    const known = files.every((uri) => {
      const kustomization = tree.kustomization(uri);
      return (
        !kustomization ||
        (!kustomization.needsHelmOrPlugins &&
          kustomization.paths.every((entry) => {
            if (entry.use !== 'resource' && entry.use !== 'component') {
              return true;
            }
            const target = resolveKustomizePath(uri, entry.path);
            return (
              target !== undefined &&
              (tree.kustomizationIn(target) !== undefined || this.files.has(target))
            );
          }))
      );
    });
    if (!known || !tree.kustomization(kustomizationUri)) {
      return undefined;
    }
    const key = `build\n${kustomizationUri}`;
    let objects = snapshot.overlays.get(key);
    if (!objects) {
      const frame = overlayFrame(tree, kustomizationUri, kustomizationUri);
      objects = overlayObjects(
        tree,
        snapshot.files,
        frame,
        (file, entry) => this.resolveNamespace(file, entry),
        false,
      );
      snapshot.overlays.set(key, objects);
    }
    return objects.table.all();
  }

  /** Declarations are cached per document model, so an unchanged CRD keeps its identity. */
  private setCrds(uri: string, crds: readonly CrdDeclaration[]): void {
    const before = this.crdsByUri.get(uri) ?? [];
    if (before.length === crds.length && before.every((crd, i) => crd === crds[i])) {
      return;
    }
    if (crds.length === 0) {
      this.crdsByUri.delete(uri);
    } else {
      this.crdsByUri.set(uri, crds);
    }
    this.crdRevisionCounter++;
  }

  /**
   * Bumps the revision of every query key an update touched. Entries of documents an edit did
   * not change (or moved without changing their lines) are the same objects before and after,
   * so only the edited documents' keys move, and a query over the rest keeps its revision.
   */
  private touchEntries(
    uri: string,
    before: FileFacts | undefined,
    after: FileFacts | undefined,
  ): FactEntry[] {
    const beforeEntries = new Set(before?.entries ?? []);
    const afterEntries = new Set(after?.entries ?? []);
    const touched = [
      ...[...beforeEntries].filter((entry) => !afterEntries.has(entry)),
      ...[...afterEntries].filter((entry) => !beforeEntries.has(entry)),
    ];
    const keys = new Set(touched.flatMap((entry) => this.entryKeys(uri, entry)));
    if (keys.size > 0) {
      keys.add(everyObjectKey);
    }
    for (const key of keys) {
      this.keyRevisions.set(key, nextRevision());
    }
    return touched;
  }

  /** The query keys whose answers include this entry's object. */
  private entryKeys(uri: string, entry: FactEntry): string[] {
    const namespace = this.resolveNamespace(uri, entry);
    return [namespace, allNamespaces].flatMap((ns) => [
      `${entry.typed.category}:${ns}`,
      `kind:${entry.typed.facts.kind}:${ns}`,
    ]);
  }

  private bump(): void {
    this.revisionCounter++;
    this.snapshot = undefined;
  }

  private kustomizationNamespace(folder: string): string | undefined {
    for (const name of ['kustomization.yaml', 'kustomization.yml', 'Kustomization']) {
      const namespace = this.files.get(`${folder}/${name}`)?.kustomizationNamespace;
      if (namespace !== undefined) {
        return namespace;
      }
    }
    return undefined;
  }

  private resolveNamespace(uri: string, entry: FactEntry): string {
    if (entry.clusterScoped) {
      return '';
    }
    return entry.explicitNamespace ?? this.defaultNamespaceOf(uri);
  }

  /** The facts of every file with resolved namespaces, rebuilt once per revision. */
  private current(): Snapshot {
    if (this.snapshot?.revision === this.revisionCounter) {
      return this.snapshot;
    }
    const table = new ObjectTable();
    const tree = new KustomizeTree(this.files);
    // In uri order, not the order files arrived in: a file closed and reopened must not move its
    // objects, or the first-named object and the related locations of findings would change.
    const files = [...this.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [uri, facts] of files) {
      const role = tree.roleOf(uri);
      if (role === 'patch' || role === 'json-patch') {
        // A patch names an object of a base; the object itself is indexed from the base.
        continue;
      }
      for (const entry of facts.entries) {
        const namespace = this.resolveNamespace(uri, entry);
        table.add(entry.typed.category, { ...entry.typed.facts, namespace });
      }
    }
    this.snapshot = { revision: this.revisionCounter, table, tree, files, overlays: new Map() };
    return this.snapshot;
  }

  /**
   * The keys of a change are those of the entries it touched: an entry that is the same object
   * before and after is unchanged, and what moves every entry (a kustomization) is `everything`.
   */
  private describeChange(
    before: FileFacts | undefined,
    after: FileFacts | undefined,
    touched: readonly FactEntry[],
  ): IndexChange {
    // A kustomization (or a file's patch shape) decides namespaces and roles of other files.
    const everything =
      before?.kustomizationNamespace !== after?.kustomizationNamespace ||
      kustomizeSignature(before) !== kustomizeSignature(after);
    if (everything) {
      this.epoch = nextRevision();
    }
    const uri = (after ?? before)?.uri ?? '';
    const keys = new Set(touched.flatMap((entry) => this.entryKeys(uri, entry)));
    return { changed: true, keys, everything };
  }
}

/** The key `allObjects` reads: it grows with every change of any object. */
const everyObjectKey = 'all-objects';

/**
 * The keys of the objects a query reads (see `revisionOf`); undefined for what the index cannot
 * vouch for (paths on disk). Queries of the workspace's shape (completeness, projects, kustomize
 * trees) read only what the epoch covers.
 */
function queryKeys(method: IndexQuery, args: readonly unknown[]): string[] | undefined {
  const namespace = typeof args[0] === 'string' ? args[0] : allNamespaces;
  switch (method) {
    case 'pathKind':
    case 'objectsBuiltBy':
      return undefined;
    case 'isComplete':
    case 'projectOf':
    case 'kustomizeRootsOf':
      return [];
    case 'kustomizationIn':
      return ['kustomization'];
    case 'allObjects':
      return [everyObjectKey];
    case 'objectsOfKind':
      return [`kind:${String(args[0])}:${typeof args[1] === 'string' ? args[1] : allNamespaces}`];
    case 'storageClasses':
      return ['storageClass:'];
    case 'services':
      return [`service:${namespace}`];
    case 'claims':
      return [`claim:${namespace}`];
    case 'podDisruptionBudgets':
      return [`pdb:${namespace}`];
    case 'workloads':
      return [`workload:${namespace}`];
    case 'strimziResources':
      return [`strimzi:${namespace}`];
    case 'configMaps':
      return [`configMap:${namespace}`];
    case 'customResources':
      return [`customResource:${namespace}`, `strimzi:${namespace}`];
  }
}

/** Whether two versions of a file's facts are equal but for ranges (lines that only moved). */
function sameFacts(before: FileFacts, after: FileFacts): boolean {
  return (
    before.entries.length === after.entries.length &&
    before.entries.every(
      (entry, i) =>
        entry === after.entries[i] || entrySignature(entry) === entrySignature(after.entries[i]!),
    ) &&
    before.kustomizationNamespace === after.kustomizationNamespace &&
    kustomizeSignature(before) === kustomizeSignature(after)
  );
}

/** The kustomize-related facts of a file without positions. */
function kustomizeSignature(facts: FileFacts | undefined): string {
  if (!facts || (!facts.kustomization && !facts.patchShaped && !facts.operationList)) {
    return '';
  }
  return JSON.stringify(
    [facts.kustomization, facts.patchShaped, facts.operationList],
    (key, value: unknown) =>
      key === 'range' || key === 'span' || key.endsWith('Range') ? undefined : value,
  );
}

/** Entries are immutable and reused across edits, so each one's signature is computed once. */
const entrySignatures = new WeakMap<FactEntry, string>();

function entrySignature(entry: FactEntry): string {
  let signature = entrySignatures.get(entry);
  if (signature === undefined) {
    signature = JSON.stringify(entry, (key, value: unknown) =>
      key === 'range' || key.endsWith('Range') ? undefined : value,
    );
    entrySignatures.set(entry, signature);
  }
  return signature;
}
