// Traces a finding on an object rendered by kustomize back to the source line that caused it: the
// patch that set the field, else the kustomization entry that changed it (replicas, images, name
// prefix/suffix, labels), else the field in the base file the object came from. Pure.
import type { DocumentModel, FileModel, LineRange, PathSegment, YamlNode } from '../model';
import {
  asMap,
  asSeq,
  getIn,
  getValue,
  nodePathAt,
  scalarText,
  seqItems,
  spanToRange,
} from '../model';
import type { KustomizationFacts } from './kustomization';

/** Where a rendered object came from, read from kustomize's `config.kubernetes.io/origin`. */
export interface RenderedOrigin {
  /** The source file (a `file:` uri), when the annotation names a local path. */
  readonly uri?: string;
  /** The kustomization that generated the object (configMapGenerator, …). */
  readonly configuredIn?: string;
}

export const originAnnotation = 'config.kubernetes.io/origin';

/** The origin of a rendered document, resolved against the folder kustomize ran in. */
export function originOf(document: DocumentModel, buildFolderUri: string): RenderedOrigin {
  const text = scalarText(getIn(document.root, ['metadata', 'annotations', originAnnotation]));
  if (!text) {
    return {};
  }
  const resolve = (path: string | undefined): string | undefined => {
    if (!path) {
      return undefined;
    }
    try {
      return new URL(path, buildFolderUri.endsWith('/') ? buildFolderUri : `${buildFolderUri}/`)
        .href;
    } catch {
      return undefined;
    }
  };
  const path = /^path:\s*(.+?)\s*$/m.exec(text)?.[1];
  const configuredIn = /^\s*configuredIn:\s*(.+?)\s*$/m.exec(text)?.[1];
  const uri = /^repo:/m.test(text) ? undefined : resolve(path);
  const generator = resolve(configuredIn);
  return { ...(uri ? { uri } : {}), ...(generator ? { configuredIn: generator } : {}) };
}

/** A source file the trace may point into, parsed. */
export interface SourceFiles {
  modelOf(uri: string): FileModel | undefined;
}

export interface TracedLocation {
  readonly uri: string;
  readonly range: LineRange;
  /** What caused it: a patch, a kustomization entry, or the base (the finding's own field). */
  readonly cause: 'patch' | 'kustomization' | 'base';
}

/** What the trace needs about a rendered finding. */
export interface RenderedFindingInput {
  readonly ruleId: string;
  /** The rendered document and the offset of the finding in the rendered text. */
  readonly document: DocumentModel;
  readonly offset: number;
  /** The finding's message: a rule about both counts and names tells which one it is about. */
  readonly message: string;
}

/**
 * Rules whose findings change when names or labels change: a name prefix or suffix, or added
 * labels, are what break them in an overlay when no patch touched the field.
 */
const nameRules = new Set([
  'sts-service-not-found',
  'sts-service-selector-mismatch',
  'service-selects-nothing',
  'pdb-selects-nothing',
  'pdb-missing',
  'volume-mount-unresolved',
  'kafka-zookeeper-connect-unresolved',
  'zk-servers-mismatch',
]);

/** Rules a higher replica count can trigger on an object that was fine in its base. */
export const replicaRules = new Set([
  'pdb-missing',
  'anti-affinity-missing',
  'zk-ensemble-size',
  'rwo-claim-shared',
  'kafka-replication-factor',
]);

/** The path of the node at `offset` in a rendered document (keys and sequence indexes). */
export function pathAt(document: DocumentModel, offset: number): PathSegment[] {
  const { steps, onKey } = nodePathAt(document.root, offset);
  const last = steps[steps.length - 1];
  const path = [...(last?.path ?? [])];
  if (onKey?.key !== null && onKey !== undefined) {
    path.push(onKey.key);
  }
  return path;
}

/**
 * The source location of a rendered finding. `kustomizations` are those of the build, overlay
 * first; `source` is the base document the object came from (when found).
 */
