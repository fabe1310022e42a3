// The quick fix of anti-affinity-selector-mismatch, moved out of the availability fixers; pure: plain edits, no LSP.
import { asMap, getPair } from '../../model';
import { currentWorkload } from '../support/locate';
import { antiAffinityTerms } from '../support/spreading';
import { podTemplateOf } from '../support/workload';
import { insertPairs, removePair, replacePairValue } from '../quick-fix/edits';
import type { Fixer } from '../quick-fix/types';
import { quickFix } from '../quick-fix/types';
import { podSelectorLabels } from '../quick-fix/workload-labels';

export const fix: Fixer = (finding, context) => {
  const template = podTemplateOf(context.document);
  const term = template
    ? antiAffinityTerms(template).find(
        (candidate) =>
          candidate.node.span[0] <= finding.span[0] && finding.span[1] <= candidate.node.span[1],
      )
    : undefined;
  const termMap = asMap(term?.node);
  const workload = currentWorkload(context);
  if (!termMap || !workload) {
    return [];
  }
  const namespaces = getPair(termMap, 'namespaces');
  if (namespaces && namespaces.keySpan[0] === finding.span[0]) {
    return quickFix(
      finding,
      `Remove the namespaces list (look in the pod's own namespace)`,
      [removePair(context, termMap, namespaces)],
      true,
    );
  }
  const labels = podSelectorLabels(workload);
  if (Object.keys(labels).length === 0) {
    return [];
  }
  const selectorPair = getPair(termMap, 'labelSelector');
  const selector = { matchLabels: labels };
  const edit = selectorPair
    ? replacePairValue(context, selectorPair, selector)
    : insertPairs(context, termMap, { labelSelector: selector });
  return quickFix(finding, "Make the labelSelector select the pod's own labels", [edit], true);
};
