// The quick fix of pdb-policy, moved out of the availability fixers; pure: plain edits, no LSP.
import { asMap, getPair, getValue } from '../../model';
import { removePair, setIn } from '../quick-fix/edits';
import type { Fixer } from '../quick-fix/types';
import { quickFix } from '../quick-fix/types';

export const fix: Fixer = (finding, context) => {
  const root = asMap(context.document.root);
  const spec = asMap(getValue(root, 'spec'));
  const min = getPair(spec, 'minAvailable');
  const max = getPair(spec, 'maxUnavailable');
  if (!root || !spec) {
    return [];
  }
  if (min && max) {
    return [
      ...quickFix(
        finding,
        'Keep maxUnavailable (remove minAvailable)',
        [removePair(context, spec, min)],
        true,
      ),
      ...quickFix(finding, 'Keep minAvailable (remove maxUnavailable)', [
        removePair(context, spec, max),
      ]),
    ];
  }
  if (!min && !max) {
    return quickFix(
      finding,
      'Set maxUnavailable: 1',
      [setIn(context, root, ['spec', 'maxUnavailable'], 1)],
      true,
    );
  }
  return [];
};
