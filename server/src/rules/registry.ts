// Every rule the engine runs, in one array. Adding a rule means adding its file and one line here.
import { apiDeprecated } from './api-deprecated';
import { apiRemoved } from './api-removed';
import { claimAccessModesMissing } from './claim-access-modes-missing';
import { claimStorageMissing } from './claim-storage-missing';
import { crdNameMismatch } from './crd-name-mismatch';
import { crdStorageVersion } from './crd-storage-version';
import { crdStructuralSchema } from './crd-structural-schema';
import { hostPath } from './host-path';
import { inTreeProvisioner } from './in-tree-provisioner';
import { labelSyntax } from './label-syntax';
import { reclaimPolicyDelete } from './reclaim-policy-delete';
import { rwoClaimShared } from './rwo-claim-shared';
import { storageClassNotFound } from './storage-class-not-found';
import { stsEphemeralData } from './sts-ephemeral-data';
import { volumeMountUnresolved } from './volume-mount-unresolved';
import { antiAffinityMissing } from './anti-affinity-missing';
import { antiAffinitySelectorMismatch } from './anti-affinity-selector-mismatch';
import { duplicateKey } from './duplicate-key';
import { invalidQuantity } from './invalid-quantity';
import { kafkaBrokerIdFixed } from './kafka-broker-id-fixed';
import { kafkaLogDirsEphemeral } from './kafka-log-dirs-ephemeral';
import { kafkaReplicationFactor } from './kafka-replication-factor';
import { kafkaZookeeperConnectUnresolved } from './kafka-zookeeper-connect-unresolved';
import { kafkaZookeeperModeRemoved } from './kafka-zookeeper-mode-removed';
import { pdbBlocksEviction } from './pdb-blocks-eviction';
import { pdbMissing } from './pdb-missing';
import { pdbPolicy } from './pdb-policy';
import { pdbSelectsNothing } from './pdb-selects-nothing';
import { probeIdentical } from './probe-identical';
import { probeMissing } from './probe-missing';
import { probePortUndeclared } from './probe-port-undeclared';
import { resourcesMissing } from './resources-missing';
import { resourcesRequestExceedsLimit } from './resources-request-exceeds-limit';
import { schemaApiVersion } from './schema-api-version';
import { schemaConstraint } from './schema-constraint';
import { schemaEnum } from './schema-enum';
import { schemaRequired } from './schema-required';
import { schemaType } from './schema-type';
import { schemaUnknownField } from './schema-unknown-field';
import { schemaUnknownKind } from './schema-unknown-kind';
import { selectorMismatch } from './selector-mismatch';
import { serviceSelectsNothing } from './service-selects-nothing';
import { stsServiceNameMissing } from './sts-service-name-missing';
import { stsServiceNotFound } from './sts-service-not-found';
import { stsServiceNotHeadless } from './sts-service-not-headless';
import { stsServiceSelectorMismatch } from './sts-service-selector-mismatch';
import { strimziEphemeralStorage } from './strimzi-ephemeral-storage';
import { strimziDeleteClaim } from './strimzi-delete-claim';
import { strimziJbodVolumeId } from './strimzi-jbod-volume-id';
import { strimziStorageSize } from './strimzi-storage-size';
import { strimziReplicationFactor } from './strimzi-replication-factor';
import { strimziMinIsr } from './strimzi-min-isr';
import { strimziControllerQuorum } from './strimzi-controller-quorum';
import { strimziTopicReplicas } from './strimzi-topic-replicas';
import { strimziZookeeperRemoved } from './strimzi-zookeeper-removed';
import { strimziKraftAnnotations } from './strimzi-kraft-annotations';
import { strimziClusterNotFound } from './strimzi-cluster-not-found';
import { strimziRackTopologyKey } from './strimzi-rack-topology-key';
import type { Rule } from './types';
import { yamlBooleanString } from './yaml-boolean-string';
import { yamlSyntax } from './yaml-syntax';
import { zk4lwProbe } from './zk-4lw-probe';
import { zkEnsembleSize } from './zk-ensemble-size';
import { zkPdbQuorum } from './zk-pdb-quorum';
import { zkServersMismatch } from './zk-servers-mismatch';
import { legacyAnnotation } from './legacy-annotation';
import { kustomizeJsonPatchInvalid } from './kustomize-json-patch-invalid';
import { kustomizePathNotFound } from './kustomize-path-not-found';
import { kustomizePatchUnmatched } from './kustomize-patch-unmatched';
import { kustomizeUnknownField } from './kustomize-unknown-field';

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
