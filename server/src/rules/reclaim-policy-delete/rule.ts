// reclaim-policy-delete: a StorageClass whose reclaimPolicy is Delete (also the default) while a
// StatefulSet's volumeClaimTemplates use it. StatefulSet claims outlive their pods on purpose;
// with Delete, removing a claim (or scaling down with a retention policy) destroys the data.
import { getPair, getValue } from '../../model';
import type { RelatedLocation, Rule } from '../types';

export const reclaimPolicyDelete: Rule = {
  id: 'reclaim-policy-delete',
  defaultSeverity: 'info',
  description:
    "A StorageClass used by a StatefulSet's claims deletes the volume with the claim (reclaimPolicy Delete).",
  noQuickFix: 'reclaimPolicy is immutable on an existing StorageClass: a new class is needed',
  check({ document, index }) {
    if (document.kind !== 'StorageClass') {
      return [];
    }
    const nameNode = getValue(getValue(document.root, 'metadata'), 'name');
    const policyPair = getPair(document.root, 'reclaimPolicy');
    const policy =
      policyPair?.value?.type === 'scalar' ? String(policyPair.value.value) : undefined;
    if ((policy !== undefined && policy !== 'Delete') || !nameNode || nameNode.type !== 'scalar') {
      return [];
    }
    const className = String(nameNode.value);
    const related: RelatedLocation[] = [];
    for (const workload of index.workloads()) {
      if (workload.kind !== 'StatefulSet') {
        continue;
      }
      for (const claim of workload.claimTemplates) {
        if (claim.storageClassName === className) {
          related.push({
            uri: workload.uri,
            range: claim.range,
            message: `volumeClaimTemplate '${claim.name}' of StatefulSet '${workload.name}'`,
          });
        }
      }
    }
    if (related.length === 0) {
      return [];
    }
    const how =
      policy === undefined
        ? 'has no reclaimPolicy, so it defaults to Delete'
        : 'has reclaimPolicy Delete';
    return [
      {
        span: policyPair?.value?.span ?? nameNode.span,
        message: `StorageClass '${className}' ${how}, and StatefulSet claims use it: deleting a claim deletes its volume and the data. Set \`reclaimPolicy: Retain\` for data you must not lose (existing PersistentVolumes keep their own policy).`,
        related,
        data: { replacement: 'Retain' },
      },
    ];
  },
};
