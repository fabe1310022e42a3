// The quick fix of selector-mismatch, moved out of the wiring fixers; pure: plain edits, no LSP.
import { asMap, getIn } from '../../model';
import { readLabelSelector, readLabels } from '../support/label-selector';
import { podTemplateOf } from '../support/workload';
import type { Fixer, QuickFix } from '../quick-fix/types';
import { quickFix } from '../quick-fix/types';
import { labelsSatisfying, setTemplateLabels, matchSelectorToLabels } from '../quick-fix/wiring';

export const fix: Fixer = (finding, context) => {
  const template = podTemplateOf(context.document);
  const selectorNode = asMap(getIn(context.document.root, ['spec', 'selector']));
  const selector = readLabelSelector(selectorNode);
  if (!template || !selectorNode || !selector) {
    return [];
  }
  const labels = readLabels(template.labelsPair?.value);
  const fixes: QuickFix[] = [];
  const wanted = labelsSatisfying(selector, labels);
  if (wanted && Object.keys(wanted).length > 0) {
    fixes.push(
      ...quickFix(
        finding,
        "Add the selector's labels to the pod template",
        setTemplateLabels(context, template, wanted),
        true,
      ),
    );
  }
  if (Object.keys(labels).length > 0) {
    fixes.push(
      ...quickFix(
        finding,
        "Change spec.selector to select the pod template's labels",
        matchSelectorToLabels(context, selectorNode, labels),
      ),
    );
  }
  return fixes;
};
