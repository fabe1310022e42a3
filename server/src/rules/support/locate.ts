// Where findings point: the spans rules report on (a key, the object's name) and the related
// locations of other objects. Shared so every rule anchors its findings the same way.
import { getIn, getPair, lineOfOffset } from '../../model';
import type { DocumentModel, PathSegment, Span, YamlNode } from '../../model';
import type { IndexedObject, WorkloadFacts } from '../index-view';
import type { RelatedLocation, RuleContext } from '../types';
import { documentFacts } from './document-facts';
import { readWorkloadFacts } from './object-facts';

/** The span of the key at the end of `path` (the pair `path[-1]` of the parent mapping). */
export function keySpanAt(
  root: YamlNode | null | undefined,
  path: readonly PathSegment[],
): Span | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string') {
    return getIn(root, path)?.span;
  }
  return getPair(getIn(root, path.slice(0, -1)), key)?.keySpan;
}

/** The object's name, else its `kind` value, else the start of the document: a finding's anchor. */
export function objectSpan(document: DocumentModel): Span {
  const name = getIn(document.root, ['metadata', 'name']);
  if (name) {
    return name.span;
  }
  const kind = getPair(document.root, 'kind');
  if (kind) {
    return kind.value?.span ?? kind.keySpan;
  }
  const start = document.root?.span[0] ?? document.span[0];
  return [start, start];
}

/** A related location pointing at another object's name. */
export function relatedTo(object: IndexedObject, message: string): RelatedLocation {
  return { uri: object.uri, range: object.nameRange, message };
}

/** How messages name an object: `StatefulSet "db"`. */
/** `"a", "b"`: the namespaces of the objects, each once, in order of first appearance. */
export function namesOfNamespaces(objects: readonly { readonly namespace: string }[]): string {
  return [...new Set(objects.map((object) => object.namespace))]
    .map((namespace) => `"${namespace}"`)
    .join(', ');
}

export function describeObject(object: Pick<IndexedObject, 'kind' | 'name'>): string {
  return object.name ? `${object.kind} "${object.name}"` : `this ${object.kind}`;
}

/**
 * The workload facts of the document being checked, read directly from its model. Several rules
 * ask for them on the same document, so they are computed once per document and namespace, and
 * shared with the index's reading of the document when it made one (`documentFacts`).
 */
export function currentWorkload(context: RuleContext): WorkloadFacts | undefined {
  return memoized(workloadMemo, context, () => {
    const typed = documentFacts(context.model, context.document, context.namespace);
    if (typed?.category === 'workload') {
      return typed.facts;
    }
    const object = currentObject(context);
    return object && readWorkloadFacts(object, context.model, context.document);
  });
}

/**
 * The indexed-object facts of the document being checked (with the fields of its category, as
 * the index holds them).
 */
export function currentObject(context: RuleContext): IndexedObject | undefined {
  return memoized(
    objectMemo,
    context,
    () => documentFacts(context.model, context.document, context.namespace)?.facts,
  );
}

type Memo<T> = WeakMap<
  DocumentModel,
  {
    readonly namespace: string;
    readonly uri: string;
    readonly startLine: number;
    readonly value: T;
  }
>;

const objectMemo: Memo<IndexedObject | undefined> = new WeakMap();
const workloadMemo: Memo<WorkloadFacts | undefined> = new WeakMap();

/**
 * Models are immutable and the parser reuses the documents an edit did not touch, so facts read
 * from a document stay true for that document object, as long as it is in the same file at the
 * same line (the facts carry line ranges).
 */
function memoized<T>(memo: Memo<T>, context: RuleContext, compute: () => T): T {
  const startLine = lineOfOffset(context.model.lineStarts, context.document.span[0]);
  const cached = memo.get(context.document);
  if (
    cached &&
    cached.namespace === context.namespace &&
    cached.uri === context.model.uri &&
    cached.startLine === startLine
  ) {
    return cached.value;
  }
  const value = compute();
  memo.set(context.document, {
    namespace: context.namespace,
    uri: context.model.uri,
    startLine,
    value,
  });
  return value;
}
