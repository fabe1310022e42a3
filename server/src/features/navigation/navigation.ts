// Go to definition and find references over the workspace index: names (serviceName, claimName,
// storageClassName, ConfigMaps, Secrets) to the objects they name and back, volume mounts to
// their volumes, and selectors to the workloads they select and back. Pure: plain locations.
import { documentAt, getIn, spanToRange } from '../../model';
import type { DocumentModel, FileModel, LineRange, Span } from '../../model';
import type { IndexedObject, IndexView, WorkloadFacts } from '../../rules/index-view';
import {
  labelsMatch,
  readLabelSelector,
  readLabels,
  selectorMatches,
} from '../../rules/support/label-selector';
import type { ReferencedKind } from '../../rules/support/name-references';
import { explicitNamespaceOf, isClusterScoped } from '../../rules/support/object-facts';
import { strimziKindOf } from '../../rules/support/strimzi';
import { podTemplateOf } from '../../rules/support/workload';
import type { Site } from './sites';
import { volumeNamesOf } from '../../rules/support/workload';
import { mountNames, siteAt } from './sites';

export interface NavigationContext {
  readonly model: FileModel;
  readonly index: IndexView;
  /** The namespace of documents in this file without `metadata.namespace`. */
  readonly defaultNamespace: string;
}

/** A place to jump to, with what is there (for hovers and labels). */
export interface NavigationTarget {
  readonly uri: string;
  readonly range: LineRange;
  readonly kind: string;
  readonly name: string;
  /** Empty for cluster-scoped objects and for places inside the current object. */
  readonly namespace: string;
}

export interface NavigationResult {
  /** The span of the name or key the cursor is on. */
  readonly origin: Span;
  readonly site: Site;
  readonly targets: readonly NavigationTarget[];
}

function namespaceOf(document: DocumentModel, context: NavigationContext): string {
  return isClusterScoped(document.kind ?? '')
    ? ''
    : (explicitNamespaceOf(document) ?? context.defaultNamespace);
}

function targetOf(object: IndexedObject, range: LineRange = object.nameRange): NavigationTarget {
  return {
    uri: object.uri,
    range,
    kind: object.kind,
    name: object.name,
    namespace: object.namespace,
  };
}

/** Objects of `kind` named `name` that a document in `namespace` can refer to. */
function namedObjects(
  context: NavigationContext,
  kind: ReferencedKind,
  name: string,
  namespace: string,
): IndexedObject[] {
  const scope = kind === 'StorageClass' ? undefined : namespace;
  return context.index
    .objectsOfKind(kind, scope)
    .filter(
      (object) => object.name === name && (kind !== 'Kafka' || strimziKindOf(object) === 'Kafka'),
    );
}

/** Every place in the workspace that names the object `kind`/`name` in `namespace`. */
function nameReferences(
  context: NavigationContext,
  kind: ReferencedKind,
  name: string,
  namespace: string,
): NavigationTarget[] {
  return context.index
    .allObjects()
    .flatMap((object) =>
      (object.references ?? [])
        .filter(
          (reference) =>
            reference.kind === kind &&
            reference.name === name &&
            (kind === 'StorageClass' || object.namespace === namespace),
        )
        .map((reference) => ({ ...targetOf(object, reference.range), kind, name })),
    );
}

/** The workloads a Service's or PDB's selector selects. */
function selectedWorkloads(document: DocumentModel, context: NavigationContext): WorkloadFacts[] {
  const node = getIn(document.root, ['spec', 'selector']);
  const workloads = context.index.workloads(namespaceOf(document, context));
  if (document.kind === 'Service') {
    const labels = readLabels(node);
    return Object.keys(labels).length === 0
      ? []
      : workloads.filter((workload) => labelsMatch(labels, workload.podLabels));
  }
  const selector = readLabelSelector(node);
  return selector
    ? workloads.filter((workload) => selectorMatches(selector, workload.podLabels))
    : [];
}

