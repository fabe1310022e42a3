// Reads the facts cross-file rules need out of one Kubernetes document: the same functions feed
// the workspace index (for every file) and the rules (for the document they check).
import {
  asMap,
  asScalar,
  getIn,
  getPair,
  getValue,
  scalarNumber,
  scalarText,
  seqItems,
  spanToRange,
} from '../../model';
import type { DocumentModel, FileModel, LineRange, YamlNode } from '../../model';
import type {
  ClaimFacts,
  ClaimSpecFacts,
  ClaimTemplateFacts,
  ConfigMapFacts,
  ContainerFacts,
  CustomResourceFacts,
  IndexedObject,
  MountedClaimFacts,
  PdbFacts,
  ServiceFacts,
  StorageClassFacts,
  StrimziFacts,
  WorkloadFacts,
} from '../index-view';
import { claimClass } from '../claims';
import { readLabelSelector, readLabels } from './label-selector';
import { readNameReferences } from './name-references';
import { customResourcePodLabels, isCustomResourceApiVersion } from './custom-resource-pods';
import { configMapVolumeNames } from './config-files';
import { commandScalars } from './stateful-software';
import { strimziKindOf } from './strimzi';
import { readStrimziFacts } from './strimzi-facts';
import { containersOf, podTemplateOf, replicasOf, replicatedKinds, selectorPath } from './workload';

/** Kinds without a namespace among those the rules look at. */
const clusterScopedKinds: ReadonlySet<string> = new Set([
  'StorageClass',
  'PersistentVolume',
  'Namespace',
  'Node',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PriorityClass',
  'CSIDriver',
  'CSINode',
  'VolumeAttachment',
  'VolumeSnapshotClass',
  'IngressClass',
  'RuntimeClass',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'APIService',
]);

export function isClusterScoped(kind: string): boolean {
  return clusterScopedKinds.has(kind);
}

/** `metadata.namespace` as written, or undefined. */
export function explicitNamespaceOf(document: DocumentModel): string | undefined {
  return scalarText(getIn(document.root, ['metadata', 'namespace'])) || undefined;
}

function rangeOf(model: FileModel, node: { readonly span: readonly [number, number] }): LineRange {
  return spanToRange(model, node.span);
}

/** Where and what the object is; undefined for documents that are not Kubernetes objects. */
export function readIndexedObject(
  model: FileModel,
  document: DocumentModel,
  namespace: string,
): IndexedObject | undefined {
  if (document.classification !== 'kubernetes' || !document.kind || !document.apiVersion) {
    return undefined;
  }
  const nameNode = getIn(document.root, ['metadata', 'name']);
  const start = document.root?.span[0] ?? document.span[0];
  const references = readNameReferences(document).map(({ kind, name, span }) => ({
    kind,
    name,
    range: spanToRange(model, span),
  }));
  return {
    uri: model.uri,
    documentIndex: document.index,
    apiVersion: document.apiVersion,
    kind: document.kind,
    name: scalarText(nameNode) ?? '',
    namespace: isClusterScoped(document.kind) ? '' : namespace,
    nameRange: rangeOf(model, nameNode ?? { span: [start, start] }),
    ...(references.length > 0 ? { references } : {}),
  };
}

/** A number where the value is one, else the text (for int-or-string fields such as `50%`). */
function intOrString(node: YamlNode | undefined): number | string | undefined {
  return scalarNumber(node) ?? scalarText(node);
}

export function readServiceFacts(object: IndexedObject, document: DocumentModel): ServiceFacts {
  const spec = getValue(document.root, 'spec');
  const selectorPair = getPair(spec, 'selector');
  const selector = selectorPair?.value ? readLabels(selectorPair.value) : undefined;
  const hasSelector = selector !== undefined && Object.keys(selector).length > 0;
  const clusterIP = scalarText(getValue(spec, 'clusterIP'));
  return {
    ...object,
    type: scalarText(getValue(spec, 'type')) ?? 'ClusterIP',
    ...(clusterIP !== undefined ? { clusterIP } : {}),
    ...(hasSelector ? { selector } : {}),
    ports: seqItems(getValue(spec, 'ports')).map((port) => {
      const name = scalarText(getValue(port, 'name'));
      const number = scalarNumber(getValue(port, 'port'));
      const targetPort = intOrString(getValue(port, 'targetPort'));
      return {
        ...(name !== undefined ? { name } : {}),
        ...(number !== undefined ? { port: number } : {}),
        ...(targetPort !== undefined ? { targetPort } : {}),
      };
    }),
    publishNotReadyAddresses: asScalar(getValue(spec, 'publishNotReadyAddresses'))?.value === true,
  };
}

