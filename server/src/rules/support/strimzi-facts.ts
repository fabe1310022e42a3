// Reads the index facts of a Strimzi resource: its cluster label, replicas and node pool roles,
// which the Strimzi rules add up per cluster across files.
import { getIn, scalarText, spanToRange } from '../../model';
import type { DocumentModel, FileModel } from '../../model';
import type { CustomResourceFacts, IndexedObject, StrimziFacts } from '../index-view';
import { clusterLabelNode, kafkaConfigNumber, numberOf, poolRoles, strimziKindOf } from './strimzi';

export function readStrimziFacts(
  object: IndexedObject & Partial<Pick<CustomResourceFacts, 'podLabelSets'>>,
  model: FileModel,
  document: DocumentModel,
): StrimziFacts {
  const kind = strimziKindOf(object);
  const cluster = kind === 'Kafka' ? undefined : clusterLabelNode(document);
  const clusterName = scalarText(cluster) || undefined;
  const replicasPath = kind === 'Kafka' ? ['spec', 'kafka', 'replicas'] : ['spec', 'replicas'];
  const replicasNode = kind === 'KafkaUser' ? undefined : getIn(document.root, replicasPath);
  const replicas = numberOf(replicasNode);
  const minInsync =
    kind === 'Kafka' ? kafkaConfigNumber(document, 'min.insync.replicas')?.value : undefined;
  return {
    ...object,
    podLabelSets: object.podLabelSets ?? [],
    ...(clusterName !== undefined ? { cluster: clusterName } : {}),
    ...(replicasNode && replicas !== undefined
      ? { replicas, replicasRange: spanToRange(model, replicasNode.span) }
      : {}),
    ...(kind === 'KafkaNodePool' ? { roles: poolRoles(document) } : {}),
    ...(minInsync !== undefined ? { minInsyncReplicas: minInsync } : {}),
  };
}
