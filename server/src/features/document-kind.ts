// The schema kind of a document for completion and hover, which (unlike validation) also help a
// document whose apiVersion is missing or wrong: the kind name alone picks its preferred version.
import type { DocumentModel } from '../model';
import type { KindInfo, Schema } from '../schema';

export function kindInfoOf(schema: Schema, document: DocumentModel): KindInfo | undefined {
  if (!document.kind) {
    return undefined;
  }
  const exact = document.apiVersion
    ? schema.lookupKind(document.apiVersion, document.kind)
    : undefined;
  return exact ?? schema.kindsNamed(document.kind)[0];
}
