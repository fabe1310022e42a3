// Every rule the engine runs, in one array. Adding a rule means adding its file and one line here.
import { apiDeprecated } from './api-deprecated/rule';
import { apiRemoved } from './api-removed/rule';
import { claimAccessModesMissing } from './claim-access-modes-missing/rule';
import { claimStorageMissing } from './claim-storage-missing/rule';
import { crdNameMismatch } from './crd-name-mismatch/rule';
import { crdStorageVersion } from './crd-storage-version/rule';
import { crdStructuralSchema } from './crd-structural-schema/rule';
import { hostPath } from './host-path/rule';
import { inTreeProvisioner } from './in-tree-provisioner/rule';
import { labelSyntax } from './label-syntax/rule';
import { reclaimPolicyDelete } from './reclaim-policy-delete/rule';
import { rwoClaimShared } from './rwo-claim-shared/rule';
import { storageClassNotFound } from './storage-class-not-found/rule';
import { stsEphemeralData } from './sts-ephemeral-data/rule';
import { volumeMountUnresolved } from './volume-mount-unresolved/rule';
import { antiAffinityMissing } from './anti-affinity-missing/rule';
import { antiAffinitySelectorMismatch } from './anti-affinity-selector-mismatch/rule';
import { duplicateKey } from './duplicate-key/rule';
import { invalidQuantity } from './invalid-quantity/rule';
import { kafkaBrokerIdFixed } from './kafka-broker-id-fixed/rule';
import { kafkaLogDirsEphemeral } from './kafka-log-dirs-ephemeral/rule';
import { kafkaReplicationFactor } from './kafka-replication-factor/rule';
import { kafkaZookeeperConnectUnresolved } from './kafka-zookeeper-connect-unresolved/rule';
import { kafkaZookeeperModeRemoved } from './kafka-zookeeper-mode-removed/rule';
import { pdbBlocksEviction } from './pdb-blocks-eviction/rule';
import { pdbMissing } from './pdb-missing/rule';
import { pdbPolicy } from './pdb-policy/rule';
import { pdbSelectsNothing } from './pdb-selects-nothing/rule';
import { probeIdentical } from './probe-identical/rule';
import { probeMissing } from './probe-missing/rule';
import { probePortUndeclared } from './probe-port-undeclared/rule';
import { resourcesMissing } from './resources-missing/rule';
import { resourcesRequestExceedsLimit } from './resources-request-exceeds-limit/rule';
import { schemaApiVersion } from './schema-api-version/rule';
import { schemaConstraint } from './schema-constraint/rule';
import { schemaEnum } from './schema-enum/rule';
import { schemaRequired } from './schema-required/rule';
import { schemaType } from './schema-type/rule';
import { schemaUnknownField } from './schema-unknown-field/rule';
import { schemaUnknownKind } from './schema-unknown-kind/rule';
import { selectorMismatch } from './selector-mismatch/rule';
import { serviceSelectsNothing } from './service-selects-nothing/rule';
import { stsServiceNameMissing } from './sts-service-name-missing/rule';
import { stsServiceNotFound } from './sts-service-not-found/rule';
import { stsServiceNotHeadless } from './sts-service-not-headless/rule';
import { stsServiceSelectorMismatch } from './sts-service-selector-mismatch/rule';
import { strimziEphemeralStorage } from './strimzi-ephemeral-storage/rule';
import { strimziDeleteClaim } from './strimzi-delete-claim/rule';
import { strimziJbodVolumeId } from './strimzi-jbod-volume-id/rule';
import { strimziStorageSize } from './strimzi-storage-size/rule';
import { strimziReplicationFactor } from './strimzi-replication-factor/rule';
import { strimziMinIsr } from './strimzi-min-isr/rule';
import { strimziControllerQuorum } from './strimzi-controller-quorum/rule';
import { strimziTopicReplicas } from './strimzi-topic-replicas/rule';
import { strimziZookeeperRemoved } from './strimzi-zookeeper-removed/rule';
import { strimziKraftAnnotations } from './strimzi-kraft-annotations/rule';
import { strimziClusterNotFound } from './strimzi-cluster-not-found/rule';
import { strimziRackTopologyKey } from './strimzi-rack-topology-key/rule';
import type { Rule } from './types';
import { yamlBooleanString } from './yaml-boolean-string/rule';
import { yamlSyntax } from './yaml-syntax/rule';
import { zk4lwProbe } from './zk-4lw-probe/rule';
import { zkEnsembleSize } from './zk-ensemble-size/rule';
import { zkPdbQuorum } from './zk-pdb-quorum/rule';
import { zkServersMismatch } from './zk-servers-mismatch/rule';
import { legacyAnnotation } from './legacy-annotation/rule';
import { kustomizeJsonPatchInvalid } from './kustomize-json-patch-invalid/rule';
import { kustomizePathNotFound } from './kustomize-path-not-found/rule';
import { kustomizePatchUnmatched } from './kustomize-patch-unmatched/rule';
import { kustomizeUnknownField } from './kustomize-unknown-field/rule';

export const allRules: readonly Rule[] = [
  // Kustomize (kustomizations and JSON 6902 patches; see docs/rules.md)
  kustomizeUnknownField,
  kustomizePathNotFound,
  kustomizePatchUnmatched,
  kustomizeJsonPatchInvalid,
  yamlSyntax,
  duplicateKey,
  schemaApiVersion,
  schemaUnknownKind,
  schemaUnknownField,
  schemaType,
  schemaRequired,
  schemaEnum,
  invalidQuantity,
  yamlBooleanString,
  // Workload wiring
  selectorMismatch,
  stsServiceNameMissing,
  stsServiceNotFound,
  stsServiceNotHeadless,
  stsServiceSelectorMismatch,
  serviceSelectsNothing,
  // Availability
  pdbMissing,
  pdbPolicy,
  pdbBlocksEviction,
  pdbSelectsNothing,
  antiAffinityMissing,
  antiAffinitySelectorMismatch,
  probeMissing,
  probeIdentical,
  probePortUndeclared,
  resourcesMissing,
  resourcesRequestExceedsLimit,
  // Storage
  volumeMountUnresolved,
  claimAccessModesMissing,
  claimStorageMissing,
  storageClassNotFound,
  hostPath,
  stsEphemeralData,
  rwoClaimShared,
  reclaimPolicyDelete,
  inTreeProvisioner,
  // Labels
  labelSyntax,
  // API versions
  apiDeprecated,
  apiRemoved,
  // Kafka and ZooKeeper
  zkEnsembleSize,
  zkServersMismatch,
  zkPdbQuorum,
  zk4lwProbe,
  kafkaReplicationFactor,
  kafkaZookeeperModeRemoved,
  kafkaBrokerIdFixed,
  kafkaLogDirsEphemeral,
  kafkaZookeeperConnectUnresolved,
  // CustomResourceDefinitions
  crdStorageVersion,
  crdStructuralSchema,
  crdNameMismatch,
  schemaConstraint,
  // Strimzi (kafka.strimzi.io custom resources)
  strimziEphemeralStorage,
  strimziDeleteClaim,
  strimziJbodVolumeId,
  strimziStorageSize,
  strimziReplicationFactor,
  strimziMinIsr,
  strimziControllerQuorum,
  strimziTopicReplicas,
  strimziZookeeperRemoved,
  strimziKraftAnnotations,
  strimziClusterNotFound,
  strimziRackTopologyKey,
  // Annotations Kubernetes replaced with fields (issue 13)
  legacyAnnotation,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.id === id);
}
