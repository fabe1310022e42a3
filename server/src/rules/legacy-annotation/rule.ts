// legacy-annotation: annotations that Kubernetes replaced with fields and no longer reads, which
// old Kafka/ZooKeeper manifests are full of: init containers that never run, affinity that is
// never applied, unready endpoints that are not published; and the still-read beta storage-class
// annotation, which should become storageClassName.
import { asMap, getIn, getPair, scalarText, seqItems } from '../../model';
import type { MapNode, PairNode, YamlNode } from '../../model';
import type { Rule, RuleFinding, Severity } from '../types';
import { podTemplateOf } from '../support/workload';

/** Where an annotation applies: a pod (or pod template), a Service, or a claim. */
type Holder = 'pod' | 'service' | 'claim';

interface LegacyAnnotation {
  readonly holder: Holder;
  readonly replacement: string;
  readonly severity: Severity;
  readonly message: string;
}

/** Sources: the Kubernetes 1.6 and 1.8 changelogs, and the API reference of each field. */
export const legacyAnnotations: ReadonlyMap<string, LegacyAnnotation> = new Map([
  ...['pod.alpha.kubernetes.io/init-containers', 'pod.beta.kubernetes.io/init-containers'].map(
    (name): [string, LegacyAnnotation] => [
      name,
      {
        holder: 'pod',
        replacement: 'spec.initContainers',
        severity: 'warning',
        message: `${name} has been ignored since Kubernetes 1.8: these init containers never run. Move them to the pod's spec.initContainers.`,
      },
    ],
  ),
  [
    'scheduler.alpha.kubernetes.io/affinity',
    {
      holder: 'pod',
      replacement: 'spec.affinity',
      severity: 'warning',
      message:
        "scheduler.alpha.kubernetes.io/affinity has been ignored since Kubernetes 1.6: the scheduler does not apply this affinity. Move it to the pod's spec.affinity.",
    },
  ],
  [
    'service.alpha.kubernetes.io/tolerate-unready-endpoints',
    {
      holder: 'service',
      replacement: 'spec.publishNotReadyAddresses',
      severity: 'warning',
      message:
        'service.alpha.kubernetes.io/tolerate-unready-endpoints was replaced by spec.publishNotReadyAddresses (Kubernetes 1.11) and the EndpointSlice controller does not read it: pods that are not ready get no DNS records, so peers cannot find each other while they start. Set publishNotReadyAddresses: true.',
    },
  ],
  [
    'volume.alpha.kubernetes.io/storage-class',
    {
      holder: 'claim',
      replacement: 'spec.storageClassName',
      severity: 'warning',
      message:
        'volume.alpha.kubernetes.io/storage-class has been ignored since Kubernetes 1.6 (its value never mattered: it asked for the default class). Remove it; a claim without storageClassName uses the default StorageClass, or set spec.storageClassName.',
    },
  ],
  [
    'volume.beta.kubernetes.io/storage-class',
    {
      holder: 'claim',
      replacement: 'spec.storageClassName',
      severity: 'info',
      message:
        'volume.beta.kubernetes.io/storage-class is deprecated; Kubernetes still reads it (before storageClassName), but other tools and newer features only know the field. Use spec.storageClassName instead.',
    },
  ],
]);

/** An annotation of `holder` kind found in a document, with the maps the quick fix edits. */
export interface FoundAnnotation {
  readonly name: string;
  readonly pair: PairNode;
  readonly annotations: MapNode;
  /** The mapping holding `metadata` and `spec` (the object, pod template or claim template). */
  readonly owner: YamlNode;
}

function annotationsOf(owner: YamlNode | undefined, holder: Holder): FoundAnnotation[] {
  const annotations = asMap(getIn(owner, ['metadata', 'annotations']));
  if (!owner || !annotations) {
    return [];
  }
  return annotations.pairs.flatMap((pair) => {
    const name = pair.key ?? '';
    return legacyAnnotations.get(name)?.holder === holder
      ? [{ name, pair, annotations, owner }]
      : [];
  });
}

/** Every legacy annotation of a document, where it applies. */
export function findLegacyAnnotations(
  document: Parameters<Rule['check']>[0]['document'],
): FoundAnnotation[] {
  const root = document.root ?? undefined;
  const found: FoundAnnotation[] = [];
  if (document.kind === 'Service') {
    found.push(...annotationsOf(root, 'service'));
  }
  if (document.kind === 'PersistentVolumeClaim') {
    found.push(...annotationsOf(root, 'claim'));
  }
  const template = podTemplateOf(document);
  if (template) {
    found.push(...annotationsOf(template.node, 'pod'));
  }
  if (document.kind === 'StatefulSet') {
    for (const item of seqItems(getIn(root, ['spec', 'volumeClaimTemplates']))) {
      found.push(...annotationsOf(item, 'claim'));
    }
  }
  return found;
}

export const legacyAnnotation: Rule = {
  id: 'legacy-annotation',
  defaultSeverity: 'warning',
  description:
    'An annotation Kubernetes replaced with a field (init containers, affinity, unready endpoints, storage class).',
  check({ document }) {
    return findLegacyAnnotations(document).map((found): RuleFinding => {
      const entry = legacyAnnotations.get(found.name)!;
      const value = scalarText(found.pair.value);
      const tolerate = found.name === 'service.alpha.kubernetes.io/tolerate-unready-endpoints';
      const unreadTolerate = tolerate && value !== 'true';
      // Manifests written for both old and new clusters set the field as well: harmless.
      if (tolerate && publishesNotReady(found.owner)) {
        return {
          span: found.pair.keySpan,
          severity: 'info',
          message: `${found.name} is redundant: spec.publishNotReadyAddresses is already true, and Kubernetes no longer reads the annotation. Remove it.`,
          data: { annotation: found.name, replacement: entry.replacement },
        };
      }
      return {
        span: found.pair.keySpan,
        severity: entry.severity,
        message: unreadTolerate
          ? `${found.name} is not read by current Kubernetes (use spec.publishNotReadyAddresses); with the value "${value ?? ''}" it asked for nothing anyway. Remove it.`
          : entry.message,
        data: { annotation: found.name, replacement: entry.replacement },
      };
    });
  },
};

/** True when a Service already sets `spec.publishNotReadyAddresses: true`. */
export function publishesNotReady(owner: YamlNode): boolean {
  const node = getIn(owner, ['spec', 'publishNotReadyAddresses']);
  return node?.type === 'scalar' && node.value === true;
}

/** For quick fixes: the pair of `key` in the mapping that holds `metadata` and `spec`. */
export function specOf(owner: YamlNode): MapNode | undefined {
  return asMap(getPair(owner, 'spec')?.value);
}
