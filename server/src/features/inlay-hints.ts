// Inlay hints that make stateful wiring visible: the pod DNS names after a StatefulSet's
// serviceName, the storage all replicas claim after its replicas, and how many pods a
// PodDisruptionBudget lets go at once after its minAvailable or maxUnavailable.
import { getPair, getValue } from '../model';
import type { DocumentModel, FileModel, PairNode, Span } from '../model';
import type { IndexView, PdbFacts, WorkloadFacts } from '../rules/index-view';
import { budgetSelects, minimumKept, percentOf } from '../rules/support/disruption-budget';
import { documentFacts } from '../rules/support/document-facts';
import type { TypedFacts } from '../rules/support/object-facts';
import { explicitNamespaceOf } from '../rules/support/object-facts';
import { quantityValue } from '../schema/quantity';

export interface InlayHintData {
  /** Where the hint is shown: right after the value it explains. */
  readonly offset: number;
  readonly label: string;
  /** Markdown with the whole story (every DNS name, the arithmetic, the workloads). */
  readonly tooltip: string;
}

/** Kubernetes' default cluster domain; clusters may set another one in kubelet's clusterDomain. */
export const clusterDomain = 'cluster.local';

/** At most this many names are listed in a tooltip; more are summarized. */
const tooltipNames = 20;

/** The stable DNS name of pod `ordinal` of a StatefulSet governed by `serviceName`. */
export function podDnsName(
  statefulSet: string,
  ordinal: number,
  serviceName: string,
  namespace: string,
): string {
  return `${statefulSet}-${ordinal}.${serviceName}.${namespace}.svc.${clusterDomain}`;
}

/** The label after `serviceName`: the first pod's full name, and the last one's pod name. */
export function dnsNamesHint(
  statefulSet: string,
  replicas: number,
  serviceName: string,
  namespace: string,
): Omit<InlayHintData, 'offset'> | undefined {
  if (replicas < 1 || statefulSet === '' || serviceName === '') {
    return undefined;
  }
  const first = podDnsName(statefulSet, 0, serviceName, namespace);
  const label = replicas === 1 ? first : `${first} … ${statefulSet}-${replicas - 1}`;
  const listed = Array.from({ length: Math.min(replicas, tooltipNames) }, (_, ordinal) =>
    podDnsName(statefulSet, ordinal, serviceName, namespace),
  );
  const more = replicas > tooltipNames ? [`- … and ${replicas - tooltipNames} more`] : [];
  return {
    label,
    tooltip: [
      `The ${replicas === 1 ? 'pod gets this stable DNS name' : `${replicas} pods get these stable DNS names`} through the headless Service \`${serviceName}\` (cluster domain \`${clusterDomain}\` assumed):`,
      '',
      ...listed.map((name) => `- \`${name}\``),
      ...more,
    ].join('\n'),
  };
}

const binaryUnits = ['Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'] as const;

/** A byte count in the largest binary unit that keeps it at least 1 (`32212254720` → `30Gi`). */
export function formatBytes(bytes: number): string {
  let unit = '';
  let value = bytes;
  for (const next of binaryUnits) {
    if (value < 1024) {
      break;
    }
    value /= 1024;
    unit = next;
  }
  const rounded = Math.round(value * 100) / 100;
  return `${rounded === value ? '' : '≈'}${rounded}${unit}`;
}

/** `10Gi` → { mantissa: 10, suffix: 'Gi' }, for products that keep the unit as written. */
function splitQuantity(text: string): { mantissa: number; suffix: string } | undefined {
  const match = /^(\d+(?:\.\d+)?)([A-Za-z]*)$/.exec(text.trim());
  return match ? { mantissa: Number(match[1]), suffix: match[2] ?? '' } : undefined;
}

/** The label after `replicas`: `3 × 10Gi = 30Gi`, or `3 × (10Gi + 1Gi) = 33Gi`. */
export function claimedStorageHint(
  replicas: number,
  requests: readonly { readonly claim: string; readonly storage: string }[],
): Omit<InlayHintData, 'offset'> | undefined {
  const valued = requests.flatMap((request) => {
    const bytes = quantityValue(request.storage);
    return bytes === undefined || bytes < 0 ? [] : [{ ...request, bytes }];
  });
  if (valued.length === 0 || valued.length !== requests.length) {
    return undefined;
  }
  const perPod = valued.map((request) => request.storage.trim());
  const factor = perPod.length === 1 ? perPod[0]! : `(${perPod.join(' + ')})`;
  // When every request uses one unit the product keeps it (3 × 500Mi = 1500Mi), which reads as
  // exact; mixed units are summed in bytes and shown in the largest binary unit.
  const parts = perPod.map(splitQuantity);
  const suffix = parts[0]?.suffix;
  const sameUnit = parts.every((part) => part !== undefined && part.suffix === suffix);
  const total = sameUnit
    ? `${Math.round(replicas * parts.reduce((sum, part) => sum + part!.mantissa, 0) * 100) / 100}${suffix!}`
    : formatBytes(replicas * valued.reduce((sum, request) => sum + request.bytes, 0));
  return {
    label: `${replicas} × ${factor} = ${total}`,
    tooltip: [
      `Each of the ${replicas} pods gets its own claim per volumeClaimTemplate, kept when the pod is deleted or the StatefulSet scales down:`,
      '',
      ...valued.map((request) => `- \`${request.claim}\`: ${replicas} × ${request.storage.trim()}`),
    ].join('\n'),
  };
}

