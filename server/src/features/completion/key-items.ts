// Key proposals: the fields of the object at the cursor that are not written yet, required ones
// first, each inserted with the indentation and punctuation its type needs.
import type { FieldSchema, FieldType } from '../../schema';
import { describeType } from '../../schema';
import { fieldDocumentation } from '../schema-text';
import type { KeyContext } from './context';
import type { CompletionProposal } from './types';

/** Root keys every manifest starts with, in the order people write them. */
const rootOrder = ['apiVersion', 'kind', 'metadata', 'spec'];

export interface KeyOptions {
  /** True at the document root, where apiVersion, kind, metadata and spec come first. */
  readonly root: boolean;
  /** Written before the key: `- ` when the key starts a new item of a sequence of objects. */
  readonly itemMarker?: string;
}

export function keyProposals(
  context: KeyContext,
  fields: Iterable<FieldSchema>,
  options: KeyOptions,
): CompletionProposal[] {
  const proposals: CompletionProposal[] = [];
  for (const field of fields) {
    if (field.readOnly || context.existingKeys.has(field.name)) {
      continue;
    }
    const marker = options.itemMarker ?? '';
    const documentation = fieldDocumentation(field);
    proposals.push({
      label: field.name,
      kind: 'property',
      detail: field.required ? `${describeType(field.type)} · required` : describeType(field.type),
      ...(documentation === '' ? {} : { documentation }),
      ...insertion(context, field, marker),
      sortText: sortKey(field, options.root),
      filterText: field.name,
      replace: context.replace,
    });
  }
  return proposals;
}

function sortKey(field: FieldSchema, root: boolean): string {
  const position = root ? rootOrder.indexOf(field.name) : -1;
  if (position >= 0) {
    return `0${position}_${field.name}`;
  }
  return `${field.required ? '1' : '2'}_${field.name}`;
}

/** What goes in for a key: `name: ` for scalars, a new indented block for objects and lists. */
function insertion(
  context: KeyContext,
  field: FieldSchema,
  marker: string,
): Pick<CompletionProposal, 'insertText' | 'snippet' | 'retrigger'> {
  const { name, type } = field;
  if (context.hasColon) {
    return { insertText: marker + name };
  }
  const valuesFollow = hasValueProposals(field);
  if (context.flow) {
    if (type.kind === 'object' || type.kind === 'map') {
      return { insertText: `${name}: {$1}`, snippet: true };
    }
    if (type.kind === 'array') {
      return { insertText: `${name}: [$1]`, snippet: true };
    }
    return { insertText: `${name}: `, retrigger: valuesFollow };
  }
  // Children sit one unit deeper than the key; a `- ` marker written now shifts the key itself.
  const childIndent = ' '.repeat(context.column + marker.length + context.indentUnit);
  if (type.kind === 'object' || type.kind === 'map') {
    return { insertText: `${marker}${name}:\n${childIndent}`, retrigger: true };
  }
  if (type.kind === 'array') {
    return {
      insertText: `${marker}${name}:\n${childIndent}- `,
      retrigger: isObjectList(type) || valuesFollow,
    };
  }
  return { insertText: `${marker}${name}: `, retrigger: valuesFollow };
}

function isObjectList(type: FieldType): boolean {
  return type.kind === 'array' && type.items.kind === 'object';
}

/** Fields whose values we can list, so completion opens again right after the key. */
export function hasValueProposals(field: FieldSchema): boolean {
  let type = field.type;
  while (type.kind === 'array') {
    type = type.items;
  }
  return (
    (field.enum?.length ?? 0) > 0 ||
    (field.suggestions?.length ?? 0) > 0 ||
    (type.kind === 'primitive' && type.type === 'boolean')
  );
}
