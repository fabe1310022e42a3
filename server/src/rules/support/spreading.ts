// How a pod template spreads its replicas: podAntiAffinity terms (required and preferred) and
// topologySpreadConstraints, shared by the anti-affinity rules.
import { getIn, getValue, scalarText, seqItems } from '../../model';
import type { YamlNode } from '../../model';
import type { PodTemplate } from './workload';

/** Topology keys that spread pods over failure domains (nodes, zones, regions). */
export const spreadingTopologyKeys: ReadonlySet<string> = new Set([
  'kubernetes.io/hostname',
  'topology.kubernetes.io/zone',
  'topology.kubernetes.io/region',
  'failure-domain.beta.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/region',
]);

/** One `PodAffinityTerm` of the template's podAntiAffinity. */
export interface AntiAffinityTerm {
  readonly node: YamlNode;
  readonly required: boolean;
  readonly topologyKey: string | undefined;
}

export function antiAffinityTerms(template: PodTemplate): AntiAffinityTerm[] {
  const antiAffinity = getIn(template.spec, ['affinity', 'podAntiAffinity']);
  const required = seqItems(
    getValue(antiAffinity, 'requiredDuringSchedulingIgnoredDuringExecution'),
  ).map((node) => ({ node, required: true }));
  const preferred = seqItems(
    getValue(antiAffinity, 'preferredDuringSchedulingIgnoredDuringExecution'),
  )
    .map((item) => getValue(item, 'podAffinityTerm'))
    .filter((node): node is YamlNode => node !== undefined)
    .map((node) => ({ node, required: false }));
  return [...required, ...preferred].map((term) => ({
    ...term,
    topologyKey: scalarText(getValue(term.node, 'topologyKey')),
  }));
}

/** The topology keys of the template's topologySpreadConstraints. */
export function spreadConstraintKeys(template: PodTemplate): string[] {
  return seqItems(getValue(template.spec, 'topologySpreadConstraints'))
    .map((constraint) => scalarText(getValue(constraint, 'topologyKey')))
    .filter((key): key is string => key !== undefined);
}
