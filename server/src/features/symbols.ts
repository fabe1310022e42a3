// Document symbols (the outline): one entry per Kubernetes object, `Kind name` with its
// namespace as detail, and children for its containers, init containers, volumes and claims
// (for Strimzi resources: the storage volumes of a node pool or Kafka).
import { getIn, getValue, scalarText, seqItems } from '../model';
import type { DocumentModel, FileModel, Span, YamlNode } from '../model';
import { explicitNamespaceOf, isClusterScoped } from '../rules/support/object-facts';
import { storageSections } from '../rules/support/strimzi';
import { containersOf, podTemplateOf } from '../rules/support/workload';

export type SymbolRole = 'object' | 'container' | 'initContainer' | 'volume' | 'claim';

export interface DocumentSymbolData {
  readonly name: string;
  readonly detail?: string;
  readonly role: SymbolRole;
  /** The whole entry. */
  readonly span: Span;
  /** The part to select and reveal: the name, else the entry's start. */
  readonly selectionSpan: Span;
  readonly children: readonly DocumentSymbolData[];
}

function symbol(
  role: SymbolRole,
  name: string,
  node: YamlNode,
  nameNode: YamlNode | undefined,
  detail: string | undefined,
  children: readonly DocumentSymbolData[] = [],
): DocumentSymbolData {
  return {
    name,
    ...(detail ? { detail } : {}),
    role,
    span: node.span,
    selectionSpan: nameNode?.span ?? [node.span[0], node.span[0]],
    children,
  };
}

/** What kind of volume an entry is (`persistentVolumeClaim data`, `configMap`, …). */
function volumeDetail(volume: YamlNode): string | undefined {
  const source =
    volume.type === 'map' ? volume.pairs.find((pair) => pair.key !== 'name') : undefined;
  if (!source?.key) {
    return undefined;
  }
  const target =
    scalarText(getValue(source.value, 'claimName')) ??
    scalarText(getValue(source.value, 'secretName')) ??
    scalarText(getValue(source.value, 'name'));
  return target ? `${source.key} ${target}` : source.key;
}

function claimDetail(claim: YamlNode): string | undefined {
  const spec = getValue(claim, 'spec');
  const parts = [
    scalarText(getIn(spec, ['resources', 'requests', 'storage'])),
    scalarText(getValue(spec, 'storageClassName')),
  ].filter((part): part is string => part !== undefined && part !== '');
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** A Strimzi storage volume: `volume 0` (JBOD id) or `storage`, with its type and size. */
function strimziVolumes(document: DocumentModel): DocumentSymbolData[] {
  return storageSections(document).flatMap((section) =>
    section.volumes.map((volume) => {
      const id = scalarText(getValue(volume.node, 'id'));
      const parts = [volume.type, scalarText(getValue(volume.node, 'size'))].filter(
        (part): part is string => part !== undefined && part !== '',
      );
      return symbol(
        'claim',
        volume.jbodIndex === undefined ? `storage (${section.holds})` : `volume ${id ?? '?'}`,
        volume.node,
        getValue(volume.node, 'id') ?? volume.typePair?.value ?? undefined,
        parts.length > 0 ? parts.join(' · ') : undefined,
      );
    }),
  );
}

function childrenOf(document: DocumentModel): DocumentSymbolData[] {
  const template = podTemplateOf(document);
  if (!template) {
    return strimziVolumes(document);
  }
  const containers = containersOf(template).map((container) =>
    symbol(
      container.group === 'initContainers' ? 'initContainer' : 'container',
      container.name ?? '(unnamed container)',
      container.node,
      getValue(container.node, 'name'),
      scalarText(getValue(container.node, 'image')),
    ),
  );
  const volumes = seqItems(getValue(template.spec, 'volumes')).map((volume) =>
    symbol(
      'volume',
      scalarText(getValue(volume, 'name')) ?? '(unnamed volume)',
      volume,
      getValue(volume, 'name'),
      volumeDetail(volume),
    ),
  );
  const claims =
    document.kind === 'StatefulSet'
      ? seqItems(getIn(document.root, ['spec', 'volumeClaimTemplates'])).map((claim) => {
          const nameNode = getIn(claim, ['metadata', 'name']);
          return symbol(
            'claim',
            scalarText(nameNode) ?? '(unnamed claim)',
            claim,
            nameNode,
            claimDetail(claim),
          );
        })
      : [];
  return [...containers, ...volumes, ...claims];
}

/** The outline of a file: one symbol per Kubernetes object. */
export function documentSymbols(model: FileModel, defaultNamespace: string): DocumentSymbolData[] {
  return model.documents.flatMap((document) => {
    const root = document.root;
    if (document.classification !== 'kubernetes' || !root || !document.kind) {
      return [];
    }
    const nameNode = getIn(root, ['metadata', 'name']);
    const name = scalarText(nameNode);
    const namespace = isClusterScoped(document.kind)
      ? undefined
      : (explicitNamespaceOf(document) ?? defaultNamespace);
    return [
      symbol(
        'object',
        name ? `${document.kind} ${name}` : document.kind,
        root,
        nameNode ?? getValue(root, 'kind'),
        namespace,
        childrenOf(document),
      ),
    ];
  });
}