function withSelectorRange(
  facts: ServiceFacts,
  model: FileModel,
  document: DocumentModel,
): ServiceFacts {
  const pair = getPair(getValue(document.root, 'spec'), 'selector');
  return pair && facts.selector
    ? { ...facts, selectorRange: spanToRange(model, pair.span) }
    : facts;
}

export function readStorageClassFacts(
  object: IndexedObject,
  document: DocumentModel,
): StorageClassFacts {
  const provisioner = scalarText(getValue(document.root, 'provisioner'));
  const reclaimPolicy = scalarText(getValue(document.root, 'reclaimPolicy'));
  const volumeBindingMode = scalarText(getValue(document.root, 'volumeBindingMode'));
  return {
    ...object,
    ...(provisioner !== undefined ? { provisioner } : {}),
    ...(reclaimPolicy !== undefined ? { reclaimPolicy } : {}),
    ...(volumeBindingMode !== undefined ? { volumeBindingMode } : {}),
  };
}

/** The storage part of a PVC spec or a volumeClaimTemplate spec (`claim` carries its metadata). */
export function readClaimSpec(spec: YamlNode | undefined, claim?: YamlNode): ClaimSpecFacts {
  // An explicit empty string (`storageClassName: ""`) means "no class", unlike an absent key,
  // so the empty string is kept as it is. The beta annotation, when present, wins.
  const className = claim
    ? claimClass({ node: claim, spec })?.name
    : scalarText(getValue(spec, 'storageClassName'));
  const storageRequest = scalarText(getIn(spec, ['resources', 'requests', 'storage']));
  return {
    accessModes: seqItems(getValue(spec, 'accessModes'))
      .map((mode) => scalarText(mode))
      .filter((mode): mode is string => mode !== undefined),
    ...(className !== undefined ? { storageClassName: className } : {}),
    ...(storageRequest !== undefined ? { storageRequest } : {}),
  };
}

export function readClaimFacts(object: IndexedObject, document: DocumentModel): ClaimFacts {
  return {
    ...object,
    ...readClaimSpec(getValue(document.root, 'spec'), document.root ?? undefined),
  };
}

export function readPdbFacts(object: IndexedObject, document: DocumentModel): PdbFacts {
  const spec = getValue(document.root, 'spec');
  const selector = readLabelSelector(getValue(spec, 'selector'));
  const minAvailable = intOrString(getValue(spec, 'minAvailable'));
  const maxUnavailable = intOrString(getValue(spec, 'maxUnavailable'));
  const policy = scalarText(getValue(spec, 'unhealthyPodEvictionPolicy'));
  return {
    ...object,
    ...(selector ? { selector } : {}),
    ...(minAvailable !== undefined ? { minAvailable } : {}),
    ...(maxUnavailable !== undefined ? { maxUnavailable } : {}),
    ...(policy !== undefined ? { unhealthyPodEvictionPolicy: policy } : {}),
  };
}

export function readWorkloadFacts(
  object: IndexedObject,
  model: FileModel,
  document: DocumentModel,
): WorkloadFacts | undefined {
  const template = podTemplateOf(document);
  if (!template) {
    return undefined;
  }
  const path = selectorPath(template.kind);
  const selector = path ? readLabelSelector(getIn(document.root, path)) : undefined;
  const replicas = replicatedKinds.has(template.kind) ? replicasOf(document) : undefined;
  const serviceName =
    template.kind === 'StatefulSet'
      ? scalarText(getIn(document.root, ['spec', 'serviceName']))
      : undefined;
  const containers: ContainerFacts[] = containersOf(template).map((container) => {
    const name = container.name;
    const image = scalarText(getValue(container.node, 'image'));
    return {
      ...(name !== undefined ? { name } : {}),
      ...(image !== undefined ? { image } : {}),
      init: container.group === 'initContainers',
      env: seqItems(getValue(container.node, 'env')).flatMap((item) => {
        const envName = scalarText(getValue(item, 'name'));
        const value = scalarText(getValue(item, 'value'));
        return envName === undefined
          ? []
          : [{ name: envName, ...(value !== undefined ? { value } : {}) }];
      }),
      ports: seqItems(getValue(container.node, 'ports')).map((port) => {
        const portName = scalarText(getValue(port, 'name'));
        const containerPort = scalarNumber(getValue(port, 'containerPort'));
        return {
          ...(portName !== undefined ? { name: portName } : {}),
          ...(containerPort !== undefined ? { containerPort } : {}),
        };
      }),
      ...commandTextOf(container.node),
      range: rangeOf(model, container.node),
    };
  });
  const claims: MountedClaimFacts[] = seqItems(getValue(template.spec, 'volumes')).flatMap(
    (volume) => {
      const claimNode = getIn(volume, ['persistentVolumeClaim', 'claimName']);
      const claimName = scalarText(claimNode);
      return claimNode && claimName
        ? [
            {
              volumeName: scalarText(getValue(volume, 'name')) ?? '',
              claimName,
              range: rangeOf(model, claimNode),
            },
          ]
        : [];
    },
  );
  const claimTemplates: ClaimTemplateFacts[] =
    template.kind === 'StatefulSet'
      ? seqItems(getIn(document.root, ['spec', 'volumeClaimTemplates'])).map((item) => {
          const nameNode = getIn(item, ['metadata', 'name']);
          return {
            name: scalarText(nameNode) ?? '',
            ...readClaimSpec(getValue(item, 'spec'), item),
            range: rangeOf(model, nameNode ?? item),
          };
        })
      : [];
  return {
    ...object,
    ...(replicas !== undefined ? { replicas } : {}),
    ...(selector ? { selector } : {}),
    podLabels: readLabels(template.labelsPair?.value),
    ...(template.labelsPair ? { podLabelsRange: rangeOf(model, template.labelsPair) } : {}),
    ...(serviceName !== undefined ? { serviceName } : {}),
    claims,
    claimTemplates,
    containers,
    configMapVolumes: configMapVolumeNames(template.spec),
  };
}