export function traceFinding(
  finding: RenderedFindingInput,
  kustomizations: readonly KustomizationFacts[],
  source: { readonly model: FileModel; readonly document: DocumentModel } | undefined,
  files: SourceFiles,
): TracedLocation | undefined {
  const renderedPath = pathAt(finding.document, finding.offset);
  const readable = readablePath(finding.document.root, renderedPath);
  // A finding on an item's `name` (a container, a port) is about the item: the name is only the
  // key strategic merge matches it by, which every patch of that item repeats.
  const path =
    readable.length >= 2 &&
    readable[readable.length - 1] === 'name' &&
    typeof readable[readable.length - 2] === 'object'
      ? readable.slice(0, -1)
      : readable;
  const kind = finding.document.kind ?? '';
  const name = scalarText(getIn(finding.document.root, ['metadata', 'name'])) ?? '';
  // Findings that follow from the replica count go to the patch that set the count, if any.
  const replicas = replicaRules.has(finding.ruleId)
    ? patchLocation(kustomizations, files, kind, name, ['spec', 'replicas'])
    : undefined;
  // A patch that set the field, or something inside the flagged object (e.g. removed a probe).
  const patch = replicas ?? patchLocation(kustomizations, files, kind, name, path);
  if (patch) {
    return patch;
  }
  const entry = kustomizationEntry(kustomizations, finding, path, name);
  if (entry) {
    return entry;
  }
  if (source) {
    // In the base the finding sits where the rule puts it (the item's name included).
    const node = deepestNode(source.document.root, readable);
    return {
      uri: source.model.uri,
      range: spanToRange(source.model, (node ?? source.document.root ?? source.document).span),
      cause: 'base',
    };
  }
  return undefined;
}

/**
 * The path with each sequence index replaced by the item's `name` where it has one: strategic
 * merge matches containers, ports, volumes … by name, and a patch lists only some of them.
 */
type ReadableSegment = string | number | { readonly name: string; readonly index: number };

function readablePath(
  root: YamlNode | null,
  path: readonly PathSegment[],
): readonly ReadableSegment[] {
  const result: ReadableSegment[] = [];
  let node: YamlNode | undefined = root ?? undefined;
  for (const segment of path) {
    if (typeof segment === 'number') {
      const item: YamlNode | undefined = asSeq(node)?.items[segment];
      const itemName = scalarText(getValue(item, 'name'));
      result.push(itemName !== undefined ? { name: itemName, index: segment } : segment);
      node = item;
    } else {
      result.push(segment);
      node = getValue(node, segment);
    }
  }
  return result;
}

/** How deep `path` reaches into `root`, and the node it reaches. */
function reach(
  root: YamlNode | null | undefined,
  path: readonly ReadableSegment[],
): { depth: number; node: YamlNode | undefined; keySpanNode?: YamlNode } {
  let node: YamlNode | undefined = root ?? undefined;
  let depth = 0;
  for (const segment of path) {
    let next: YamlNode | undefined;
    if (typeof segment === 'string') {
      const map = asMap(node);
      const pair = map?.pairs.find((candidate) => candidate.key === segment);
      // `key: null` in a patch deletes the field: the pair itself is what the patch set.
      next = pair ? (pair.value ?? undefined) : undefined;
      if (pair && !pair.value) {
        return { depth: depth + 1, node: undefined, keySpanNode: map };
      }
    } else if (typeof segment === 'number') {
      next = seqItems(node)[segment];
    } else {
      const items = seqItems(node);
      next =
        items.find((item) => scalarText(getValue(item, 'name')) === segment.name) ??
        (items.length > 0 && items.every((item) => getValue(item, 'name') === undefined)
          ? items[segment.index]
          : undefined);
    }
    if (!next) {
      break;
    }
    node = next;
    depth++;
  }
  return { depth, node };
}

function deepestNode(
  root: YamlNode | null,
  path: readonly ReadableSegment[],
): YamlNode | undefined {
  const { node, keySpanNode } = reach(root, path);
  return node ?? keySpanNode;
}

