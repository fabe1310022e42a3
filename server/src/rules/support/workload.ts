// Shared walkers over workload documents: where each kind keeps its pod template, selector and
// pod spec (CronJob one level deeper), and the containers of a pod spec. Every rule uses these.
import {
  asMap,
  asScalar,
  getIn,
  getPair,
  getValue,
  scalarNumber,
  scalarText,
  seqItems,
} from '../../model';
import type { DocumentModel, PairNode, PathSegment, ScalarNode, YamlNode } from '../../model';

export const workloadKinds = [
  'StatefulSet',
  'Deployment',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
  'Pod',
] as const;

export type WorkloadKind = (typeof workloadKinds)[number];

/** Kinds whose pods are meant to keep running (probes, PDBs and anti-affinity make sense). */
export const longRunningKinds: ReadonlySet<string> = new Set<WorkloadKind>([
  'StatefulSet',
  'Deployment',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
]);

/** Kinds with `spec.replicas` whose pods are selected by `spec.selector`. */
export const replicatedKinds: ReadonlySet<string> = new Set<WorkloadKind>([
  'StatefulSet',
  'Deployment',
  'ReplicaSet',
  'ReplicationController',
]);

export function isWorkloadKind(kind: string | undefined): kind is WorkloadKind {
  return (workloadKinds as readonly string[]).includes(kind ?? '');
}

/** The path from the document root to the object holding the pod's `metadata` and `spec`. */
export function podTemplatePath(kind: WorkloadKind): readonly PathSegment[] {
  switch (kind) {
    case 'Pod':
      return [];
    case 'CronJob':
      return ['spec', 'jobTemplate', 'spec', 'template'];
    default:
      return ['spec', 'template'];
  }
}

/** The path from the document root to the workload's own `selector`, undefined for a Pod. */
export function selectorPath(kind: WorkloadKind): readonly PathSegment[] | undefined {
  switch (kind) {
    case 'Pod':
      return undefined;
    case 'CronJob':
      return ['spec', 'jobTemplate', 'spec', 'selector'];
    default:
      return ['spec', 'selector'];
  }
}

/** A workload's pod template, located in its document. */
export interface PodTemplate {
  readonly kind: WorkloadKind;
  /** Path of the template (the document root for a Pod). */
  readonly path: readonly PathSegment[];
  /** The template mapping (the root for a Pod). */
  readonly node: YamlNode;
  /** The `labels` pair of the template's metadata, when written. */
  readonly labelsPair: PairNode | undefined;
  /** The pod spec. */
  readonly spec: YamlNode | undefined;
  readonly specPath: readonly PathSegment[];
}

/** The pod template of a workload document, or undefined for other kinds or a missing template. */
export function podTemplateOf(document: DocumentModel): PodTemplate | undefined {
  const kind = document.kind;
  if (!isWorkloadKind(kind)) {
    return undefined;
  }
  const path = podTemplatePath(kind);
  const node = path.length === 0 ? document.root : getIn(document.root, path);
  if (!node || !asMap(node)) {
    return undefined;
  }
  return {
    kind,
    path,
    node,
    labelsPair: getPair(getValue(node, 'metadata'), 'labels'),
    spec: getValue(node, 'spec'),
    specPath: [...path, 'spec'],
  };
}

export type ContainerGroup = 'containers' | 'initContainers' | 'ephemeralContainers';

/** One container of a pod spec, with where it sits. */
export interface ContainerRef {
  readonly group: ContainerGroup;
  readonly index: number;
  readonly node: YamlNode;
  readonly name: string | undefined;
  /** Path from the document root. */
  readonly path: readonly PathSegment[];
}

/**
 * The containers of a pod spec: regular ones first, then init containers (sidecars included)
 * when asked for. Ephemeral containers are debugging aids and only listed on request.
 */
export function containersOf(
  template: PodTemplate,
  groups: readonly ContainerGroup[] = ['containers', 'initContainers'],
): ContainerRef[] {
  const result: ContainerRef[] = [];
  for (const group of groups) {
    seqItems(getValue(template.spec, group)).forEach((node, index) => {
      result.push({
        group,
        index,
        node,
        name: scalarText(getValue(node, 'name')),
        path: [...template.specPath, group, index],
      });
    });
  }
  return result;
}

/** True for an init container that keeps running beside the app (`restartPolicy: Always`). */
export function isSidecar(container: ContainerRef): boolean {
  return (
    container.group === 'initContainers' &&
    scalarText(getValue(container.node, 'restartPolicy')) === 'Always'
  );
}

/**
 * `spec.replicas` as written, or the API default of 1 when absent. Returns undefined when it is
 * not a number (a template expression, a typo) so rules stay quiet instead of guessing.
 */
export function replicasOf(document: DocumentModel): number | undefined {
  const pair = getPair(getValue(document.root, 'spec'), 'replicas');
  if (!pair?.value) {
    return 1;
  }
  return scalarNumber(pair.value);
}

/** A name a pod template's containers can mount: a pod volume or a StatefulSet claim template. */
export interface VolumeName {
  readonly node: ScalarNode;
  readonly name: string;
  readonly source: 'volume' | 'volumeClaimTemplate';
}

/** The pod's volumes and, for a StatefulSet, its volumeClaimTemplates, by their name nodes. */
export function volumeNamesOf(document: DocumentModel, template: PodTemplate): VolumeName[] {
  const named = (
    items: readonly YamlNode[],
    path: readonly string[],
    source: VolumeName['source'],
  ): VolumeName[] =>
    items.flatMap((item) => {
      const node = asScalar(getIn(item, path));
      const name = scalarText(node);
      return node && name ? [{ node, name, source }] : [];
    });
  return [
    ...named(seqItems(getValue(template.spec, 'volumes')), ['name'], 'volume'),
    ...(document.kind === 'StatefulSet'
      ? named(
          seqItems(getIn(document.root, ['spec', 'volumeClaimTemplates'])),
          ['metadata', 'name'],
          'volumeClaimTemplate',
        )
      : []),
  ];
}

/** One `volumeMounts[].name` or `volumeDevices[].name` of a container. */
export interface MountName {
  readonly container: ContainerRef;
  readonly field: 'volumeMounts' | 'volumeDevices';
  readonly node: ScalarNode;
  readonly name: string;
}

/** Every mount name of every container (init and ephemeral ones included) of the template. */
export function mountNamesOf(template: PodTemplate): MountName[] {
  const groups = ['containers', 'initContainers', 'ephemeralContainers'] as const;
  return containersOf(template, groups).flatMap((container) =>
    (['volumeMounts', 'volumeDevices'] as const).flatMap((field) =>
      seqItems(getValue(container.node, field)).flatMap((item) => {
        const node = asScalar(getValue(item, 'name'));
        const name = scalarText(node);
        return node && name ? [{ container, field, node, name }] : [];
      }),
    ),
  );
}
