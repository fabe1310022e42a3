// Traces a finding on an object rendered by kustomize back to the source line that caused it: the
// patch that set the field, else the kustomization entry that changed it (replicas, images, name
// prefix/suffix, labels), else the field in the base file the object came from. Pure. The
// origin annotation, document paths and patch matching live in their own files beside it.
import type { DocumentModel, FileModel, LineRange } from '../model';
import { getIn, scalarText, spanToRange } from '../model';
import type { ReadableSegment } from './document-path';
import { deepestNode, pathAt, readablePath } from './document-path';
import type { KustomizationFacts } from './kustomization';
import type { SourceFiles, TracedLocation } from './patch-trace';
import { nameMatches, patchLocation } from './patch-trace';

export type { SourceFiles, TracedLocation } from './patch-trace';

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
