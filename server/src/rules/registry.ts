// Every rule the engine runs, in one array. Adding a rule means adding its file and one line here.
import { apiDeprecated } from './api-deprecated';
import { apiRemoved } from './api-removed';
import { claimAccessModesMissing } from './claim-access-modes-missing';
import { claimStorageMissing } from './claim-storage-missing';
import { inTreeProvisioner } from './in-tree-provisioner';
import { hostPath } from './host-path';
import { labelSyntax } from './label-syntax';
import { reclaimPolicyDelete } from './reclaim-policy-delete';
import { rwoClaimShared } from './rwo-claim-shared';
import { storageClassNotFound } from './storage-class-not-found';
import { stsEphemeralData } from './sts-ephemeral-data';
import { volumeMountUnresolved } from './volume-mount-unresolved';
import type { Rule } from './types';
import { yamlSyntax } from './yaml-syntax';

export const allRules: readonly Rule[] = [
  yamlSyntax,
  // Storage.
  volumeMountUnresolved,
  claimAccessModesMissing,
  claimStorageMissing,
  storageClassNotFound,
  hostPath,
  stsEphemeralData,
  rwoClaimShared,
  reclaimPolicyDelete,
  inTreeProvisioner,
  // Labels.
  labelSyntax,
  // API versions.
  apiDeprecated,
  apiRemoved,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.id === id);
}
