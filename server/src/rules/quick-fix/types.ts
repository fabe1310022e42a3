// The contract of the quick-fix layer: what a fixer receives (a fresh finding, the rule context
// and the file's layout) and the plain edit descriptions it returns, which lsp/code-actions.ts
// turns into CodeActions.
import { nodePathAt } from '../../model';
import type { FileModel, PairNode, ScalarNode, Span } from '../../model';
import type { Finding, RuleContext } from '../types';
import type { EditTarget, FileEdit } from './edits';

/** One quick fix: a titled set of edits that resolves `finding`. */
export interface QuickFix {
  readonly title: string;
  readonly kind: 'quickfix';
  /** The finding (diagnostic) this fix resolves. */
  readonly finding: Finding;
  readonly edits: readonly FileEdit[];
  readonly isPreferred: boolean;
}

export interface FixContext extends RuleContext, EditTarget {
  /** The model of another file (open or on disk), for fixes that edit the object it holds. */
  modelOf(uri: string): FileModel | undefined;
}

/** Computes the fixes of one rule's finding; findings are always fresh (rules just re-ran). */
export type Fixer = (finding: Finding, context: FixContext) => QuickFix[];

export function quickFix(
  finding: Finding,
  title: string,
  edits: readonly (FileEdit | undefined)[],
  isPreferred = false,
): QuickFix[] {
  const present = edits.filter((edit): edit is FileEdit => edit !== undefined);
  if (present.length === 0 || present.length !== edits.length) {
    return [];
  }
  return [{ title, kind: 'quickfix', finding, edits: present, isPreferred }];
}

/** The scalar whose span is exactly `span`, read from the current model. */
export function scalarAt(context: FixContext, span: Span): ScalarNode | undefined {
  const { steps } = nodePathAt(context.document.root, span[0]);
  const node = steps[steps.length - 1]?.node;
  return node?.type === 'scalar' && node.span[0] === span[0] && node.span[1] === span[1]
    ? node
    : undefined;
}

/** The pair whose key span is exactly `span`, with the mapping that holds it. */
export function keyAt(
  context: FixContext,
  span: Span,
): { pair: PairNode; steps: ReturnType<typeof nodePathAt>['steps'] } | undefined {
  const { steps, onKey } = nodePathAt(context.document.root, span[0]);
  return onKey && onKey.keySpan[0] === span[0] && onKey.keySpan[1] === span[1]
    ? { pair: onKey, steps }
    : undefined;
}

/** A string field of a finding's data, when the rule put one there. */
export function dataString(finding: Finding, key: string): string | undefined {
  const value = finding.data?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** A string-list field of a finding's data. */
export function dataStrings(finding: Finding, key: string): string[] {
  const value = finding.data?.[key];
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}
