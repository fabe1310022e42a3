// The kustomization trees of a workspace, from the kustomization facts of its files: which file
// a kustomization uses as a patch (the role of its documents), which kustomizations include
// which, the top-level overlays, and which tree a file belongs to. Pure; rebuilt per revision.
import type { KustomizationFacts } from '../kustomize/kustomization';
import { resolveKustomizePath } from '../kustomize/kustomization';
import type { DocumentRole } from '../rules/types';
import type { FileFacts } from './extract-facts';
import { folderOf } from './extract-facts';

const kustomizationNames = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export class KustomizeTree {
  /** Kustomization facts by the kustomization's uri. */
  private readonly kustomizations = new Map<string, KustomizationFacts>();
  private readonly roles = new Map<string, DocumentRole>();
  /** For each file (manifest, patch or kustomization), the kustomizations that name it. */
  private readonly usedBy = new Map<string, Set<string>>();

  constructor(files: ReadonlyMap<string, FileFacts>) {
    for (const [uri, facts] of files) {
      if (facts.kustomization) {
        this.kustomizations.set(uri, facts.kustomization);
        this.roles.set(uri, 'kustomization');
      }
    }
    const listedAsResource = new Set<string>();
    for (const [uri, kustomization] of this.kustomizations) {
      for (const entry of kustomization.paths) {
        const target = resolveKustomizePath(uri, entry.path);
        if (target === undefined) {
          continue;
        }
        const included = this.kustomizationIn(target);
        const file = included ?? target;
        let users = this.usedBy.get(file);
        if (!users) {
          users = new Set();
          this.usedBy.set(file, users);
        }
        users.add(uri);
        if (entry.use === 'resource' || entry.use === 'component') {
          listedAsResource.add(file);
        } else if (entry.use === 'patchesJson6902') {
          this.roles.set(file, 'json-patch');
        } else if (entry.use === 'patch' || entry.use === 'patchesStrategicMerge') {
          // `patches` entries hold either kind: kustomize decides by the content, and so do we.
          this.roles.set(file, files.get(file)?.operationList ? 'json-patch' : 'patch');
        }
      }
    }
    // A patch-shaped file that no kustomization lists, beside a kustomization, is a patch too:
    // kustomize never deploys it as an object, and judging it as one only raises false alarms.
    for (const [uri, facts] of files) {
      if (
        !this.roles.has(uri) &&
        !listedAsResource.has(uri) &&
        this.kustomizationIn(folderOf(uri)) !== undefined
      ) {
        if (facts.patchShaped) {
          this.roles.set(uri, 'patch');
        } else if (facts.operationList) {
          this.roles.set(uri, 'json-patch');
        }
      }
    }
  }

  /** The role of a document of the file: a whole object unless a kustomization says otherwise. */
  roleOf(uri: string): DocumentRole {
    return this.roles.get(uri) ?? 'object';
  }

  /** The kustomization file in a folder (by kustomize's file names), if the index has one. */
  kustomizationIn(folder: string): string | undefined {
    return kustomizationNames
      .map((name) => `${folder}/${name}`)
      .find((uri) => this.kustomizations.has(uri));
  }

  kustomization(uri: string): KustomizationFacts | undefined {
    return this.kustomizations.get(uri);
  }

  allKustomizations(): readonly KustomizationFacts[] {
    return [...this.kustomizations.values()];
  }

  /** Kustomizations that no other kustomization includes: the overlays one would build. */
  topLevel(): string[] {
    return [...this.kustomizations.keys()].filter((uri) => !this.usedBy.has(uri));
  }

  /**
   * The top-level kustomizations whose build includes the file: through the kustomizations that
   * name it (or the one in its folder), up to the overlays nobody includes. Empty for a file in
   * no kustomization tree. Cross-file rules use it to compare only objects of the same tree.
   */
  treeRootsOf(uri: string): string[] {
    const start = new Set<string>(this.usedBy.get(uri) ?? []);
    if (this.kustomizations.has(uri)) {
      start.add(uri);
    }
    const own = this.kustomizationIn(folderOf(uri));
    if (start.size === 0 && own !== undefined) {
      start.add(own);
    }
    const roots = new Set<string>();
    const seen = new Set<string>();
    const queue = [...start];
    while (queue.length > 0) {
      const current = queue.pop()!;
      if (seen.has(current)) {
        continue;
      }
      seen.add(current);
      const users = this.usedBy.get(current);
      if (!users || users.size === 0) {
        roots.add(current);
      } else {
        queue.push(...users);
      }
    }
    return [...roots].sort();
  }

  /**
   * How an overlay's build is nested: for every kustomization and resource file it includes
   * (not patches), the kustomization that includes it, found breadth-first from the overlay, so
   * each has one path up to it (a file two bases list is placed under the nearer one).
   */
  parentsIn(rootUri: string): ReadonlyMap<string, string> {
    const parents = new Map<string, string>();
    const queue = [rootUri];
    const seen = new Set(queue);
    while (queue.length > 0) {
      const current = queue.shift()!;
      for (const entry of this.kustomizations.get(current)?.paths ?? []) {
        if (entry.use !== 'resource' && entry.use !== 'component') {
          continue;
        }
        const target = resolveKustomizePath(current, entry.path);
        if (target === undefined) {
          continue;
        }
        const included = this.kustomizationIn(target) ?? target;
        if (seen.has(included)) {
          continue;
        }
        seen.add(included);
        parents.set(included, current);
        if (this.kustomizations.has(included)) {
          queue.push(included);
        }
      }
    }
    return parents;
  }

  /** Every file a kustomization's build reads (itself, its bases, patches, resources), locally. */
  filesOf(kustomizationUri: string): string[] {
    const files = new Set<string>();
    const visit = (uri: string): void => {
      if (files.has(uri)) {
        return;
      }
      files.add(uri);
      const kustomization = this.kustomizations.get(uri);
      for (const entry of kustomization?.paths ?? []) {
        const target = resolveKustomizePath(uri, entry.path);
        if (target !== undefined) {
          visit(this.kustomizationIn(target) ?? target);
        }
      }
    };
    visit(kustomizationUri);
    return [...files];
  }
}
