// Quick fixes of the workload-wiring rules: make a controller's selector and pod template agree,
// create the missing governing Service of a StatefulSet, make that Service headless.
import { asMap, getIn, getPair, getValue, scalarNumber, scalarText, seqItems } from '../../model';
import type { MapNode } from '../../model';
import { explicitNamespaceOf } from '../../rules/support/object-facts';
import { governingService } from '../../rules/support/governing-service';
import { readLabelSelector, readLabels, selectorMatches } from '../../rules/support/label-selector';
import type { Labels, LabelSelector } from '../../rules/support/label-selector';
import { currentWorkload } from '../../rules/support/locate';
import { containersOf, podTemplateOf } from '../../rules/support/workload';
import type { PodTemplate } from '../../rules/support/workload';
import type { FileEdit } from './edits';
import {
  insertDocumentAfter,
  insertPairs,
  removePair,
  replacePairValue,
  replaceScalar,
  setIn,
} from './edits';
import type { Fixer, FixContext, QuickFix } from './types';
import { quickFix } from './types';
import { explicitNamespace, podSelectorLabels } from './workload-labels';
import type { PlainMap } from './yaml-text';
import { detectLayout } from './yaml-text';

/** Labels that would satisfy the selector's requirements, or undefined when none can. */
function labelsSatisfying(selector: LabelSelector, labels: Labels): Labels | undefined {
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
function setTemplateLabels(
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
function matchSelectorToLabels(
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

const fixSelectorMismatch: Fixer = (finding, context) => {
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

/** The Service ports for the pod's container ports (names are required once there are two). */
function servicePorts(template: PodTemplate): PlainMap[] {
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

const createGoverningService: Fixer = (finding, context) => {
  const governing = governingService(context);
  const template = podTemplateOf(context.document);
  const statefulSet = currentWorkload(context);
  if (!governing || !template || !statefulSet) {
    return [];
  }
  const labels = podSelectorLabels(statefulSet);
  if (Object.keys(labels).length === 0) {
    return [];
  }
  const ports = servicePorts(template);
  const service: PlainMap = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: governing.serviceName,
      ...explicitNamespace(explicitNamespaceOf(context.document)),
      labels,
    },
    spec: { clusterIP: 'None', selector: labels, ...(ports.length > 0 ? { ports } : {}) },
  };
  return quickFix(
    finding,
    `Create headless Service "${governing.serviceName}" for this StatefulSet`,
    [insertDocumentAfter(context, context.document, service)],
    true,
  );
};

const makeServiceHeadless: Fixer = (finding, context) => {
  const service = governingService(context)?.service;
  const model =
    service && (service.uri === context.model.uri ? context.model : context.modelOf(service.uri));
  const root = asMap(model?.documents[service?.documentIndex ?? -1]?.root);
  if (!service || !model || !root || !['ClusterIP', ''].includes(service.type)) {
    return [];
  }
  const target = { model, layout: model === context.model ? context.layout : detectLayout(model) };
  const clusterIP = getPair(getValue(root, 'spec'), 'clusterIP');
  const edit = clusterIP?.value
    ? replaceScalar(model, clusterIP.value, 'None')
    : setIn(target, root, ['spec', 'clusterIP'], 'None');
  return quickFix(
    finding,
    `Set clusterIP: None on Service "${service.name}" (a live Service must be deleted and recreated)`,
    [edit],
    true,
  );
};

export const wiringFixers: Readonly<Record<string, Fixer>> = {
  'selector-mismatch': fixSelectorMismatch,
  'sts-service-not-found': createGoverningService,
  'sts-service-not-headless': makeServiceHeadless,
};
