// The quick fix of claim-access-modes-missing, moved out of the storage fixers; pure: plain edits, no LSP.
import { asMap } from '../../model';
import { setIn } from '../quick-fix/edits';
import type { Fixer } from '../quick-fix/types';
import { quickFix } from '../quick-fix/types';
import { claimOf } from '../quick-fix/storage';

export const fix: Fixer = (finding, context) => {
  const claim = claimOf(finding, context);
  const node = asMap(claim?.node);
  return node
    ? quickFix(
        finding,
        'Add accessModes: [ReadWriteOnce]',
        [setIn(context, node, ['spec', 'accessModes'], ['ReadWriteOnce'])],
        true,
      )
    : [];
};