/** Strategic-merge patch documents and JSON 6902 operations of the build that reach the field. */
function patchLocation(
  kustomizations: readonly KustomizationFacts[],
  files: SourceFiles,
  kind: string,
  renderedName: string,
  path: readonly ReadableSegment[],
): TracedLocation | undefined {
  // The flagged field's object: a patch inside it (a removed probe) explains the finding too.
  // Shallow paths (`spec.replicas`) need the field itself; deeper ones accept its parent.
  const minimum = path.length <= 3 ? path.length : Math.max(3, path.length - 1);
  let best: { depth: number; location: TracedLocation } | undefined;
  const consider = (depth: number, location: TracedLocation): void => {
    if (depth >= minimum && (!best || depth > best.depth)) {
      best = { depth, location };
    }
  };
  for (const kustomization of kustomizations) {
    for (const patch of kustomization.patches) {
      const uri = patch.path && resolveNear(kustomization.uri, patch.path.path);
      const model = uri ? files.modelOf(uri) : undefined;
      if (!model) {
        continue;
      }
      const targetKind = patch.target?.kind;
      const targetName = patch.target?.name;
      if (targetKind && targetKind !== kind) {
        continue;
      }
      if (targetName && !nameMatches(renderedName, targetName)) {
        continue;
      }
      for (const document of model.documents) {
        if (document.root?.type === 'seq') {
          for (const operation of document.root.items) {
            const pointer = scalarText(getValue(operation, 'path'));
            if (pointer === undefined) {
              continue;
            }
            // A removal explains a missing field better than a change beside it.
            const removes = scalarText(getValue(operation, 'op')) === 'remove' ? 0.5 : 0;
            const depth = sharedDepth(pointerSegments(pointer), path) + removes;
            const node = getValue(operation, 'path') ?? operation;
            consider(depth, {
              uri: model.uri,
              range: spanToRange(model, node.span),
              cause: 'patch',
            });
          }
          continue;
        }
        if (document.kind !== kind && !targetKind) {
          continue;
        }
        const patchName = scalarText(getIn(document.root, ['metadata', 'name']));
        if (!targetName && patchName !== undefined && !nameMatches(renderedName, patchName)) {
          continue;
        }
        const reached = reach(document.root, path);
        const node = reached.node ?? reached.keySpanNode;
        const deletes = deletesInside(reached.node) ? 0.5 : 0;
        if (node) {
          consider(reached.depth + deletes, {
            uri: model.uri,
            range: spanToRange(model, node.span),
            cause: 'patch',
          });
        }
        // Deeper than the flagged field: the patch changed something inside it.
        if (reached.depth === path.length && reached.node) {
          consider(path.length, {
            uri: model.uri,
            range: spanToRange(model, reached.node.span),
            cause: 'patch',
          });
        }
      }
    }
  }
  return best?.location;
}

/** True when a patch node deletes something inside it (`key: null` or `$patch: delete`). */
function deletesInside(node: YamlNode | undefined): boolean {
  return (
    asMap(node)?.pairs.some(
      (pair) =>
        pair.value === null ||
        (pair.value.type === 'scalar' && pair.value.value === null) ||
        (pair.key === '$patch' && scalarText(pair.value) === 'delete'),
    ) ?? false
  );
}

/** A rendered name carries prefixes and suffixes; the patch names the object before them. */
function nameMatches(renderedName: string, sourceName: string): boolean {
  return renderedName === sourceName || renderedName.includes(sourceName);
}

function pointerSegments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function sharedDepth(pointer: readonly string[], path: readonly ReadableSegment[]): number {
  let depth = 0;
  for (const [i, segment] of pointer.entries()) {
    const step = path[i];
    if (step === undefined) {
      // The operation works inside the flagged field.
      return depth + (pointer.length - i > 0 ? 0 : 0);
    }
    const matches =
      typeof step === 'object' ? String(step.index) === segment : String(step) === segment;
    if (!matches) {
      break;
    }
    depth++;
  }
  return depth;
}

/** The kustomization entry that changed the field: replicas, images, a name prefix, labels. */
function kustomizationEntry(
  kustomizations: readonly KustomizationFacts[],
  finding: RenderedFindingInput,
  path: readonly ReadableSegment[],
  renderedName: string,
): TracedLocation | undefined {
  const { ruleId, message } = finding;
  const flat = path.map((segment) => (typeof segment === 'object' ? segment.index : segment));
  for (const kustomization of kustomizations) {
    const at = (range: LineRange): TracedLocation => ({
      uri: kustomization.uri,
      range,
      cause: 'kustomization',
    });
    // A message that shows the prefixed or suffixed name is about the renaming.
    const renamed = [kustomization.namePrefix, kustomization.nameSuffix].find(
      (placed) => placed !== undefined && placed.value !== '' && message.includes(placed.value),
    );
    if (renamed && nameRules.has(ruleId)) {
      return at(renamed.range);
    }
    if (
      flat.join('.') === 'spec.replicas' ||
      ruleId.startsWith('zk-') ||
      ruleId === 'pdb-missing'
    ) {
      const replicas = kustomization.replicas.find((entry) =>
        nameMatches(renderedName, entry.name),
      );
      if (replicas) {
        return at(replicas.range);
      }
    }
    if (flat[flat.length - 1] === 'image' && kustomization.images.length > 0) {
      return at(kustomization.images[0]!.range);
    }
    if (nameRules.has(ruleId)) {
      const changed =
        kustomization.namePrefix ?? kustomization.nameSuffix ?? kustomization.namespace;
      if (changed) {
        return at(changed.range);
      }
      const labels = kustomization.labels ?? kustomization.commonLabels;
      if (labels) {
        return at(labels);
      }
    }
  }
  return undefined;
}

function resolveNear(kustomizationUri: string, path: string): string | undefined {
  try {
    return new URL(path, kustomizationUri).href;
  } catch {
    return undefined;
  }
}
