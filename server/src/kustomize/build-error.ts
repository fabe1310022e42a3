// Where kustomize's error on an overlay belongs: the kustomization entry it names (a resources,
// components or patches path, a patch whose target matched nothing), the operation of a JSON
// patch that could not apply, or a field kustomize could not read. The forms are kustomize's
// own texts (v5, through kubectl), pinned in build-error.test.ts. Pure.
import type { FileModel, LineRange } from '../model';
import { getPair, getValue, scalarText, seqItems, spanToRange } from '../model';
import type { KustomizationFacts, KustomizePath, PatchEntry } from './kustomization';
import { resolveKustomizePath } from './kustomization';

export interface ErrorPlace {
  readonly uri: string;
  readonly range: LineRange;
  /** The path entry the error names, when it names one. */
  readonly path?: KustomizePath;
}

/**
 * The place of kustomize's error among the overlay's kustomizations (overlay first), or
 * undefined when the text names nothing we can find.
 */
export function placeBuildError(
  error: string,
  kustomizations: readonly KustomizationFacts[],
  modelOf: (uri: string) => FileModel | undefined,
): ErrorPlace | undefined {
  return (
    namedPath(error, kustomizations) ??
    unmatchedPatch(error, kustomizations, modelOf) ??
    failedOperation(error, kustomizations, modelOf) ??
    unreadableField(error, kustomizations, modelOf)
  );
}

/** `accumulating resources from '../base/sts.yaml'`, `[path: "j.yaml"]`, `file sources: [a]`. */
function namedPath(
  error: string,
  kustomizations: readonly KustomizationFacts[],
): ErrorPlace | undefined {
  // Components and resources may list the same folder; the error says which it was reading.
  const preferred = error.includes('accumulating components') ? 'component' : undefined;
  const candidates = kustomizations.flatMap((kustomization) =>
    kustomization.paths
      .filter((entry) =>
        mentions(error, entry.path, resolveKustomizePath(kustomization.uri, entry.path)),
      )
      .map((entry) => ({ uri: kustomization.uri, range: entry.range, path: entry })),
  );
  return candidates.find((place) => place.path.use === preferred) ?? candidates[0];
}

function mentions(error: string, path: string, resolved: string | undefined): boolean {
  const quoted = [`'${path}'`, `"${path}"`, `[${path}]`, `(${path})`, `path: ${path}\n`];
  if (quoted.some((form) => error.includes(form)) || error.endsWith(`path: ${path}`)) {
    return true;
  }
  const absolute = resolved?.startsWith('file://')
    ? decodeURIComponent(new URL(resolved).pathname)
    : undefined;
  return (
    absolute !== undefined && (error.includes(`'${absolute}'`) || error.includes(`"${absolute}"`))
  );
}

/**
 * `no matches for Id StatefulSet.v1.apps/zkk.[noNs]; failed to find unique target for patch …`:
 * the patch whose target, or whose own kind and name, is that object. A name may hold dots; a
 * namespace may not, so the name runs to the last dot.
 */
function unmatchedPatch(
  error: string,
  kustomizations: readonly KustomizationFacts[],
  modelOf: (uri: string) => FileModel | undefined,
): ErrorPlace | undefined {
  const id = /no matches for Id (\w+)\.[^/\s]*\/(\S+)\.(?:\[noNs\]|[a-z0-9-]+)(?=[;\s"]|$)/.exec(
    error,
  );
  if (!id) {
    return undefined;
  }
  const [, kind, name] = id;
  for (const kustomization of kustomizations) {
    for (const patch of kustomization.patches) {
      if (
        patchNames(patch, kustomization.uri, modelOf).some(
          (named) => named.kind === kind && named.name === name,
        )
      ) {
        return {
          uri: kustomization.uri,
          range: patch.range,
          ...(patch.path ? { path: patch.path } : {}),
        };
      }
    }
  }
  return undefined;
}

/** The objects a patch is for: its target, else the kind and name its documents carry. */
function patchNames(
  patch: PatchEntry,
  kustomizationUri: string,
  modelOf: (uri: string) => FileModel | undefined,
): { kind?: string; name?: string }[] {
  if (patch.target) {
    return [patch.target];
  }
  const file = patch.path && resolveKustomizePath(kustomizationUri, patch.path.path);
  const model = file !== undefined ? modelOf(file) : undefined;
  if (model) {
    return model.documents.map((document) => ({
      ...(document.kind ? { kind: document.kind } : {}),
      ...nameOf(scalarText(getValue(getValue(document.root, 'metadata'), 'name'))),
    }));
  }
  const inline = patch.inline ?? '';
  const kind = /^kind:\s*(\S+)/m.exec(inline)?.[1];
  const name = /^\s+name:\s*(\S+)/m.exec(inline)?.[1];
  return [{ ...(kind ? { kind } : {}), ...nameOf(name) }];
}

function nameOf(name: string | undefined): { name?: string } {
  return name ? { name } : {};
}

/**
 * `replace operation does not apply: doc is missing path: /spec/x`, `error in remove for path:
 * '/spec/foo'`: the operation of a JSON patch file with that path, else the patch entry.
 */
function failedOperation(
  error: string,
  kustomizations: readonly KustomizationFacts[],
  modelOf: (uri: string) => FileModel | undefined,
): ErrorPlace | undefined {
  const pointer = /(?:missing path|for path):? '?(\/[^'\s:]*)/.exec(error)?.[1];
  if (pointer === undefined) {
    return undefined;
  }
  for (const kustomization of kustomizations) {
    for (const patch of kustomization.patches) {
      const file = patch.path && resolveKustomizePath(kustomization.uri, patch.path.path);
      const model = file !== undefined ? modelOf(file) : undefined;
      const operation = model?.documents
        .flatMap((document) => seqItems(document.root))
        .map((item) => getValue(item, 'path'))
        .find((path) => scalarText(path) === pointer);
      if (model && operation) {
        return { uri: model.uri, range: spanToRange(model, operation.span) };
      }
      if (patch.inline?.includes(pointer)) {
        return { uri: kustomization.uri, range: patch.range };
      }
    }
  }
  return undefined;
}

/**
 * `invalid Kustomization: json: unknown field "namePrefx"`, `cannot unmarshal string into Go
 * struct field Replica.replicas.count`: the kustomization's top-level key of that name.
 */
function unreadableField(
  error: string,
  kustomizations: readonly KustomizationFacts[],
  modelOf: (uri: string) => FileModel | undefined,
): ErrorPlace | undefined {
  const field =
    /unknown field "([^"]+)"/.exec(error)?.[1] ?? /Go struct field \w+\.(\w+)/.exec(error)?.[1];
  if (field === undefined) {
    return undefined;
  }
  for (const kustomization of kustomizations) {
    const model = modelOf(kustomization.uri);
    const pair = model && getPair(model.documents[0]?.root, field);
    if (model && pair) {
      return { uri: model.uri, range: spanToRange(model, pair.keySpan) };
    }
  }
  return undefined;
}
