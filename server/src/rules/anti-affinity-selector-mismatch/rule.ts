// anti-affinity-selector-mismatch: a podAntiAffinity term whose labelSelector selects neither
// the pod's own labels nor another known workload's pods (or looks in other namespaces only)
// keeps replicas apart from nothing: a silent no-op.
import { getIn, getPair, scalarText, seqItems } from '../../model';
import type { Rule, RuleFinding } from '../types';
import {
  formatLabels,
  readLabelSelector,
  readLabels,
  selectorMatches,
} from '../support/label-selector';
import { antiAffinityTerms } from '../support/spreading';
import { podTemplateOf } from '../support/workload';

export const antiAffinitySelectorMismatch: Rule = {
  id: 'anti-affinity-selector-mismatch',
  defaultSeverity: 'warning',
  description:
    "A podAntiAffinity term whose labelSelector does not match the pod's own labels, so it spreads nothing.",
  check({ document, namespace, index }) {
    const template = podTemplateOf(document);
    if (!template) {
      return [];
    }
    const labels = readLabels(template.labelsPair?.value);
    const terms = antiAffinityTerms(template);
    // A term aimed at other workloads (keep away from the database, say) is deliberate when
    // another term or a topology spread constraint already spreads the pod's own replicas.
    const spreadsOwnReplicas =
      terms.some((term) => {
        const selector = readLabelSelector(getPair(term.node, 'labelSelector')?.value);
        return selector !== undefined && selectorMatches(selector, labels);
      }) ||
      seqItems(getIn(template.spec, ['topologySpreadConstraints'])).some((constraint) => {
        const selector = readLabelSelector(getPair(constraint, 'labelSelector')?.value);
        return selector !== undefined && selectorMatches(selector, labels);
      });
    const findings: RuleFinding[] = [];
    for (const term of terms) {
      const selectorPair = getPair(term.node, 'labelSelector');
      const selector = readLabelSelector(selectorPair?.value);
      const anchor =
        selectorPair?.keySpan ?? getPair(term.node, 'topologyKey')?.keySpan ?? term.node.span;
      if (!selector) {
        findings.push({
          span: anchor,
          message:
            "This podAntiAffinity term has no labelSelector, so it matches no pods and has no effect; select the pod's own labels (e.g. matchLabels from spec.template.metadata.labels).",
        });
        continue;
      }
      // matchLabelKeys only adds the pod's own values, which never change the outcome here.
      if (!selectorMatches(selector, labels)) {
        // A term that selects another workload's pods keeps this one away from them on purpose
        // (a broker away from ZooKeeper); only a term that selects nothing we know is a mistake.
        const selectsOtherPods = index
          .workloads(namespace)
          .some((workload) => selectorMatches(selector, workload.podLabels));
        if (spreadsOwnReplicas || selectsOtherPods) {
          continue;
        }
        findings.push({
          span: anchor,
          message: `This podAntiAffinity term's labelSelector matches neither the pod's own labels (${formatLabels(labels)}) nor any other pod template in the workspace, so it keeps nothing apart; make the selector match the pod template labels.`,
        });
        continue;
      }
      const namespaces = seqItems(getIn(term.node, ['namespaces']))
        .map((item) => scalarText(item))
        .filter((item): item is string => item !== undefined);
      if (
        namespaces.length > 0 &&
        !namespaces.includes(namespace) &&
        !getPair(term.node, 'namespaceSelector')
      ) {
        findings.push({
          span: getPair(term.node, 'namespaces')!.keySpan,
          message: `This podAntiAffinity term only looks at namespaces ${namespaces.join(', ')}, not the pod's own namespace "${namespace}", so replicas are not kept apart; add "${namespace}" or remove the list.`,
        });
      }
    }
    return findings;
  },
};
