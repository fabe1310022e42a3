// Indexed objects grouped by category and by kind, each per namespace (the `*` entry holds every
// namespace): the tables an index view answers from, for the whole workspace or one overlay.
import type { IndexedObject } from '../rules/index-view';
import type { TypedFacts } from '../rules/support/object-facts';

export type Category = TypedFacts['category'];

export const allNamespaces = '*';

export class ObjectTable {
  private readonly byCategory = new Map<Category, Map<string, IndexedObject[]>>();
  private readonly byKind = new Map<string, Map<string, IndexedObject[]>>();

  add(category: Category, object: IndexedObject): void {
    addTo(this.byCategory, category, object);
    addTo(this.byKind, object.kind, object);
  }

  /** Objects of a category in a namespace (`*`: every namespace). */
  inCategory(category: Category, namespace: string): readonly IndexedObject[] {
    return this.byCategory.get(category)?.get(namespace) ?? [];
  }

  ofKind(kind: string, namespace: string): readonly IndexedObject[] {
    return this.byKind.get(kind)?.get(namespace) ?? [];
  }

  all(): IndexedObject[] {
    return [...this.byKind.values()].flatMap((namespaces) => namespaces.get(allNamespaces) ?? []);
  }
}

function addTo<K>(map: Map<K, Map<string, IndexedObject[]>>, key: K, object: IndexedObject): void {
  let namespaces = map.get(key);
  if (!namespaces) {
    namespaces = new Map();
    map.set(key, namespaces);
  }
  for (const ns of [object.namespace, allNamespaces]) {
    const list = namespaces.get(ns);
    if (list) {
      list.push(object);
    } else {
      namespaces.set(ns, [object]);
    }
  }
}
