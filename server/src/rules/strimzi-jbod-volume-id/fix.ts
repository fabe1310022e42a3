// The quick fix of strimzi-jbod-volume-id, moved out of the strimzi fixers; pure: plain edits, no LSP.
import { getPair } from '../../model';
import { insertPairs } from '../quick-fix/edits';
import type { Fixer } from '../quick-fix/types';
import { quickFix } from '../quick-fix/types';
import { mapHolding } from '../quick-fix/strimzi';

export const fix: Fixer = (finding, context) => {
  const id = finding.data?.id;
  const volume = mapHolding(context, finding.span);
  return typeof id === 'number' && volume && !getPair(volume, 'id')
    ? quickFix(finding, `Add id: ${id}`, [insertPairs(context, volume, { id })], true)
    : [];
};
