// The quick fix of claim-storage-missing, moved out of the storage fixers; pure: plain edits, no LSP.
import { asMap } from '../../model';
import { setIn } from '../quick-fix/edits';
import type { Fixer } from '../quick-fix/types';
import { quickFix } from '../quick-fix/types';
import { defaultStorageRequest, claimOf } from '../quick-fix/storage';

export const fix: Fixer = (finding, context) => {
  const node = asMap(claimOf(finding, context)?.node);
  return node
    ? quickFix(
        finding,
        `Add a storage request (resources.requests.storage: ${defaultStorageRequest})`,
        [setIn(context, node, ['spec', 'resources', 'requests', 'storage'], defaultStorageRequest)],
        true,
      )
    : [];
};
