// The wiring lens above each StatefulSet (and Deployment with claims): pods, governing Service,
// disruption budget and storage, each part pointing at its object, or at the rule whose quick fix
// supplies what is missing.
import type { DocumentModel, FileModel, LineRange, Span } from '../model';
import { spanToRange } from '../model';
import type {
  ClaimSpecFacts,
  IndexedObject,
  IndexView,
  PdbFacts,
  WorkloadFacts,
} from '../rules/index-view';
import { budgetSelects } from '../rules/support/disruption-budget';
import { objectSpan } from '../rules/support/locate';
import { documentFacts } from '../rules/support/document-facts';
import { explicitNamespaceOf } from '../rules/support/object-facts';
import { claimedStorageHint, podsThatMayBeDown } from './inlay-hints';

/**
 * Where a part leads: an object to open, a rule whose quick fix adds what is missing, or the
 * topology picture of the object's namespace.
 */
export type LensTarget =
  | { readonly kind: 'object'; readonly uri: string; readonly range: LineRange }
  | { readonly kind: 'fix'; readonly ruleId: string }
  | { readonly kind: 'topology' };

export interface LensPart {
  readonly text: string;
  readonly tooltip: string;
  readonly target?: LensTarget;
}

export interface WiringLens {
  /** The object's first line (where the lens sits). */
  readonly span: Span;
  /** The whole object, where the quick fix of a ✗ part is looked for. */
  readonly objectRange: LineRange;
  readonly parts: readonly LensPart[];
}

const openObject = (object: IndexedObject): LensTarget => ({
  kind: 'object',
  uri: object.uri,
  range: object.nameRange,
});

function servicePart(workload: WorkloadFacts, index: IndexView): LensPart | undefined {
  if (workload.kind !== 'StatefulSet') {
    return undefined;
  }
  const name = workload.serviceName;
  if (!name) {
    return {
      text: 'no serviceName ✗',
      tooltip: 'Without a governing Service the pods get no stable DNS names.',
      target: { kind: 'fix', ruleId: 'sts-service-name-missing' },
    };
  }
  const service = index.services(workload.namespace).find((each) => each.name === name);
  if (!service) {
    // While indexing, a Service that is not found yet may still be in an unread file.
    return index.isComplete()
      ? {
          text: `headless \`${name}\` ✗ not found`,
          tooltip: `No Service "${name}" in namespace "${workload.namespace}": create it.`,
          target: { kind: 'fix', ruleId: 'sts-service-not-found' },
        }
      : undefined;
  }
  return service.clusterIP === 'None'
    ? {
        text: `headless \`${name}\` ✓`,
        tooltip: `Go to Service "${name}".`,
        target: openObject(service),
      }
    : {
        text: `\`${name}\` ✗ not headless`,
        tooltip: `Service "${name}" has a cluster IP, so the pods get no per-pod DNS records: set clusterIP: None.`,
        target: { kind: 'fix', ruleId: 'sts-service-not-headless' },
      };
}

function budgetPart(workload: WorkloadFacts, index: IndexView): LensPart | undefined {
  const budgets = index
    .podDisruptionBudgets(workload.namespace)
    .filter((pdb) => budgetSelects(pdb, workload.podLabels));
  const [budget] = budgets;
  if (!budget) {
    // pdb-missing is about replicated workloads; a single pod has nothing to keep available.
    return index.isComplete() && (workload.replicas ?? 0) >= 2
      ? {
          text: 'no PDB ✗',
          tooltip:
            'No PodDisruptionBudget selects these pods: a node drain may evict them all at once.',
          target: { kind: 'fix', ruleId: 'pdb-missing' },
        }
      : undefined;
  }
  const down = downOf(budget, workload, index);
  return {
    text: `PDB \`${budget.name}\`${down === undefined ? '' : ` (${down} may be down)`}`,
    tooltip:
      budgets.length > 1
        ? `Go to PodDisruptionBudget "${budget.name}" (${budgets.length} budgets select these pods).`
        : `Go to PodDisruptionBudget "${budget.name}".`,
    target: openObject(budget),
  };
}

