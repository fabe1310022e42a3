// Which patch of a build set a rendered field: the strategic-merge document or JSON 6902
// operation that reaches deepest into it (or removed something inside it). Pure.
import type { FileModel, LineRange, YamlNode } from '../model';
import { asMap, getIn, getValue, scalarText, spanToRange } from '../model';
import type { ReadableSegment } from './document-path';
import { reach } from './document-path';
import type { KustomizationFacts } from './kustomization';

/** A source file the trace may point into, parsed. */
export interface SourceFiles {
  modelOf(uri: string): FileModel | undefined;
}

export interface TracedLocation {
  readonly uri: string;
  readonly range: LineRange;
  /** What caused it: a patch, a kustomization entry, or the base (the finding's own field). */
  readonly cause: 'patch' | 'kustomization' | 'base';
}

/** Strategic-merge patch documents and JSON 6902 operations of the build that reach the field. */
export function patchLocation(
  kustomizations: readonly KustomizationFacts[],
  files: SourceFiles,
  kind: string,
  renderedName: string,
  path: readonly ReadableSegment[],
): TracedLocation | undefined {
  // The flagged field's object: a patch inside it (a removed probe) explains the finding too.
  // Shallow paths (`spec.replicas`) need the field itself; deeper ones accept its parent.
  const minimum = path.length <= 3 ? path.length : Math.max(3, path.length - 1);
  let best: { depth: number; location: TracedLocation } | undefined;
  const consider = (depth: number, location: TracedLocation): void => {
    if (depth >= minimum && (!best || depth > best.depth)) {
      best = { depth, location };
    }
  };
  for (const kustomization of kustomizations) {
    for (const patch of kustomization.patches) {
      const uri = patch.path && resolveNear(kustomization.uri, patch.path.path);
      const model = uri ? files.modelOf(uri) : undefined;
      if (!model) {
        continue;
      }
      const targetKind = patch.target?.kind;
      const targetName = patch.target?.name;
      if (targetKind && targetKind !== kind) {
        continue;
      }
      if (targetName && !nameMatches(renderedName, targetName)) {
        continue;
      }
      for (const document of model.documents) {
        if (document.root?.type === 'seq') {
          for (const operation of document.root.items) {
            const pointer = scalarText(getValue(operation, 'path'));
            if (pointer === undefined) {
              continue;
            }
            // A removal explains a missing field better than a change beside it.
            const removes = scalarText(getValue(operation, 'op')) === 'remove' ? 0.5 : 0;
            const depth = sharedDepth(pointerSegments(pointer), path) + removes;
            const node = getValue(operation, 'path') ?? operation;
            consider(depth, {
              uri: model.uri,
              range: spanToRange(model, node.span),
              cause: 'patch',
            });
          }
          continue;
        }
        if (document.kind !== kind && !targetKind) {
          continue;
        }
        const patchName = scalarText(getIn(document.root, ['metadata', 'name']));
        if (!targetName && patchName !== undefined && !nameMatches(renderedName, patchName)) {
          continue;
        }
        const reached = reach(document.root, path);
        const node = reached.node ?? reached.keySpanNode;
        const deletes = deletesInside(reached.node) ? 0.5 : 0;
        if (node) {
          consider(reached.depth + deletes, {
            uri: model.uri,
            range: spanToRange(model, node.span),
            cause: 'patch',
          });
        }
        // Deeper than the flagged field: the patch changed something inside it.
        if (reached.depth === path.length && reached.node) {
          consider(path.length, {
            uri: model.uri,
            range: spanToRange(model, reached.node.span),
            cause: 'patch',
          });
        }
      }
    }
  }
  return best?.location;
}

/** True when a patch node deletes something inside it (`key: null` or `$patch: delete`). */
function deletesInside(node: YamlNode | undefined): boolean {
  return (
    asMap(node)?.pairs.some(
      (pair) =>
        pair.value === null ||
        (pair.value.type === 'scalar' && pair.value.value === null) ||
        (pair.key === '$patch' && scalarText(pair.value) === 'delete'),
    ) ?? false
  );
}

/** A rendered name carries prefixes and suffixes; the patch names the object before them. */
export function nameMatches(renderedName: string, sourceName: string): boolean {
  return renderedName === sourceName || renderedName.includes(sourceName);
}

function pointerSegments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function sharedDepth(pointer: readonly string[], path: readonly ReadableSegment[]): number {
  let depth = 0;
  for (const [i, segment] of pointer.entries()) {
    const step = path[i];
    if (step === undefined) {
      // The operation works inside the flagged field.
      return depth + (pointer.length - i > 0 ? 0 : 0);
    }
    const matches =
      typeof step === 'object' ? String(step.index) === segment : String(step) === segment;
    if (!matches) {
      break;
    }
    depth++;
  }
  return depth;
}

function resolveNear(kustomizationUri: string, path: string): string | undefined {
  try {
    return new URL(path, kustomizationUri).href;
  } catch {
    return undefined;
  }
}
