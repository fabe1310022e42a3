// The facts of one document, read once and shared by the index's extraction and the rules that
// ask about the document being checked (`currentObject`, `currentWorkload`): on opening a file
// of thousands of documents both used to read every document, the rules a second time.
import { lineOfOffset } from '../../model';
import type { DocumentModel, FileModel } from '../../model';
import { isClusterScoped, readDocumentFacts } from './object-facts';
import type { TypedFacts } from './object-facts';

interface Reading {
  readonly uri: string;
  readonly startLine: number;
  readonly namespace: string;
  readonly typed: TypedFacts | undefined;
}

/**
 * Models are immutable and the parser reuses the documents an edit did not touch, so a reading
 * stays true for the document object while it is in the same file at the same line (the facts
 * carry line ranges).
 */
const readings = new WeakMap<DocumentModel, Reading>();

/**
 * `readDocumentFacts`, remembered per document. Asked with another namespace than the reading
 * was made with (the index reads a document without `metadata.namespace` under `''`, the rules
 * under the namespace it resolves to), the facts are the reading's with that namespace: the
 * namespace appears nowhere else in them.
 */
export function documentFacts(
  model: FileModel,
  document: DocumentModel,
  namespace: string,
): TypedFacts | undefined {
  const startLine = lineOfOffset(model.lineStarts, document.span[0]);
  const reading = readings.get(document);
  if (reading?.uri !== model.uri || reading.startLine !== startLine) {
    const typed = readDocumentFacts(model, document, namespace);
    readings.set(document, { uri: model.uri, startLine, namespace, typed });
    return typed;
  }
  const typed = reading.typed;
  if (!typed || reading.namespace === namespace || isClusterScoped(typed.facts.kind)) {
    return typed;
  }
  return { ...typed, facts: { ...typed.facts, namespace } } as TypedFacts;
}