/** Pods the budget lets go, counted over every workload it selects (as the eviction API does). */
function downOf(budget: PdbFacts, workload: WorkloadFacts, index: IndexView): number | undefined {
  const total = index
    .workloads(workload.namespace)
    .filter((each) => each.replicas !== undefined && budgetSelects(budget, each.podLabels))
    .reduce((sum, each) => sum + each.replicas!, 0);
  return podsThatMayBeDown(budget, Math.max(total, workload.replicas ?? 0));
}

/** `3 × 10Gi on \`fast\` (Retain)` for one claim template, or `10Gi on …` for a shared claim. */
function storagePart(
  claim: ClaimSpecFacts & { readonly name: string },
  replicas: number | undefined,
  index: IndexView,
): LensPart {
  const size =
    replicas !== undefined && claim.storageRequest
      ? (claimedStorageHint(replicas, [
          { claim: claim.name, storage: claim.storageRequest },
        ])?.label.split(' = ')[0] ?? claim.storageRequest)
      : (claim.storageRequest ?? '? storage');
  const className = claim.storageClassName;
  if (className === undefined) {
    return {
      text: `${size} on the default class`,
      tooltip: `Claim "${claim.name}" uses the cluster's default StorageClass.`,
    };
  }
  if (className === '') {
    return {
      text: `${size} with no class`,
      tooltip: `Claim "${claim.name}" asks for a pre-provisioned volume (storageClassName "").`,
    };
  }
  const storageClass = index.storageClasses().find((each) => each.name === className);
  if (!storageClass) {
    return {
      text: `${size} on \`${className}\``,
      tooltip: `StorageClass "${className}" is not in the workspace.`,
    };
  }
  return {
    text: `${size} on \`${className}\` (${storageClass.reclaimPolicy ?? 'Delete'})`,
    tooltip: `Go to StorageClass "${className}".`,
    target: openObject(storageClass),
  };
}

function claimsOf(workload: WorkloadFacts, index: IndexView): LensPart[] {
  if (workload.kind === 'StatefulSet') {
    return workload.claimTemplates.map((claim) => storagePart(claim, workload.replicas, index));
  }
  // A Deployment's replicas share each claim, so the size is not multiplied.
  const claims = index.claims(workload.namespace);
  return workload.claims.map((mounted) => {
    const claim = claims.find((each) => each.name === mounted.claimName);
    return claim
      ? { ...storagePart(claim, undefined, index), target: openObject(claim) }
      : {
          text: `claim \`${mounted.claimName}\``,
          tooltip: `PersistentVolumeClaim "${mounted.claimName}" is not in the workspace.`,
        };
  });
}

function lensOf(
  model: FileModel,
  document: DocumentModel,
  workload: WorkloadFacts,
  index: IndexView,
): WiringLens {
  const replicas = workload.replicas;
  const pods: LensPart = {
    text: replicas === undefined ? 'pods' : `${replicas} pod${replicas === 1 ? '' : 's'}`,
    tooltip: `${workload.kind} "${workload.name}" in namespace "${workload.namespace}".`,
  };
  const topology: LensPart | undefined =
    workload.kind === 'StatefulSet'
      ? {
          text: 'Show topology',
          tooltip: `The objects of namespace "${workload.namespace}" as a graph, with their findings.`,
          target: { kind: 'topology' },
        }
      : undefined;
  const parts = [
    pods,
    servicePart(workload, index),
    budgetPart(workload, index),
    ...claimsOf(workload, index),
    topology,
  ];
  const start = document.root?.span[0] ?? objectSpan(document)[0];
  return {
    span: [start, start],
    objectRange: spanToRange(model, [start, document.root?.span[1] ?? start]),
    parts: parts.filter((part): part is LensPart => part !== undefined),
  };
}

/** One lens per StatefulSet, and per Deployment that mounts claims. */
export function wiringLenses(
  model: FileModel,
  index: IndexView,
  defaultNamespace: string,
): WiringLens[] {
  return model.documents.flatMap((document) => {
    if (document.kind !== 'StatefulSet' && document.kind !== 'Deployment') {
      return [];
    }
    const facts = documentFacts(model, document, explicitNamespaceOf(document) ?? defaultNamespace);
    if (facts?.category !== 'workload') {
      return [];
    }
    const workload = facts.facts;
    if (workload.kind === 'Deployment' && workload.claims.length === 0) {
      return [];
    }
    return [lensOf(model, document, workload, index)];
  });
}
