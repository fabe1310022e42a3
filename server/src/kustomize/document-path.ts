// Paths into rendered and source documents that survive strategic merge: sequence items are
// named by their `name` where they have one, since a patch lists only some of them. Pure.
import type { DocumentModel, PathSegment, YamlNode } from '../model';
import { asMap, asSeq, getValue, nodePathAt, scalarText, seqItems } from '../model';

/** The path of the node at `offset` in a rendered document (keys and sequence indexes). */
export function pathAt(document: DocumentModel, offset: number): PathSegment[] {
  const { steps, onKey } = nodePathAt(document.root, offset);
  const last = steps[steps.length - 1];
  const path = [...(last?.path ?? [])];
  if (onKey?.key !== null && onKey !== undefined) {
    path.push(onKey.key);
  }
  return path;
}

/**
 * The path with each sequence index replaced by the item's `name` where it has one: strategic
 * merge matches containers, ports, volumes … by name, and a patch lists only some of them.
 */
export type ReadableSegment = string | number | { readonly name: string; readonly index: number };

export function readablePath(
  root: YamlNode | null,
  path: readonly PathSegment[],
): readonly ReadableSegment[] {
  const result: ReadableSegment[] = [];
  let node: YamlNode | undefined = root ?? undefined;
  for (const segment of path) {
    if (typeof segment === 'number') {
      const item: YamlNode | undefined = asSeq(node)?.items[segment];
      const itemName = scalarText(getValue(item, 'name'));
      result.push(itemName !== undefined ? { name: itemName, index: segment } : segment);
      node = item;
    } else {
      result.push(segment);
      node = getValue(node, segment);
    }
  }
  return result;
}

/** How deep `path` reaches into `root`, and the node it reaches. */
export function reach(
  root: YamlNode | null | undefined,
  path: readonly ReadableSegment[],
): { depth: number; node: YamlNode | undefined; keySpanNode?: YamlNode } {
  let node: YamlNode | undefined = root ?? undefined;
  let depth = 0;
  for (const segment of path) {
    let next: YamlNode | undefined;
    if (typeof segment === 'string') {
      const map = asMap(node);
      const pair = map?.pairs.find((candidate) => candidate.key === segment);
      // `key: null` in a patch deletes the field: the pair itself is what the patch set.
      next = pair ? (pair.value ?? undefined) : undefined;
      if (pair && !pair.value) {
        return { depth: depth + 1, node: undefined, keySpanNode: map };
      }
    } else if (typeof segment === 'number') {
      next = seqItems(node)[segment];
    } else {
      const items = seqItems(node);
      next =
        items.find((item) => scalarText(getValue(item, 'name')) === segment.name) ??
        (items.length > 0 && items.every((item) => getValue(item, 'name') === undefined)
          ? items[segment.index]
          : undefined);
    }
    if (!next) {
      break;
    }
    node = next;
    depth++;
  }
  return { depth, node };
}

export function deepestNode(
  root: YamlNode | null,
  path: readonly ReadableSegment[],
): YamlNode | undefined {
  const { node, keySpanNode } = reach(root, path);
  return node ?? keySpanNode;
}
