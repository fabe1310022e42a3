// Completion, hover and go-to-definition inside a kustomization: its fields come from the
// reviewed table in kustomize/fields.ts, paths lead to the file (or the base's kustomization).
import type { DocumentModel, FileModel, LineRange, Span } from '../model';
import { documentAt, nodePathAt } from '../model';
import type { KustomizeField } from '../kustomize/fields';
import { kustomizeFields, kustomizeFieldsAt } from '../kustomize/fields';
import {
  isKustomizationDocument,
  isKustomizationFileName,
  readKustomization,
  resolveKustomizePath,
} from '../kustomize/kustomization';
import type { PathKind } from '../rules/index-view';
import type { FieldSchema, FieldType } from '../schema';
import { analyzeContext } from './completion/context';
import { keyProposals } from './completion/key-items';
import type { CompletionProposal } from './completion/types';
import type { HoverResult } from './hover';

/** True when the document under the offset is a kustomization (by file name or kind). */
export function isKustomizationAt(model: FileModel, document: DocumentModel): boolean {
  return isKustomizationFileName(model.uri) || isKustomizationDocument(document);
}

const stringType: FieldType = { kind: 'primitive', type: 'string' };

/** The table entry as a schema field, so the schema's key proposals can insert it. */
function asFieldSchema(field: KustomizeField): FieldSchema {
  const type: FieldType =
    field.shape === 'scalar'
      ? stringType
      : field.shape === 'list'
        ? { kind: 'array', items: stringType }
        : field.shape === 'entries'
          ? { kind: 'array', items: { kind: 'object', ref: `kustomize.${field.name}` } }
          : field.shape === 'map'
            ? { kind: 'map', values: stringType }
            : { kind: 'object', ref: `kustomize.${field.name}` };
  return {
    name: field.name,
    type,
    description: describeField(field),
    required: false,
    readOnly: false,
    ...(field.name === 'behavior' ? { enum: ['create', 'merge', 'replace'] } : {}),
  };
}

function describeField(field: KustomizeField): string {
  return field.deprecated
    ? `${field.description}\n\nDeprecated: ${field.deprecated}.`
    : field.description;
}

/** Key completion inside a kustomization (values: `kind`, `apiVersion`, `behavior`). */
export function completeKustomization(model: FileModel, offset: number): CompletionProposal[] {
  const document = documentAt(model, offset);
  const context = analyzeContext(model, document, offset);
  if (!context) {
    return [];
  }
  if (context.target === 'key') {
    const fields = kustomizeFieldsAt(context.path);
    return fields
      ? keyProposals(context, fields.filter((field) => !field.deprecated).map(asFieldSchema), {
          root: context.path.length === 0,
        })
      : [];
  }
  const last = context.path[context.path.length - 1];
  const values =
    context.path.length === 1 && last === 'kind'
      ? ['Kustomization', 'Component']
      : context.path.length === 1 && last === 'apiVersion'
        ? ['kustomize.config.k8s.io/v1beta1', 'kustomize.config.k8s.io/v1alpha1']
        : last === 'behavior'
          ? ['create', 'merge', 'replace']
          : [];
  return values.map((value, position) => ({
    label: value,
    kind: 'value',
    insertText: context.needsSpace ? ` ${value}` : value,
    sortText: String(position).padStart(2, '0'),
    filterText: value,
    replace: context.replace,
  }));
}

/**
 * Hover on a kustomization key: the field's description from the table. `renderNote` says
 * whether this extension builds the overlay with kustomize (and why not, when it does not).
 */
export function hoverKustomization(
  model: FileModel,
  offset: number,
  renderNote?: string,
): HoverResult | undefined {
  const document = documentAt(model, offset);
  const { steps, onKey } = nodePathAt(document.root, offset);
  if (!onKey || onKey.key === null) {
    return undefined;
  }
  const path = steps[steps.length - 1]?.path ?? [];
  const field = kustomizeFieldsAt(path)?.find((candidate) => candidate.name === onKey.key);
  if (!field) {
    return undefined;
  }
  const parts = [`**${field.name}** (kustomize)`, describeField(field)];
  if (path.length === 0 && renderNote) {
    parts.push(renderNote);
  }
  return { markdown: parts.join('\n\n'), span: onKey.keySpan };
}

/** Every top-level field name, for tests and documentation. */
export function kustomizationFieldNames(): string[] {
  return kustomizeFields.map((field) => field.name);
}

export interface PathTarget {
  readonly origin: Span;
  readonly uri: string;
  readonly range: LineRange;
}

const start: LineRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const kustomizationNames = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/**
 * Go to definition from a path written in a kustomization: the file, or the kustomization of a
 * directory. Undefined off a path, for remote paths and for paths that do not exist.
 */
export function kustomizationPathTarget(
  model: FileModel,
  offset: number,
  pathKind: (uri: string) => PathKind,
): PathTarget | undefined {
  const kustomization = readKustomization(model);
  const entry = kustomization?.paths.find(
    (candidate) => candidate.span[0] <= offset && offset <= candidate.span[1],
  );
  if (!entry) {
    return undefined;
  }
  const uri = resolveKustomizePath(model.uri, entry.path);
  if (uri === undefined) {
    return undefined;
  }
  const kind = pathKind(uri);
  if (kind === 'file') {
    return { origin: entry.span, uri, range: start };
  }
  if (kind === 'folder') {
    const inside = kustomizationNames
      .map((name) => `${uri}/${name}`)
      .find((candidate) => pathKind(candidate) === 'file');
    return inside ? { origin: entry.span, uri: inside, range: start } : undefined;
  }
  return undefined;
}
