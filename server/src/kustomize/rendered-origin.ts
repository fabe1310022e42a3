// Where an object kustomize rendered came from: its `config.kubernetes.io/origin` annotation
// (written because the build asks for `buildMetadata: [originAnnotations]`). Pure.
import type { DocumentModel } from '../model';
import { getIn, scalarText } from '../model';

/** Where a rendered object came from, read from kustomize's `config.kubernetes.io/origin`. */
export interface RenderedOrigin {
  /** The source file (a `file:` uri), when the annotation names a local path. */
  readonly uri?: string;
  /** The kustomization that generated the object (configMapGenerator, …). */
  readonly configuredIn?: string;
}

export const originAnnotation = 'config.kubernetes.io/origin';

/** The origin of a rendered document, resolved against the folder kustomize ran in. */
export function originOf(document: DocumentModel, buildFolderUri: string): RenderedOrigin {
  const text = scalarText(getIn(document.root, ['metadata', 'annotations', originAnnotation]));
  if (!text) {
    return {};
  }
  const resolve = (path: string | undefined): string | undefined => {
    if (!path) {
      return undefined;
    }
    try {
      return new URL(path, buildFolderUri.endsWith('/') ? buildFolderUri : `${buildFolderUri}/`)
        .href;
    } catch {
      return undefined;
    }
  };
  const path = /^path:\s*(.+?)\s*$/m.exec(text)?.[1];
  const configuredIn = /^\s*configuredIn:\s*(.+?)\s*$/m.exec(text)?.[1];
  const uri = /^repo:/m.test(text) ? undefined : resolve(path);
  const generator = resolve(configuredIn);
  return { ...(uri ? { uri } : {}), ...(generator ? { configuredIn: generator } : {}) };
}
