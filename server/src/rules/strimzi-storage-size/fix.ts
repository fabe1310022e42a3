// The quick fix of strimzi-storage-size, moved out of the strimzi fixers; pure: plain edits, no LSP.
import { getPair } from '../../model';
import { insertPairs, replaceScalar } from '../quick-fix/edits';
import type { Fixer } from '../quick-fix/types';
import { dataString, quickFix, scalarAt } from '../quick-fix/types';
import { defaultStrimziVolumeSize, mapHolding } from '../quick-fix/strimzi';

export const fix: Fixer = (finding, context) => {
  const suggestion = dataString(finding, 'suggestion');
  const scalar = scalarAt(context, finding.span);
  if (suggestion && scalar) {
    return quickFix(
      finding,
      `Change to '${suggestion}'`,
      [replaceScalar(context.model, scalar, suggestion)],
      true,
    );
  }
  const volume = mapHolding(context, finding.span);
  return volume && !getPair(volume, 'size')
    ? quickFix(
        finding,
        `Add size: ${defaultStrimziVolumeSize}`,
        [insertPairs(context, volume, { size: defaultStrimziVolumeSize })],
        true,
      )
    : [];
};
