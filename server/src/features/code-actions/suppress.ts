// "Disable <rule-id> for this line": the quick fix every finding gets. It writes the suppression
// comment the rule engine honours above the finding's line, or adds the rule to a directive
// that is already there.
import { lineOfOffset } from '../../model';
import type { Finding } from '../../rules/types';
import { insertLineAbove, replaceSpan } from '../../rules/quick-fix/edits';
import type { FixContext, QuickFix } from '../../rules/quick-fix/types';
import { quickFix } from '../../rules/quick-fix/types';

export const disableNextLineDirective = 'kube-stateful-disable-next-line';

const directiveLine = new RegExp(`^(\\s*#\\s*${disableNextLineDirective})(\\s+[^\\n\\r]*?)?\\s*$`);

export function disableForLineFix(finding: Finding, context: FixContext): QuickFix[] {
  const { model } = context;
  const title = `Disable ${finding.ruleId} for this line`;
  const line = lineOfOffset(model.lineStarts, finding.span[0]);
  const above = line > 0 ? existingDirective(context, line - 1) : undefined;
  if (above) {
    // Several rules on one line share a directive: `# …-disable-next-line a, b`.
    if (above.rules.includes(finding.ruleId) || above.rules.length === 0) {
      return [];
    }
    const text = `${above.head} ${[...above.rules, finding.ruleId].join(', ')}`;
    return quickFix(finding, title, [replaceSpan(model, above.span, text)]);
  }
  return quickFix(finding, title, [
    insertLineAbove(context, finding.span[0], `# ${disableNextLineDirective} ${finding.ruleId}`),
  ]);
}

/** A `disable-next-line` directive on `line`, with the rules it lists. */
function existingDirective(
  context: FixContext,
  line: number,
): { span: readonly [number, number]; head: string; rules: string[] } | undefined {
  const { model } = context;
  const start = model.lineStarts[line] ?? 0;
  const end = model.lineStarts[line + 1] ?? model.text.length;
  const text = model.text.slice(start, end).replace(/\r?\n$/, '');
  const match = directiveLine.exec(text);
  if (!match) {
    return undefined;
  }
  const list = (match[2] ?? '').split('--')[0] ?? '';
  if (list.trim() !== (match[2] ?? '').trim()) {
    // A directive with a `-- reason` is left as the user wrote it.
    return undefined;
  }
  const rules = list
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
  return { span: [start, start + text.length], head: match[1] ?? '', rules };
}
