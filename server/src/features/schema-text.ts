// How schema facts read to a person: the markdown that completion and hover show for a field
// or a kind (type names themselves come from the schema's describeType).
import type { FieldSchema, KindInfo, Schema } from '../schema';

/** The allowed values of a field, also when they apply to the items of an array field. */
export function valuesList(values: readonly string[]): string {
  return values.map((value) => `\`${value}\``).join(', ');
}

/**
 * Markdown for a field: its description, then allowed values and the default. Completion shows
 * it as documentation; hover adds a heading and a link.
 */
export function fieldDocumentation(field: FieldSchema): string {
  const parts: string[] = [];
  if (field.description.trim() !== '') {
    parts.push(field.description.trim());
  }
  if (field.enum && field.enum.length > 0) {
    parts.push(`Allowed values: ${valuesList(field.enum)}.`);
  }
  if (field.default !== undefined) {
    parts.push(`Default: \`${field.default}\`.`);
  }
  return parts.join('\n\n');
}

/** The kind's description and where it is served, with a link to its API reference page. */
export function kindDocumentation(schema: Schema, served: readonly KindInfo[]): string {
  const first = served[0];
  if (!first) {
    return '';
  }
  const description = schema.object(first.type)?.description.trim() ?? '';
  const versions = served.map((info) => `\`${info.apiVersion}\` (${info.stability})`).join(', ');
  const parts = [`**${first.kind}** — served by ${versions}.`];
  if (description !== '') {
    parts.push(description);
  }
  parts.push(referenceLink(first, 'API reference'));
  return parts.join('\n\n');
}

/** The link under a kind's hover: the API reference, or the CRD that declares a custom kind. */
export function referenceLink(info: KindInfo, label: string): string {
  return info.custom
    ? `Declared by a [CustomResourceDefinition](${info.docsUrl}).`
    : `[${label}](${info.docsUrl})`;
}
