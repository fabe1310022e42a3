// Which objects a patch's `target` selects, as kustomize matches it: the kind exactly, the name
// as a regular expression over the whole name, the namespace exactly. Pure; used by the
// kustomize-patch-unmatched rule and by the rendered check (which leaves the target to it).
import type { IndexedObject } from '../index-view';
import type { KustomizationFacts, PatchEntry, PatchTarget } from '../../kustomize/kustomization';

/**
 * True when the target selects the object by its source name or the name the build gives it.
 * An object without a namespace counts as in `default`, as the index keeps it.
 */
export function targetSelects(target: PatchTarget, object: IndexedObject): boolean {
  if (target.kind !== undefined && target.kind !== object.kind) {
    return false;
  }
  if (target.namespace !== undefined && target.namespace !== object.namespace) {
    return false;
  }
  if (target.name === undefined) {
    return true;
  }
  const pattern = anchored(target.name);
  return [object.name, object.deployedName].some(
    (name) => name !== undefined && (pattern ? pattern.test(name) : name === target.name),
  );
}

/** The patches of a kustomization whose target selects none of the objects of its build. */
export function unmatchedPatches(
  kustomization: KustomizationFacts,
  objects: readonly IndexedObject[],
): (PatchEntry & { readonly target: PatchTarget })[] {
  return kustomization.patches.filter(
    (patch): patch is PatchEntry & { readonly target: PatchTarget } =>
      patch.target !== undefined &&
      !patch.target.bySelector &&
      !objects.some((object) => targetSelects(patch.target!, object)),
  );
}

export function describeTarget(target: PatchTarget): string {
  return [
    target.kind ?? 'any kind',
    target.name !== undefined ? `"${target.name}"` : 'any name',
    target.namespace !== undefined ? `in namespace "${target.namespace}"` : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(' ');
}

function anchored(name: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${name})$`);
  } catch {
    return undefined;
  }
}
