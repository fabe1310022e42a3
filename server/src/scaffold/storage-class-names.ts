// StorageClass names the scaffold can offer as "use an existing class": those defined in the
// workspace (through the index view the rules also use) and those listed in the settings.
import type { KubeStatefulSettings } from '../protocol';
import type { IndexView } from '../rules/index-view';

/**
 * Sorted, without duplicates. Until the workspace index is running, the server's view is the
 * empty one and only the `kubeStateful.knownStorageClasses` setting contributes.
 */
export function knownStorageClassNames(
  index: IndexView,
  settings: Pick<KubeStatefulSettings, 'knownStorageClasses'>,
): string[] {
  const names = new Set(settings.knownStorageClasses);
  for (const storageClass of index.objectsOfKind('StorageClass')) {
    if (storageClass.name) {
      names.add(storageClass.name);
    }
  }
  return [...names].sort();
}