/** The Services and PodDisruptionBudgets that select the document's pods. */
function selectingObjects(document: DocumentModel, context: NavigationContext): NavigationTarget[] {
  const template = podTemplateOf(document);
  const labels = readLabels(template?.labelsPair?.value);
  if (Object.keys(labels).length === 0) {
    return [];
  }
  const namespace = namespaceOf(document, context);
  const services = context.index
    .services(namespace)
    .filter(
      (service) =>
        service.selector &&
        Object.keys(service.selector).length > 0 &&
        labelsMatch(service.selector, labels),
    )
    .map((service) => targetOf(service, service.selectorRange ?? service.nameRange));
  const budgets = context.index
    .podDisruptionBudgets(namespace)
    .filter((pdb) => pdb.selector && selectorMatches(pdb.selector, labels))
    .map((pdb) => targetOf(pdb));
  return [...services, ...budgets];
}

/** A place in the current document (a volume, a mount). */
function localTarget(
  context: NavigationContext,
  span: Span,
  kind: string,
  name: string,
): NavigationTarget {
  return {
    uri: context.model.uri,
    range: spanToRange(context.model, span),
    kind,
    name,
    namespace: '',
  };
}

function volumeTargets(
  document: DocumentModel,
  context: NavigationContext,
  name: string,
): NavigationTarget[] {
  const template = podTemplateOf(document);
  return template
    ? volumeNamesOf(document, template)
        .filter((volume) => volume.node.value === name)
        .map((volume) => localTarget(context, volume.node.span, volume.source, name))
    : [];
}

function mountTargets(
  document: DocumentModel,
  context: NavigationContext,
  name: string,
): NavigationTarget[] {
  const template = podTemplateOf(document);
  return template
    ? mountNames(template)
        .filter((node) => node.value === name)
        .map((node) => localTarget(context, node.span, 'volumeMount', name))
    : [];
}

function located(
  context: NavigationContext,
  offset: number,
): { document: DocumentModel; site: Site } | undefined {
  const document = documentAt(context.model, offset);
  const site = siteAt(document, offset);
  return site && { document, site };
}

/** Go to definition: the objects or volumes the name under the cursor points at. */
export function definitionAt(
  context: NavigationContext,
  offset: number,
): NavigationResult | undefined {
  const found = located(context, offset);
  if (!found) {
    return undefined;
  }
  const { document, site } = found;
  let targets: NavigationTarget[];
  switch (site.type) {
    case 'reference':
      targets = namedObjects(context, site.kind, site.name, namespaceOf(document, context)).map(
        (object) => targetOf(object),
      );
      break;
    case 'mount':
      targets = volumeTargets(document, context, site.name);
      break;
    case 'selector':
      targets = selectedWorkloads(document, context).map((workload) => targetOf(workload));
      break;
    default:
      return undefined;
  }
  return { origin: site.span, site, targets };
}

/** Find references: every place that refers to what the cursor is on. */
export function referencesAt(
  context: NavigationContext,
  offset: number,
  includeDeclaration: boolean,
): NavigationTarget[] {
  const found = located(context, offset);
  if (!found) {
    return [];
  }
  const { document, site } = found;
  const namespace = namespaceOf(document, context);
  switch (site.type) {
    case 'reference':
    case 'declaration': {
      const declarations = includeDeclaration
        ? namedObjects(context, site.kind, site.name, namespace).map((object) => targetOf(object))
        : [];
      return [...declarations, ...nameReferences(context, site.kind, site.name, namespace)];
    }
    case 'mount':
    case 'volume':
      return [
        ...(includeDeclaration ? volumeTargets(document, context, site.name) : []),
        ...mountTargets(document, context, site.name),
      ];
    case 'selector':
      return selectedWorkloads(document, context).map((workload) => targetOf(workload));
    case 'workload':
      return selectingObjects(document, context);
  }
}
