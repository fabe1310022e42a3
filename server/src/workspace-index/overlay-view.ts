// The objects one overlay deploys, as one file of its build sees them: kustomize's namespace,
// name prefixes/suffixes, labels and replicas applied, generated ConfigMaps and Secrets
// included. Pure, no kustomize binary: an approximation of its transformers that cross-file
// rules judge in, so a base is checked as each overlay deploys it (not only in isolation).
import type { KustomizationFacts, LabelSet } from '../kustomize/kustomization';
import type { IndexedObject, PdbFacts, ServiceFacts, WorkloadFacts } from '../rules/index-view';
import type { LabelSelector, Labels } from '../rules/support/label-selector';
import type { FactEntry, FileFacts } from './extract-facts';
import { folderOf } from './extract-facts';
import type { KustomizeTree } from './kustomize-tree';
import { ObjectTable } from './object-table';

/** One overlay's objects for one checked file, and the namespace it gives that file. */
export interface OverlayObjects {
  readonly table: ObjectTable;
  /** The namespace the overlay (or a base on the way) sets on the file's objects, if any. */
  readonly namespace?: string;
}

/** kustomize leaves the names of these kinds alone when it adds a prefix or suffix. */
const keepsItsName: ReadonlySet<string> = new Set([
  'CustomResourceDefinition',
  'APIService',
  'Namespace',
]);

/**
 * Objects keep the names the sources give them: kustomize rewrites a reference it knows
 * (serviceName, claimName, a ConfigMap volume, …) that names any earlier name of an object of
 * the build, across bases too (checked with kubectl kustomize), so references resolve by the
 * source names; `deployedName` is the name after every prefix and suffix, for names kustomize
 * does not rewrite (host names in settings). Namespaces and replicas are the deployed ones.
 * Labels a kustomization adds to selectors and pod templates apply only to its own objects, so
 * an object shows those added below the kustomization that includes both it and the checked
 * file (above it, the checked file's objects get them alike). Files of no kustomize tree are
 * deployed alongside every overlay and appear unchanged; files of other overlays do not appear.
 */
export function overlayObjects(
  tree: KustomizeTree,
  files: readonly (readonly [string, FileFacts])[],
  frame: OverlayFrame,
  resolveNamespace: (uri: string, entry: FactEntry) => string,
  /** Whether files of no kustomize tree (deployed alongside) are included. */
  withUnrelated = true,
): OverlayObjects {
  const { parents } = frame;
  const chainFrom = (start: string): KustomizationFacts[] => {
    const chain: KustomizationFacts[] = [];
    for (let uri: string | undefined = start; uri !== undefined; uri = parents.get(uri)) {
      const facts = tree.kustomization(uri);
      if (facts) {
        chain.push(facts);
      }
    }
    return chain;
  };
  const homeOf = (uri: string): string | undefined => homeIn(tree, frame, uri);
  const checkedHome = frame.checkedHome;
  const checkedChain = chainFrom(checkedHome);
  const checkedLevels = new Set(checkedChain.map((facts) => facts.uri));
  const table = new ObjectTable();
  for (const [uri, facts] of files) {
    const role = tree.roleOf(uri);
    if (role === 'patch' || role === 'json-patch') {
      continue;
    }
    const home = homeOf(uri);
    if (home === undefined) {
      if (withUnrelated && tree.treeRootsOf(uri).length === 0) {
        for (const entry of facts.entries) {
          table.add(entry.typed.category, {
            ...entry.typed.facts,
            namespace: resolveNamespace(uri, entry),
          });
        }
      }
      continue;
    }
    const chain = chainFrom(home);
    const meeting = chain.findIndex((level) => checkedLevels.has(level.uri));
    const below = meeting < 0 ? chain : chain.slice(0, meeting);
    const namespace = deployedNamespace(chain);
    for (const entry of facts.entries) {
      const object = entry.typed.facts;
      const deployedName = keepsItsName.has(object.kind)
        ? object.name
        : chain.reduce(
            (name, level) =>
              `${level.namePrefix?.value ?? ''}${name}${level.nameSuffix?.value ?? ''}`,
            object.name,
          );
      table.add(entry.typed.category, {
        ...transformed(entry, below, chain),
        namespace: entry.clusterScoped ? '' : (namespace ?? resolveNamespace(uri, entry)),
        ...(deployedName !== object.name ? { deployedName } : {}),
      });
    }
  }
  const namespace = deployedNamespace(checkedChain);
  return { table, ...(namespace !== undefined ? { namespace } : {}) };
}

