// What the workload-wiring quick fixes share (each rule's own fix is its folder's fix.ts):
// labels that satisfy a selector, and the ports of a governing Service.
import { asMap, getPair, getValue, scalarNumber, scalarText, seqItems } from '../../model';
import type { MapNode } from '../../model';
import { readLabelSelector, selectorMatches } from '../support/label-selector';
import type { Labels, LabelSelector } from '../support/label-selector';
import { containersOf } from '../support/workload';
import type { PodTemplate } from '../support/workload';
import type { FileEdit } from './edits';
import { insertPairs, removePair, replacePairValue, replaceScalar, setIn } from './edits';
import type { FixContext } from './types';
import type { PlainMap } from './yaml-text';

/** Labels that would satisfy the selector's requirements, or undefined when none can. */
export function labelsSatisfying(selector: LabelSelector, labels: Labels): Labels | undefined {
  const wanted: Record<string, string> = { ...selector.matchLabels };
  for (const requirement of selector.matchExpressions) {
    const current = labels[requirement.key];
    if (requirement.operator === 'In' && !requirement.values.includes(current ?? '')) {
      wanted[requirement.key] = requirement.values[0]!;
    }
  }
  const merged = { ...labels, ...wanted };
  return selectorMatches(selector, merged) ? wanted : undefined;
}

/** Edits that give the template these labels, keeping the others. */
export function setTemplateLabels(
  context: FixContext,
  template: PodTemplate,
  wanted: Labels,
): (FileEdit | undefined)[] {
  const labelsMap = asMap(template.labelsPair?.value);
  const templateMap = asMap(template.node);
  if (!labelsMap) {
    return templateMap
      ? [setIn(context, templateMap, ['metadata', 'labels'], wanted)]
      : [undefined];
  }
  const edits: (FileEdit | undefined)[] = [];
  const missing: Record<string, string> = {};
  for (const [key, value] of Object.entries(wanted)) {
    const pair = getPair(labelsMap, key);
    if (!pair?.value) {
      missing[key] = value;
    } else if (scalarText(pair.value) !== value) {
      edits.push(replaceScalar(context.model, pair.value, value));
    }
  }
  if (Object.keys(missing).length > 0) {
    edits.push(insertPairs(context, labelsMap, missing));
  }
  return edits;
}

/** Edits that make `spec.selector` select exactly the template's labels. */
export function matchSelectorToLabels(
  context: FixContext,
  selectorNode: MapNode,
  labels: Labels,
): (FileEdit | undefined)[] {
  const matchLabelsPair = getPair(selectorNode, 'matchLabels');
  const matchLabels = asMap(matchLabelsPair?.value);
  const selector = readLabelSelector(selectorNode);
  const keep = Object.keys(selector?.matchLabels ?? {}).filter((key) => key in labels);
  if (matchLabels && selector?.matchExpressions.length === 0 && keep.length > 0) {
    // Keep the selector's own keys where the template has them, so its intent survives.
    const edits: (FileEdit | undefined)[] = [];
    for (const pair of matchLabels.pairs) {
      const value = pair.key !== null ? labels[pair.key] : undefined;
      if (value === undefined) {
        edits.push(removePair(context, matchLabels, pair));
      } else if (pair.value && scalarText(pair.value) !== value) {
        edits.push(replaceScalar(context.model, pair.value, value));
      }
    }
    return edits;
  }
  const selectorPair = getPair(getValue(context.document.root, 'spec'), 'selector');
  return selectorPair
    ? [replacePairValue(context, selectorPair, { matchLabels: labels })]
    : [undefined];
}

/** The Service ports for the pod's container ports (names are required once there are two). */
export function servicePorts(template: PodTemplate): PlainMap[] {
  const ports: PlainMap[] = [];
  const seen = new Set<string>();
  for (const container of containersOf(template, ['containers'])) {
    for (const port of seqItems(getValue(container.node, 'ports'))) {
      const number = scalarNumber(getValue(port, 'containerPort'));
      const protocol = scalarText(getValue(port, 'protocol')) ?? 'TCP';
      if (number === undefined || seen.has(`${number}/${protocol}`)) {
        continue;
      }
      seen.add(`${number}/${protocol}`);
      const name = scalarText(getValue(port, 'name')) ?? `port-${number}`;
      ports.push({
        name,
        port: number,
        ...(scalarText(getValue(port, 'name')) ? { targetPort: name } : {}),
        ...(protocol !== 'TCP' ? { protocol } : {}),
      });
    }
  }
  return ports;
}
