// The quick fix of each rule that has one: its folder's fix.ts, by rule id. The code-action
// feature only dispatches through this table; `test/completeness/rules.test.ts` checks that every
// rule folder with a fix.ts is listed here (and the docs count them).
import { fix as antiAffinityMissing } from './anti-affinity-missing/fix';
import { fix as antiAffinitySelectorMismatch } from './anti-affinity-selector-mismatch/fix';
import { fix as apiDeprecated } from './api-deprecated/fix';
import { fix as apiRemoved } from './api-removed/fix';
import { fix as claimAccessModesMissing } from './claim-access-modes-missing/fix';
import { fix as claimStorageMissing } from './claim-storage-missing/fix';
import { fix as invalidQuantity } from './invalid-quantity/fix';
import { fix as legacyAnnotation } from './legacy-annotation/fix';
import { fix as pdbMissing } from './pdb-missing/fix';
import { fix as pdbPolicy } from './pdb-policy/fix';
import { fix as schemaApiVersion } from './schema-api-version/fix';
import { fix as schemaEnum } from './schema-enum/fix';
import { fix as schemaType } from './schema-type/fix';
import { fix as schemaUnknownField } from './schema-unknown-field/fix';
import { fix as schemaUnknownKind } from './schema-unknown-kind/fix';
import { fix as selectorMismatch } from './selector-mismatch/fix';
import { fix as strimziClusterNotFound } from './strimzi-cluster-not-found/fix';
import { fix as strimziControllerQuorum } from './strimzi-controller-quorum/fix';
import { fix as strimziDeleteClaim } from './strimzi-delete-claim/fix';
import { fix as strimziEphemeralStorage } from './strimzi-ephemeral-storage/fix';
import { fix as strimziJbodVolumeId } from './strimzi-jbod-volume-id/fix';
import { fix as strimziKraftAnnotations } from './strimzi-kraft-annotations/fix';
import { fix as strimziMinIsr } from './strimzi-min-isr/fix';
import { fix as strimziRackTopologyKey } from './strimzi-rack-topology-key/fix';
import { fix as strimziStorageSize } from './strimzi-storage-size/fix';
import { fix as strimziTopicReplicas } from './strimzi-topic-replicas/fix';
import { fix as stsServiceNotFound } from './sts-service-not-found/fix';
import { fix as stsServiceNotHeadless } from './sts-service-not-headless/fix';
import { fix as volumeMountUnresolved } from './volume-mount-unresolved/fix';
import { fix as yamlBooleanString } from './yaml-boolean-string/fix';
import type { Fixer } from './quick-fix/types';

export const quickFixesByRule: Readonly<Record<string, Fixer>> = {
  'anti-affinity-missing': antiAffinityMissing,
  'anti-affinity-selector-mismatch': antiAffinitySelectorMismatch,
  'api-deprecated': apiDeprecated,
  'api-removed': apiRemoved,
  'claim-access-modes-missing': claimAccessModesMissing,
  'claim-storage-missing': claimStorageMissing,
  'invalid-quantity': invalidQuantity,
  'legacy-annotation': legacyAnnotation,
  'pdb-missing': pdbMissing,
  'pdb-policy': pdbPolicy,
  'schema-api-version': schemaApiVersion,
  'schema-enum': schemaEnum,
  'schema-type': schemaType,
  'schema-unknown-field': schemaUnknownField,
  'schema-unknown-kind': schemaUnknownKind,
  'selector-mismatch': selectorMismatch,
  'strimzi-cluster-not-found': strimziClusterNotFound,
  'strimzi-controller-quorum': strimziControllerQuorum,
  'strimzi-delete-claim': strimziDeleteClaim,
  'strimzi-ephemeral-storage': strimziEphemeralStorage,
  'strimzi-jbod-volume-id': strimziJbodVolumeId,
  'strimzi-kraft-annotations': strimziKraftAnnotations,
  'strimzi-min-isr': strimziMinIsr,
  'strimzi-rack-topology-key': strimziRackTopologyKey,
  'strimzi-storage-size': strimziStorageSize,
  'strimzi-topic-replicas': strimziTopicReplicas,
  'sts-service-not-found': stsServiceNotFound,
  'sts-service-not-headless': stsServiceNotHeadless,
  'volume-mount-unresolved': volumeMountUnresolved,
  'yaml-boolean-string': yamlBooleanString,
};