/** Where a checked file sits in an overlay's build. */
export interface OverlayFrame {
  readonly rootUri: string;
  /** Each kustomization and resource file of the build → the kustomization that includes it. */
  readonly parents: ReadonlyMap<string, string>;
  /** The kustomization of the build that includes the checked file (or the overlay). */
  readonly checkedHome: string;
}

export function overlayFrame(
  tree: KustomizeTree,
  rootUri: string,
  checkedUri: string,
): OverlayFrame {
  const parents = tree.parentsIn(rootUri);
  const partial = { rootUri, parents, checkedHome: rootUri };
  const own = tree.kustomizationIn(folderOf(checkedUri));
  const checkedHome =
    homeIn(tree, partial, checkedUri) ??
    (own !== undefined && (own === rootUri || parents.has(own)) ? own : rootUri);
  return { ...partial, checkedHome };
}

/** The kustomization of the build that includes a file (a kustomization is its own). */
function homeIn(tree: KustomizeTree, frame: OverlayFrame, uri: string): string | undefined {
  return uri === frame.rootUri || (tree.kustomization(uri) && frame.parents.has(uri))
    ? uri
    : frame.parents.get(uri);
}

/** kustomize applies the outermost kustomization's `namespace` last, so it wins. */
function deployedNamespace(chain: readonly KustomizationFacts[]): string | undefined {
  return [...chain].reverse().find((level) => level.namespace?.value)?.namespace?.value;
}

/** The facts with the labels of `below`, and the replicas of the whole chain. */
function transformed(
  entry: FactEntry,
  below: readonly KustomizationFacts[],
  chain: readonly KustomizationFacts[],
): IndexedObject {
  const labelSets = below.flatMap((level) => level.labelSets);
  const typed = entry.typed;
  switch (typed.category) {
    case 'service': {
      const service = typed.facts;
      return {
        ...service,
        ...(service.selector
          ? { selector: withLabels(service.selector, labelSets, 'selectors') }
          : {}),
      } satisfies ServiceFacts;
    }
    case 'pdb': {
      const pdb = typed.facts;
      return {
        ...pdb,
        ...(pdb.selector ? { selector: withSelectorLabels(pdb.selector, labelSets) } : {}),
      } satisfies PdbFacts;
    }
    case 'workload': {
      const workload = typed.facts;
      const replicas = deployedReplicas(workload, chain);
      const moved: WorkloadFacts = {
        ...workload,
        podLabels: withLabels(workload.podLabels, labelSets, 'templates'),
        ...(workload.selector
          ? { selector: withSelectorLabels(workload.selector, labelSets) }
          : {}),
        ...(replicas !== undefined ? { replicas } : {}),
      };
      return moved;
    }
    default:
      return typed.facts;
  }
}

function withLabels(
  labels: Labels,
  sets: readonly LabelSet[],
  where: 'selectors' | 'templates',
): Labels {
  let result: Record<string, string> | undefined;
  for (const set of sets.filter((candidate) => candidate[where])) {
    result = { ...(result ?? labels), ...set.pairs };
  }
  return result ?? labels;
}

function withSelectorLabels(selector: LabelSelector, sets: readonly LabelSet[]): LabelSelector {
  return { ...selector, matchLabels: withLabels(selector.matchLabels, sets, 'selectors') };
}

/**
 * A `replicas` entry names the object by its name in the base or as renamed so far; the
 * outermost entry that names it wins. Only kinds with a replica count are changed.
 */
function deployedReplicas(
  workload: WorkloadFacts,
  chain: readonly KustomizationFacts[],
): number | undefined {
  if (workload.replicas === undefined) {
    return undefined;
  }
  let replicas = workload.replicas;
  let name = workload.name;
  for (const level of chain) {
    const renamed = `${level.namePrefix?.value ?? ''}${name}${level.nameSuffix?.value ?? ''}`;
    const entry = level.replicas.find(
      (candidate) =>
        candidate.name === workload.name || candidate.name === name || candidate.name === renamed,
    );
    if (entry) {
      replicas = entry.count;
    }
    name = renamed;
  }
  return replicas;
}
