// Which documents get completion from us: Kubernetes objects and objects being started, never
// other YAML (compose files, workflows, playbooks, OpenAPI) and never Helm templates.
import type { DocumentModel, FileModel } from '../../model';
import { lineOfOffset } from '../../model';
import { isDocumentMarker, linesOf } from './lines';

/**
 * - `kubernetes`: a manifest, complete or partial (only `apiVersion` or only `kind`);
 * - `new`: an empty document where a manifest is being started: offer `apiVersion` and `kind`;
 * - `none`: not ours.
 */
export type Route = 'kubernetes' | 'new' | 'none';

export function routeOf(model: FileModel, document: DocumentModel, offset: number): Route {
  switch (document.classification) {
    case 'kubernetes':
    case 'partial':
      return 'kubernetes';
    case 'helm':
      return 'none';
    case 'empty':
      return startsManifest(model, document) ? 'new' : 'none';
    case 'other':
      // The first word typed into an empty document (`ap`) parses as a scalar or a one-key
      // mapping: it is still an empty document being started.
      if (onlyCursorLine(model, document, offset)) {
        return startsManifest(model, document) ? 'new' : 'none';
      }
      // A broken document among manifests is a manifest being typed (the rule engine agrees).
      return model.hasKubernetes && document.errors.length > 0 ? 'kubernetes' : 'none';
  }
}

/** A new document is a manifest when the file has manifests, or nothing else yet. */
function startsManifest(model: FileModel, current: DocumentModel): boolean {
  return (
    model.hasKubernetes ||
    model.documents.every((document) => document === current || document.classification === 'empty')
  );
}

/** True when every line of the document but the cursor's is blank, a comment or a marker. */
function onlyCursorLine(model: FileModel, document: DocumentModel, offset: number): boolean {
  const lines = linesOf(model);
  const cursorLine = lineOfOffset(model.lineStarts, offset);
  const first = lineOfOffset(model.lineStarts, document.span[0]);
  const last = lineOfOffset(model.lineStarts, document.span[1]);
  for (let line = first; line <= last && line < lines.count; line++) {
    const text = lines.text(line).trim();
    if (line !== cursorLine && text !== '' && !text.startsWith('#') && !isDocumentMarker(text)) {
      return false;
    }
  }
  return true;
}
