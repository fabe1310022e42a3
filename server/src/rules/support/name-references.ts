// The names a manifest uses to point at other objects: a StatefulSet's serviceName, claimName,
// storageClassName, and the ConfigMaps and Secrets of volumes, env and envFrom. Read here once
// for the workspace index (find references) and for navigation in the open file. Strimzi node
// pools, topics and users name their Kafka with the strimzi.io/cluster label.
import { asScalar, walk } from '../../model';
import type { DocumentModel, PathSegment, Span } from '../../model';

/** The kinds a manifest refers to by name. */
export type ReferencedKind =
  'Service' | 'PersistentVolumeClaim' | 'StorageClass' | 'ConfigMap' | 'Secret' | 'Kafka';

/** The Strimzi kinds whose strimzi.io/cluster label names their `Kafka`. */
const strimziMemberKinds: ReadonlySet<string> = new Set([
  'KafkaNodePool',
  'KafkaTopic',
  'KafkaUser',
]);

/** One name that refers to another object, with the span of the name's value. */
export interface NameReference {
  readonly kind: ReferencedKind;
  readonly name: string;
  readonly span: Span;
}

/** Path endings that hold a reference, most specific first; `#` matches a sequence index. */
const patterns: readonly (readonly [readonly string[], ReferencedKind])[] = [
  [['persistentVolumeClaim', 'claimName'], 'PersistentVolumeClaim'],
  [['spec', 'storageClassName'], 'StorageClass'],
  [['configMap', 'name'], 'ConfigMap'],
  [['configMapKeyRef', 'name'], 'ConfigMap'],
  [['configMapRef', 'name'], 'ConfigMap'],
  [['secret', 'secretName'], 'Secret'],
  [['secret', 'name'], 'Secret'],
  [['secretKeyRef', 'name'], 'Secret'],
  [['secretRef', 'name'], 'Secret'],
  [['imagePullSecrets', '#', 'name'], 'Secret'],
];

function endsWith(path: readonly PathSegment[], pattern: readonly string[]): boolean {
  if (path.length < pattern.length) {
    return false;
  }
  const tail = path.slice(path.length - pattern.length);
  return pattern.every((part, index) =>
    part === '#' ? typeof tail[index] === 'number' : tail[index] === part,
  );
}

/** The kind a value at `path` refers to, if it holds a reference in a `kind` document. */
export function referencedKindAt(
  kind: string | undefined,
  path: readonly PathSegment[],
): ReferencedKind | undefined {
  if (
    strimziMemberKinds.has(kind ?? '') &&
    path.length === 3 &&
    path[0] === 'metadata' &&
    path[1] === 'labels' &&
    path[2] === 'strimzi.io/cluster'
  ) {
    return 'Kafka';
  }
  if (
    kind === 'StatefulSet' &&
    path.length === 2 &&
    path[0] === 'spec' &&
    path[1] === 'serviceName'
  ) {
    return 'Service';
  }
  // A StorageClass's own fields never refer to another object.
  if (kind === 'StorageClass' || path[0] !== 'spec') {
    return undefined;
  }
  return patterns.find(([pattern]) => endsWith(path, pattern))?.[1];
}

/** Every name reference in a Kubernetes document. */
export function readNameReferences(document: DocumentModel): NameReference[] {
  if (document.classification !== 'kubernetes') {
    return [];
  }
  const references: NameReference[] = [];
  walk(document.root, (node, path) => {
    const scalar = asScalar(node);
    const kind = scalar && referencedKindAt(document.kind, path);
    if (scalar && kind && typeof scalar.value === 'string' && scalar.value !== '') {
      references.push({ kind, name: scalar.value, span: scalar.span });
    }
  });
  return references;
}
