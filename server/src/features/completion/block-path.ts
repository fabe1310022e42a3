// Finds the key path of a position in block YAML from indentation alone: walking up the lines,
// the nearest less-indented `key:` or `- ` is the parent, again and again up to the root. This
// works on half-typed documents, where the parsed tree is missing or wrong.
import type { PathSegment } from '../../model';
import type { LineEntry, Lines } from './lines';
import { indentOf, isDocumentMarker, parseLineShape } from './lines';

/** The position whose path is wanted: an entry on a line, or a bare column (a key being typed). */
export interface PathTarget {
  readonly line: number;
  readonly column: number;
  /** `key` entries add their key to the path, `item` entries their index; `position` adds nothing. */
  readonly role: 'key' | 'item' | 'position';
  readonly key?: string;
  /** Entries on the target's line to its left (the dashes of `- - name:`), tried first as parents. */
  readonly leftEntries: readonly LineEntry[];
}

export interface BlockPath {
  readonly path: PathSegment[];
  /** Keys seen at the target's own level (its siblings), above and below it. */
  readonly siblings: Set<string>;
  /** True when the target sits inside a block scalar (`key: |`), where nothing is completed. */
  readonly inBlockScalar: boolean;
}

interface Pending {
  readonly column: number;
  readonly role: PathTarget['role'];
  readonly key?: string;
  /** Earlier items of the same sequence, counted while looking for the parent. */
  itemIndex: number;
}

/** The path from the document root to `target`, scanning no higher than `firstLine`. */
export function blockPathOf(lines: Lines, firstLine: number, target: PathTarget): BlockPath {
  const reversed: PathSegment[] = [];
  const siblings = new Set<string>();
  let pending: Pending = { column: target.column, role: target.role, itemIndex: 0 };
  if (target.key !== undefined) {
    pending = { ...pending, key: target.key };
  }
  const initial = pending;
  let atTargetLevel = true;
  let inBlockScalar = false;

  const finish = (current: Pending): void => {
    if (current.role === 'key' && current.key !== undefined) {
      reversed.push(current.key);
    } else if (current.role === 'item') {
      reversed.push(current.itemIndex);
    }
  };

  // Counts `entry` as a sibling, or makes it the new pending entry when it is the parent.
  const consider = (entry: LineEntry, rest: string): void => {
    const isItem = entry.key === undefined;
    if (pending.role === 'item') {
      if (isItem && entry.column === pending.column) {
        pending.itemIndex++;
        return;
      }
      // A sequence may sit at the same indentation as its key (`containers:\n- name: a`).
      const parent = isItem ? entry.column < pending.column : entry.column <= pending.column;
      if (!parent) {
        return;
      }
    } else {
      if (!isItem && entry.column === pending.column && atTargetLevel) {
        siblings.add(entry.key);
        return;
      }
      if (entry.column >= pending.column) {
        return;
      }
    }
    if (!isItem && /^[|>]/.test(rest) && pending === initial) {
      inBlockScalar = true;
    }
    finish(pending);
    atTargetLevel = false;
    pending = isItem
      ? { column: entry.column, role: 'item', itemIndex: 0 }
      : { column: entry.column, role: 'key', key: entry.key, itemIndex: 0 };
  };

  for (let index = target.leftEntries.length - 1; index >= 0; index--) {
    consider(target.leftEntries[index]!, '');
  }
  for (let line = target.line - 1; line >= firstLine; line--) {
    const text = lines.text(line);
    // Lines indented deeper than the pending entry can neither be its parent nor its sibling.
    if (indentOf(text) > pending.column) {
      continue;
    }
    if (isDocumentMarker(text)) {
      break;
    }
    const shape = parseLineShape(text);
    for (let index = shape.entries.length - 1; index >= 0; index--) {
      const entry = shape.entries[index]!;
      const rest = index === shape.entries.length - 1 ? shape.rest : '';
      consider(entry, rest);
    }
    // A root key has no parent: the path is complete.
    if (pending.role === 'key' && pending.column === 0) {
      break;
    }
  }
  finish(pending);
  if (target.role === 'position') {
    collectSiblingsBelow(lines, target, siblings);
  }
  return { path: reversed.reverse(), siblings, inBlockScalar };
}

/** Keys at the target's column below it, up to the first line that leaves its mapping. */
function collectSiblingsBelow(lines: Lines, target: PathTarget, siblings: Set<string>): void {
  for (let line = target.line + 1; line < lines.count; line++) {
    const text = lines.text(line);
    const indent = indentOf(text);
    if (indent > target.column) {
      continue;
    }
    if (isDocumentMarker(text)) {
      return;
    }
    const shape = parseLineShape(text);
    if (shape.blank) {
      continue;
    }
    const first = shape.entries[0];
    if (!first || first.column < target.column || first.key === undefined) {
      return;
    }
    siblings.add(first.key);
  }
}
