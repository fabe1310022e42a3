// The persistent volume claims a document declares: a PersistentVolumeClaim object, or the
// volumeClaimTemplates of a StatefulSet. Shared by the claim-* and storage-class rules.
import type { PairNode, Span, YamlNode } from '../model';
import { getIn, getPair, getValue, scalarText, seqItems } from '../model';
import type { DocumentModel } from '../model';

export interface DeclaredClaim {
  /** `PersistentVolumeClaim` or `volumeClaimTemplate` (of a StatefulSet). */
  readonly source: 'PersistentVolumeClaim' | 'volumeClaimTemplate';
  readonly name: string | undefined;
  /** The mapping that carries `metadata` and `spec` (the document root or the template item). */
  readonly node: YamlNode;
  readonly spec: YamlNode | undefined;
}

export function declaredClaims(document: DocumentModel): DeclaredClaim[] {
  const root = document.root;
  if (document.kind === 'PersistentVolumeClaim' && root) {
    return [claimOf('PersistentVolumeClaim', root)];
  }
  if (document.kind === 'StatefulSet') {
    return seqItems(getIn(root, ['spec', 'volumeClaimTemplates'])).map((item) =>
      claimOf('volumeClaimTemplate', item),
    );
  }
  return [];
}

function claimOf(source: DeclaredClaim['source'], node: YamlNode): DeclaredClaim {
  return {
    source,
    name: scalarText(getIn(node, ['metadata', 'name'])),
    node,
    spec: getValue(node, 'spec'),
  };
}

/** How a claim is named in messages. */
export function describeClaim(claim: DeclaredClaim): string {
  const name = claim.name ? ` '${claim.name}'` : '';
  return claim.source === 'PersistentVolumeClaim'
    ? `PersistentVolumeClaim${name}`
    : `volumeClaimTemplate${name}`;
}

/**
 * The key span of the deepest pair that exists along `path` below the claim, so a finding about
 * a missing field points at the closest thing the user wrote (`spec`, then `resources`, …).
 */
export function closestKeySpan(claim: DeclaredClaim, path: readonly string[]): Span {
  let node: YamlNode | undefined = claim.node;
  let found: PairNode | undefined;
  for (const key of path) {
    const pair = getPair(node, key);
    if (!pair) {
      break;
    }
    found = pair;
    node = pair.value ?? undefined;
  }
  return (
    found?.keySpan ?? getPair(getValue(claim.node, 'metadata'), 'name')?.keySpan ?? claim.node.span
  );
}

/** The beta annotation Kubernetes still reads as a claim's class (it wins over the field). */
export const betaStorageClassAnnotation = 'volume.beta.kubernetes.io/storage-class';

/**
 * The StorageClass a claim asks for and the node that names it: the
 * `volume.beta.kubernetes.io/storage-class` annotation when present (the API server and the
 * provisioners prefer it), else `spec.storageClassName`.
 */
export function claimClass(
  claim: Pick<DeclaredClaim, 'node' | 'spec'>,
): { name: string; node: YamlNode; fromAnnotation: boolean } | undefined {
  const annotation = getPair(
    getIn(claim.node, ['metadata', 'annotations']),
    betaStorageClassAnnotation,
  );
  const annotated = scalarText(annotation?.value);
  if (annotation?.value && annotated !== undefined) {
    return { name: annotated, node: annotation.value, fromAnnotation: true };
  }
  const field = getPair(claim.spec, 'storageClassName');
  const name = scalarText(field?.value);
  return field?.value && name !== undefined
    ? { name, node: field.value, fromAnnotation: false }
    : undefined;
}
