// The quick fix of strimzi-kraft-annotations, moved out of the strimzi fixers; pure: plain edits, no LSP.
import { asMap, getIn, getPair } from '../../model';
import type { FileEdit } from '../quick-fix/edits';
import { insertPairs, replacePairValue, setIn } from '../quick-fix/edits';
import type { Fixer } from '../quick-fix/types';
import { dataStrings, quickFix } from '../quick-fix/types';

export const fix: Fixer = (finding, context) => {
  const names = dataStrings(finding, 'annotations');
  const metadata = asMap(getIn(context.document.root, ['metadata']));
  if (names.length === 0 || !metadata) {
    return [];
  }
  const annotations = asMap(getIn(metadata, ['annotations']));
  let edits: FileEdit[];
  if (!annotations || annotations.pairs.length === 0) {
    edits = [
      setIn(
        context,
        metadata,
        ['annotations'],
        Object.fromEntries(names.map((n) => [n, 'enabled'])),
      ),
    ];
  } else {
    // An annotation written with another value (`disabled`) is replaced; missing ones are added.
    const absent = names.filter((name) => !getPair(annotations, name));
    edits = names.flatMap((name) => {
      const pair = getPair(annotations, name);
      return pair ? [replacePairValue(context, pair, 'enabled')] : [];
    });
    if (absent.length > 0) {
      edits.push(
        insertPairs(context, annotations, Object.fromEntries(absent.map((n) => [n, 'enabled']))),
      );
    }
  }
  return quickFix(
    finding,
    `Add ${names.map((name) => `${name}: enabled`).join(', ')}`,
    edits,
    true,
  );
};
