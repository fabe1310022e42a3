// What the cursor is on, for navigation: a name that refers to another object, an object's own
// name, a volume mount or the volume it names, a Service or PDB selector, or a workload (its
// name or pod labels). Pure: reads one document of the model.
import { asScalar, nodePathAt, scalarText } from '../../model';
import type { DocumentModel, PathSegment, ScalarNode, Span } from '../../model';
import { referencedKindAt } from '../../rules/support/name-references';
import { strimziKindOf } from '../../rules/support/strimzi';
import type { ReferencedKind } from '../../rules/support/name-references';
import {
  isWorkloadKind,
  mountNamesOf,
  podTemplateOf,
  volumeNamesOf,
} from '../../rules/support/workload';
import type { PodTemplate } from '../../rules/support/workload';

export type Site =
  | {
      readonly type: 'reference';
      readonly kind: ReferencedKind;
      readonly name: string;
      readonly span: Span;
    }
  | {
      readonly type: 'declaration';
      readonly kind: ReferencedKind;
      readonly name: string;
      readonly span: Span;
    }
  | { readonly type: 'mount' | 'volume'; readonly name: string; readonly span: Span }
  | {
      readonly type: 'selector';
      readonly kind: 'Service' | 'PodDisruptionBudget';
      readonly span: Span;
    }
  | { readonly type: 'workload'; readonly span: Span };

const referableKinds: ReadonlySet<string> = new Set<ReferencedKind>([
  'Service',
  'PersistentVolumeClaim',
  'StorageClass',
  'ConfigMap',
  'Secret',
  'Kafka',
]);

function startsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.every((segment, index) => path[index] === segment);
}

function samePath(a: readonly PathSegment[], b: readonly PathSegment[]): boolean {
  return a.length === b.length && startsWith(a, b);
}

/** The name nodes of every volumeMounts/volumeDevices entry of the pod template. */
export function mountNames(template: PodTemplate): ScalarNode[] {
  return mountNamesOf(template).map((mount) => mount.node);
}

function selectorSite(
  document: DocumentModel,
  path: readonly PathSegment[],
  span: Span,
): Site | undefined {
  const kind = document.kind;
  if (
    (kind === 'Service' || kind === 'PodDisruptionBudget') &&
    startsWith(path, ['spec', 'selector'])
  ) {
    return { type: 'selector', kind, span };
  }
  const template = podTemplateOf(document);
  if (template && startsWith(path, [...template.path, 'metadata', 'labels'])) {
    return { type: 'workload', span };
  }
  return undefined;
}

/** The navigation site under `offset` in `document`. */
export function siteAt(document: DocumentModel, offset: number): Site | undefined {
  if (document.classification !== 'kubernetes') {
    return undefined;
  }
  const { steps, onKey } = nodePathAt(document.root, offset);
  const last = steps[steps.length - 1];
  if (onKey?.key !== undefined && onKey.key !== null) {
    return selectorSite(document, [...(last?.path ?? []), onKey.key], onKey.keySpan);
  }
  const scalar = asScalar(last?.node);
  const name = scalarText(scalar);
  if (!last || !scalar || name === undefined) {
    return undefined;
  }
  const path = last.path;
  const referenced = referencedKindAt(document.kind, path);
  if (referenced) {
    return { type: 'reference', kind: referenced, name, span: scalar.span };
  }
  if (samePath(path, ['metadata', 'name'])) {
    // Other groups have a kind `Kafka` too; only Strimzi's is named by strimzi.io/cluster.
    if (
      referableKinds.has(document.kind ?? '') &&
      (document.kind !== 'Kafka' || strimziKindOf(document) === 'Kafka')
    ) {
      return {
        type: 'declaration',
        kind: document.kind as ReferencedKind,
        name,
        span: scalar.span,
      };
    }
    return isWorkloadKind(document.kind) ? { type: 'workload', span: scalar.span } : undefined;
  }
  const template = podTemplateOf(document);
  if (template && mountNames(template).includes(scalar)) {
    return { type: 'mount', name, span: scalar.span };
  }
  if (template && volumeNamesOf(document, template).some((volume) => volume.node === scalar)) {
    return { type: 'volume', name, span: scalar.span };
  }
  return selectorSite(document, path, scalar.span);
}
