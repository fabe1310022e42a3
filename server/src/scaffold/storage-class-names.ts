// StorageClass names the scaffold can offer as "use an existing class": those defined in the
// workspace (through the index view the rules also use) and those listed in the settings.
import type { KubeStatefulSettings } from '../protocol';

/** What this needs of the rules' index view (a structural type: scaffold does not import rules). */
export interface StorageClassSource {
  storageClasses(): readonly { readonly name?: string }[];
}

/**
 * Sorted, without duplicates. While the workspace index is still scanning, the classes of the
 * files it has not reached yet are missing; the setting covers classes that live only in clusters.
 */
export function knownStorageClassNames(
  index: StorageClassSource,
  settings: Pick<KubeStatefulSettings, 'knownStorageClasses'>,
): string[] {
  const names = new Set(settings.knownStorageClasses);
  for (const storageClass of index.storageClasses()) {
    if (storageClass.name) {
      names.add(storageClass.name);
    }
  }
  return [...names].sort();
}
