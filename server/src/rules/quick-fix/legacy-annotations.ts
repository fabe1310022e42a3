// Helpers of legacy-annotation's quick fix (rules/legacy-annotation/fix.ts): read what the
// annotation said, move it into the field that replaced it, remove the annotation.
import { asMap, getPair } from '../../model';
import type { MapNode } from '../../model';
import type { FoundAnnotation } from '../legacy-annotation/rule';
import { removePair } from './edits';
import type { FileEdit } from './edits';
import type { FixContext } from './types';
import type { PlainValue } from './yaml-text';

/** Removes the annotation, and the `annotations:` key with it when it was the only one. */
export function removeAnnotation(
  context: FixContext,
  found: FoundAnnotation,
): FileEdit | undefined {
  const metadata = asMap(getPair(found.owner, 'metadata')?.value);
  const annotationsPair = getPair(metadata, 'annotations');
  if (found.annotations.pairs.length === 1 && metadata && annotationsPair) {
    return removePair(context, metadata, annotationsPair);
  }
  return removePair(context, found.annotations, found.pair);
}

/** A JSON value of an annotation as plain data, or undefined when it is not valid JSON. */
export function parseJson(text: string | undefined): unknown {
  try {
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

export function isPlain(value: unknown): value is PlainValue {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
    return true;
  }
  if (Array.isArray(value)) {
    return value.every(isPlain);
  }
  return typeof value === 'object' && Object.values(value).every(isPlain);
}

/** The pod spec (`spec` of the owner) when it exists as a block mapping. */
export function specMap(found: FoundAnnotation): MapNode | undefined {
  return asMap(getPair(found.owner, 'spec')?.value);
}