/** How many pods `budget` may evict at once out of `total` (the eviction API rounds percentages up). */
export function podsThatMayBeDown(
  budget: Pick<PdbFacts, 'minAvailable' | 'maxUnavailable'>,
  total: number,
): number | undefined {
  if (budget.maxUnavailable !== undefined) {
    const value = budget.maxUnavailable;
    const percent = percentOf(value);
    const allowed =
      typeof value === 'number'
        ? value
        : percent === undefined
          ? undefined
          : Math.ceil((percent * total) / 100);
    return allowed === undefined || allowed < 0 ? undefined : Math.min(allowed, total);
  }
  if (budget.minAvailable !== undefined) {
    const kept = minimumKept(budget.minAvailable, total);
    return kept === undefined || kept < 0 ? undefined : Math.max(0, total - kept);
  }
  return undefined;
}

/** The label after minAvailable or maxUnavailable, for the workloads the budget selects. */
export function disruptionHint(
  budget: PdbFacts,
  workloads: readonly WorkloadFacts[],
  complete: boolean,
): Omit<InlayHintData, 'offset'> | undefined {
  const selected = workloads.filter(
    (workload) => workload.replicas !== undefined && budgetSelects(budget, workload.podLabels),
  );
  if (selected.length === 0) {
    // Saying "selects nothing" while the workspace is still being indexed would be a false alarm.
    return complete && budget.selector
      ? {
          label: 'selects no workload',
          tooltip: `No workload with replicas in namespace \`${budget.namespace}\` has pods this budget selects.`,
        }
      : undefined;
  }
  // A budget that selects the pods of several controllers counts them together.
  const total = selected.reduce((sum, workload) => sum + workload.replicas!, 0);
  const down = podsThatMayBeDown(budget, total);
  if (down === undefined) {
    return undefined;
  }
  const names = selected.map((workload) => `${workload.kind} ${workload.name}`);
  const shown =
    names.length > 2 ? `${names.slice(0, 2).join(', ')}, +${names.length - 2}` : names.join(', ');
  return {
    label: `${down} of ${total} pod${total === 1 ? '' : 's'} may be down (${shown})`,
    tooltip: [
      down === 0
        ? `No pod may be evicted: node drains will wait until the budget allows one.`
        : `At most ${down} of the ${total} selected pod${total === 1 ? '' : 's'} may be evicted at the same time.`,
      '',
      ...selected.map(
        (workload) => `- ${workload.kind} \`${workload.name}\`: ${workload.replicas} replicas`,
      ),
    ].join('\n'),
  };
}

function after(pair: PairNode | undefined): number | undefined {
  return pair?.value ? pair.value.span[1] : undefined;
}

function statefulSetHints(
  document: DocumentModel,
  workload: WorkloadFacts,
  namespace: string,
): InlayHintData[] {
  const spec = getValue(document.root, 'spec');
  const hints: InlayHintData[] = [];
  const replicas = workload.replicas;
  const serviceEnd = after(getPair(spec, 'serviceName'));
  if (serviceEnd !== undefined && replicas !== undefined && workload.serviceName) {
    const hint = dnsNamesHint(workload.name, replicas, workload.serviceName, namespace);
    if (hint) {
      hints.push({ offset: serviceEnd, ...hint });
    }
  }
  const replicasEnd = after(getPair(spec, 'replicas'));
  if (replicasEnd !== undefined && replicas !== undefined && workload.claimTemplates.length > 0) {
    const hint = claimedStorageHint(
      replicas,
      workload.claimTemplates.map((claim) => ({
        claim: claim.name,
        storage: claim.storageRequest ?? '',
      })),
    );
    if (hint) {
      hints.push({ offset: replicasEnd, ...hint });
    }
  }
  return hints;
}

function pdbHints(document: DocumentModel, budget: PdbFacts, index: IndexView): InlayHintData[] {
  const spec = getValue(document.root, 'spec');
  // The API rejects a budget with both fields; podsThatMayBeDown reads maxUnavailable first.
  const end = after(getPair(spec, 'maxUnavailable')) ?? after(getPair(spec, 'minAvailable'));
  if (end === undefined) {
    return [];
  }
  const hint = disruptionHint(budget, index.workloads(budget.namespace), index.isComplete());
  return hint ? [{ offset: end, ...hint }] : [];
}

function hintsOf(document: DocumentModel, facts: TypedFacts, index: IndexView): InlayHintData[] {
  if (facts.category === 'workload' && facts.facts.kind === 'StatefulSet') {
    return statefulSetHints(document, facts.facts, facts.facts.namespace);
  }
  if (facts.category === 'pdb') {
    return pdbHints(document, facts.facts, index);
  }
  return [];
}

/** The hints of the documents that overlap `span` (the whole file when it is undefined). */
export function inlayHints(
  model: FileModel,
  index: IndexView,
  defaultNamespace: string,
  span?: Span,
): InlayHintData[] {
  return model.documents.flatMap((document) => {
    if (span && (document.span[1] < span[0] || document.span[0] > span[1])) {
      return [];
    }
    // Reading facts is the costly part; only these two kinds carry hints.
    if (document.kind !== 'StatefulSet' && document.kind !== 'PodDisruptionBudget') {
      return [];
    }
    const namespace = explicitNamespaceOf(document) ?? defaultNamespace;
    const facts = documentFacts(model, document, namespace);
    return facts
      ? hintsOf(document, facts, index).filter(
          (hint) => !span || (hint.offset >= span[0] && hint.offset <= span[1]),
        )
      : [];
  });
}
