// The quick fix of strimzi-ephemeral-storage, moved out of the strimzi fixers; pure: plain edits, no LSP.
import { getPair } from '../../model';
import { insertPairs, removePair, replaceScalar } from '../quick-fix/edits';
import type { Fixer } from '../quick-fix/types';
import { quickFix, scalarAt } from '../quick-fix/types';
import { defaultStrimziVolumeSize, mapHolding } from '../quick-fix/strimzi';

export const fix: Fixer = (finding, context) => {
  const type = scalarAt(context, finding.span);
  const volume = mapHolding(context, finding.span);
  if (!type || !volume) {
    return [];
  }
  // `sizeLimit` belongs to ephemeral storage only; a persistent claim has `size`.
  const sizeLimit = getPair(volume, 'sizeLimit');
  const edits = [
    replaceScalar(context.model, type, 'persistent-claim'),
    insertPairs(context, volume, {
      ...(getPair(volume, 'size') ? {} : { size: defaultStrimziVolumeSize }),
      deleteClaim: false,
    }),
    ...(sizeLimit ? [removePair(context, volume, sizeLimit)] : []),
  ];
  return quickFix(
    finding,
    `Use persistent-claim storage (${defaultStrimziVolumeSize}, deleteClaim: false)`,
    edits,
    true,
  );
};
