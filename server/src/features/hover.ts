// Hover: on a key, the field's type, whether it is required, its description, allowed values,
// default and the kind's API reference; on `kind`/`apiVersion` values, where the kind is served;
// on a resource name under a map of quantities (`limits.cpu`), what that quantity measures.
import type { DocumentModel, FileModel, PathSegment, Span } from '../model';
import { documentAt, getValue, nodePathAt, scalarText } from '../model';
import type { FieldType, KindInfo, ResolvedNode, Schema } from '../schema';
import {
  describeType,
  quantitySuffixes,
  resolvePath,
  resourceNameMeaning,
  storageClassParameters,
} from '../schema';
import { kindInfoOf } from './document-kind';
import { hoverKustomization, isKustomizationAt } from './kustomization';
import { fieldDocumentation, kindDocumentation, referenceLink, valuesList } from './schema-text';

export interface HoverResult {
  readonly markdown: string;
  /** The key or value the hover is about. */
  readonly span: Span;
}

/**
 * @param kustomizeNote shown on a kustomization's top-level keys: whether its overlays are
 *   rendered with kustomize, and why not when they are not.
 */
export function hover(
  model: FileModel,
  offset: number,
  schema: Schema,
  kustomizeNote?: string,
): HoverResult | undefined {
  const document = documentAt(model, offset);
  if (isKustomizationAt(model, document)) {
    return hoverKustomization(model, offset, kustomizeNote);
  }
  if (document.classification !== 'kubernetes' && document.classification !== 'partial') {
    return undefined;
  }
  const { steps, onKey } = nodePathAt(document.root, offset);
  const kindInfo = kindInfoOf(schema, document);
  if (onKey?.key !== null && onKey !== undefined) {
    const path = [...(steps[steps.length - 1]?.path ?? []), onKey.key];
    const markdown = keyHover(schema, kindInfo, document, path);
    return markdown ? { markdown, span: onKey.keySpan } : undefined;
  }
  const last = steps[steps.length - 1];
  const value = scalarText(last?.node);
  if (!last || value === undefined || last.path.length !== 1) {
    return undefined;
  }
  if (last.path[0] === 'kind') {
    const markdown =
      kindDocumentation(schema, schema.kindsNamed(value)) ||
      unknownCustomKind(value, document.apiVersion);
    return markdown ? { markdown, span: last.node.span } : undefined;
  }
  if (last.path[0] === 'apiVersion') {
    const markdown = apiVersionHover(schema, value, document.kind);
    return markdown ? { markdown, span: last.node.span } : undefined;
  }
  return undefined;
}

function keyHover(
  schema: Schema,
  kindInfo: KindInfo | undefined,
  document: DocumentModel,
  path: readonly PathSegment[],
): string | undefined {
  const resolved = resolvePath(schema, kindInfo, path);
  if (!resolved) {
    return undefined;
  }
  const name = String(path[path.length - 1]);
  if (resolved.via === 'map-value') {
    return mapKeyHover(name, resolved, kindInfo, document);
  }
  const field = resolved.field;
  if (!field) {
    return undefined;
  }
  const heading = `**${field.name}** · \`${describeType(field.type)}\` · ${field.required ? 'required' : 'optional'}`;
  const parts = [heading];
  const body = fieldDocumentation(field);
  if (body !== '') {
    parts.push(body);
  }
  const note = typeNote(field.type);
  if (note) {
    parts.push(note);
  }
  if (kindInfo) {
    parts.push(referenceLink(kindInfo, `${kindInfo.kind} API reference`));
  }
  return parts.join('\n\n');
}

/** What the Kubernetes-specific scalar types accept, which the descriptions rarely say. */
function typeNote(type: FieldType): string | undefined {
  let leaf = type;
  while (leaf.kind === 'array' || leaf.kind === 'map') {
    leaf = leaf.kind === 'array' ? leaf.items : leaf.values;
  }
  if (leaf.kind !== 'primitive') {
    return undefined;
  }
  if (leaf.type === 'quantity') {
    return quantityNote();
  }
  if (leaf.type === 'int-or-string') {
    return 'Accepts an integer (`8080`, `1`) or a string (a port name such as `http`, or a percentage such as `25%`).';
  }
  return undefined;
}

function quantityNote(): string {
  return (
    'A quantity: a number with an optional suffix, binary (' +
    valuesList(quantitySuffixes.binary) +
    ') or decimal (' +
    valuesList(quantitySuffixes.decimal) +
    ', where `m` is a thousandth), e.g. `500m`, `1.5`, `10Gi`, `1e3`.'
  );
}

/** A key of a free-form map: a resource name under quantities, or a StorageClass parameter. */
function mapKeyHover(
  name: string,
  resolved: ResolvedNode,
  kindInfo: KindInfo | undefined,
  document: DocumentModel,
): string | undefined {
  const owner = resolved.field?.name ?? 'map';
  if (resolved.type.kind === 'primitive' && resolved.type.type === 'quantity') {
    const meaning = resourceNameMeaning(name) ?? 'A resource name; its value is a quantity.';
    return [`**${name}** · \`quantity\` in \`${owner}\``, meaning, quantityNote()].join('\n\n');
  }
  if (kindInfo?.kind === 'StorageClass' && owner === 'parameters') {
    const provisioner = scalarText(getValue(document.root, 'provisioner'));
    const parameter = storageClassParameters(provisioner ?? '')[name];
    if (parameter) {
      const parts = [
        `**${name}** · StorageClass parameter of \`${provisioner ?? 'any CSI driver'}\``,
        parameter.description,
      ];
      if (parameter.values) {
        parts.push(`Values: ${valuesList(parameter.values)}.`);
      }
      return parts.join('\n\n');
    }
  }
  return undefined;
}

/** Which kinds an apiVersion serves, and whether it serves the document's kind. */
function apiVersionHover(
  schema: Schema,
  apiVersion: string,
  kind: string | undefined,
): string | undefined {
  const served = schema.kinds.filter((info) => info.apiVersion === apiVersion);
  const first = served[0];
  if (!first) {
    return undefined;
  }
  const parts = [`**${apiVersion}** · ${first.stability}`];
  if (kind) {
    const forKind = schema.kindsNamed(kind);
    if (served.some((info) => info.kind === kind)) {
      parts.push(kindDocumentation(schema, forKind));
    } else if (forKind.length > 0) {
      parts.push(
        `Does not serve \`${kind}\`; use ${valuesList(forKind.map((info) => info.apiVersion))}.`,
      );
    }
  }
  parts.push(`Serves ${valuesList(served.map((info) => info.kind).sort())}.`);
  return parts.join('\n\n');
}

/**
 * A kind of a group Kubernetes does not serve: a custom resource whose CRD is unknown. Checks
 * stay silent on it; the hover says why and how to add the CRD.
 */
function unknownCustomKind(kind: string, apiVersion: string | undefined): string | undefined {
  const group = apiVersion?.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  if (!group.includes('.') || group.endsWith('.k8s.io')) {
    return undefined;
  }
  return [
    `**${kind}** · custom resource of \`${apiVersion ?? ''}\``,
    'No CustomResourceDefinition for this kind was found, so it gets no completion, hover or validation beyond `metadata`.',
    'Open a folder that contains the CRD, or add its file, folder or glob to the `kubeStateful.crds` setting (`--crds` on the command line).',
  ].join('\n\n');
}