function commandTextOf(container: YamlNode): { commandText?: string } {
  const text = commandScalars(container)
    .map((node) => scalarText(node) ?? '')
    .join(' ');
  return text ? { commandText: text } : {};
}

/** Data keys read as configuration files: Java properties, zoo.cfg and shell scripts. */
const configFileKey = /(?:\.properties|\.cfg|\.conf|\.sh)$/;

/** At most this much of one file is kept (dashboards and the like are not configuration). */
const maxConfigFileLength = 65536;

export function readConfigMapFacts(
  object: IndexedObject,
  model: FileModel,
  document: DocumentModel,
): ConfigMapFacts {
  const data = asMap(getValue(document.root, 'data'));
  const files = (data?.pairs ?? []).flatMap((pair) => {
    const key = pair.key;
    const text = scalarText(pair.value);
    if (!key || text === undefined || !configFileKey.test(key) || !pair.value) {
      return [];
    }
    if (text.length > maxConfigFileLength) {
      return [];
    }
    const valueRange = rangeOf(model, pair.value);
    // A block scalar's text starts on the line after its `|` indicator.
    const block = /^[|>]/.test(model.text.slice(pair.value.span[0], pair.value.span[0] + 1));
    return [
      {
        key,
        text,
        range: spanToRange(model, pair.keySpan),
        valueLine: valueRange.start.line + (block ? 1 : 0),
      },
    ];
  });
  return { ...object, files };
}

/** The facts of one document under one category, as the index stores them. */
export type TypedFacts =
  | { readonly category: 'service'; readonly facts: ServiceFacts }
  | { readonly category: 'storageClass'; readonly facts: StorageClassFacts }
  | { readonly category: 'claim'; readonly facts: ClaimFacts }
  | { readonly category: 'pdb'; readonly facts: PdbFacts }
  | { readonly category: 'workload'; readonly facts: WorkloadFacts }
  | { readonly category: 'strimzi'; readonly facts: StrimziFacts }
  | { readonly category: 'configMap'; readonly facts: ConfigMapFacts }
  | { readonly category: 'customResource'; readonly facts: CustomResourceFacts }
  | { readonly category: 'object'; readonly facts: IndexedObject };

/** Reads whichever facts the document's kind has; every object yields at least `object`. */
export function readDocumentFacts(
  model: FileModel,
  document: DocumentModel,
  namespace: string,
): TypedFacts | undefined {
  const object = readIndexedObject(model, document, namespace);
  if (!object) {
    return undefined;
  }
  switch (object.kind) {
    case 'Service':
      return {
        category: 'service',
        facts: withSelectorRange(readServiceFacts(object, document), model, document),
      };
    case 'StorageClass':
      return { category: 'storageClass', facts: readStorageClassFacts(object, document) };
    case 'PersistentVolumeClaim':
      return { category: 'claim', facts: readClaimFacts(object, document) };
    case 'PodDisruptionBudget':
      return { category: 'pdb', facts: readPdbFacts(object, document) };
    case 'ConfigMap':
      return { category: 'configMap', facts: readConfigMapFacts(object, model, document) };
    default: {
      if (isCustomResourceApiVersion(object.apiVersion)) {
        // Strimzi resources are custom resources too (their pod templates carry labels the
        // selector rules look for); they keep a category of their own for the Strimzi rules.
        const podLabelSets = customResourcePodLabels(document.root ?? undefined);
        const custom = { ...object, podLabelSets };
        return strimziKindOf(object)
          ? { category: 'strimzi', facts: readStrimziFacts(custom, model, document) }
          : { category: 'customResource', facts: custom };
      }
      const workload = readWorkloadFacts(object, model, document);
      return workload
        ? { category: 'workload', facts: workload }
        : { category: 'object', facts: object };
    }
  }
}
