// duplicate-key: a key written twice in one mapping. YAML readers keep only one of the values
// (kubectl rejects the file), so the later occurrence is reported, pointing back at the first.
import { lineOfOffset, spanToRange, walk } from '../../model';
import type { PairNode } from '../../model';
import { mergeKey } from '../schema-walk';
import type { Rule, RuleFinding } from '../types';

export const duplicateKey: Rule = {
  id: 'duplicate-key',
  defaultSeverity: 'error',
  judges: 'fields',
  description: 'A mapping has the same key twice; only one of the values would be kept.',
  noQuickFix: "which of the two values is the right one is the author's choice",
  appliesTo: 'kubernetes-or-partial',
  check: ({ model, document }) => {
    const findings: RuleFinding[] = [];
    walk(document.root, (node) => {
      if (node.type !== 'map') {
        return;
      }
      const first = new Map<string, PairNode>();
      for (const pair of node.pairs) {
        if (pair.key === null || pair.key === mergeKey) {
          continue;
        }
        const earlier = first.get(pair.key);
        if (!earlier) {
          first.set(pair.key, pair);
          continue;
        }
        // The distance, not the line number: it stays true when an edit above moves the
        // document and its findings are reused.
        const lines =
          lineOfOffset(model.lineStarts, pair.keySpan[0]) -
          lineOfOffset(model.lineStarts, earlier.keySpan[0]);
        const where =
          lines === 0
            ? 'first earlier on this line'
            : `first ${lines} ${lines === 1 ? 'line' : 'lines'} above`;
        findings.push({
          span: pair.keySpan,
          message: `Duplicate key \`${pair.key}\` (${where}): only one value is kept and kubectl rejects the file. Remove or merge one of them.`,
          related: [
            {
              uri: model.uri,
              range: spanToRange(model, earlier.keySpan),
              message: `\`${pair.key}\` is first defined here.`,
            },
          ],
        });
      }
    });
    return findings;
  },
};
