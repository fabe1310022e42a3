// anti-affinity-missing: replicas of a workload with neither podAntiAffinity nor a topology
// spread over nodes or zones may all land on one node and fail together.
import type { Rule } from '../types';
import { currentWorkload, describeObject, objectSpan } from '../support/locate';
import {
  antiAffinityTerms,
  spreadConstraintKeys,
  spreadingTopologyKeys,
} from '../support/spreading';
import { podTemplateOf, replicatedKinds } from '../support/workload';

export const antiAffinityMissing: Rule = {
  id: 'anti-affinity-missing',
  defaultSeverity: 'info',
  description:
    'A workload with 2 or more replicas and neither podAntiAffinity nor topologySpreadConstraints over hostname or zone.',
  check(context) {
    const template = podTemplateOf(context.document);
    const workload = currentWorkload(context);
    if (
      !template ||
      !workload ||
      !replicatedKinds.has(template.kind) ||
      (workload.replicas ?? 0) < 2
    ) {
      return [];
    }
    const keys = [
      ...antiAffinityTerms(template).map((term) => term.topologyKey),
      ...spreadConstraintKeys(template),
    ];
    if (keys.some((key) => key !== undefined && spreadingTopologyKeys.has(key))) {
      return [];
    }
    return [
      {
        span: objectSpan(context.document),
        message: `${describeObject(workload)} runs ${workload.replicas} replicas without podAntiAffinity or topologySpreadConstraints over kubernetes.io/hostname or topology.kubernetes.io/zone, so the scheduler may put them all on one node. Add a preferred podAntiAffinity term on kubernetes.io/hostname that selects the pod's own labels.`,
      },
    ];
  },
};
