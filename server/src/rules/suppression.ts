// Suppression of findings by the user: `# kube-stateful-disable-next-line <ids>` and
// `# kube-stateful-disable <ids>` comments, and the `kube-stateful.io/ignore` annotation on an
// object or its pod template. Pure: reads the document text and model, filters findings.
import { getIn, lineOfOffset, scalarText } from '../model';
import type { DocumentModel, FileModel } from '../model';
import { podTemplateOf } from './support/workload';

export const ignoreAnnotation = 'kube-stateful.io/ignore';

const directivePattern = /^\s*#\s*kube-stateful-(disable-next-line|disable)(?=\s|$)(.*)$/;

/** Rule ids, or `all` when a directive names none (it then covers every rule). */
type RuleSet = ReadonlySet<string> | 'all';

/** Which rules are silenced where in one document. */
export interface Suppressions {
  /** Rules silenced on one line (0-based), from a `disable-next-line` comment above it. */
  readonly lines: ReadonlyMap<number, RuleSet>;
  /** Rules silenced from a line (0-based) to the end of the document. */
  readonly fromLine: readonly { readonly line: number; readonly rules: RuleSet }[];
  /** Rules silenced in the whole document by the annotation. */
  readonly document: RuleSet | undefined;
}

function parseRuleList(text: string): RuleSet {
  // A trailing `-- reason` explains the directive and is not part of the list.
  const list = text.split('--')[0] ?? '';
  const ids = list
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
  return ids.length === 0 ? 'all' : new Set(ids);
}

function covers(rules: RuleSet | undefined, ruleId: string): boolean {
  return rules === 'all' || (rules !== undefined && rules.has(ruleId));
}

/** Reads the directives and annotations of a document. */
export function readSuppressions(model: FileModel, document: DocumentModel): Suppressions {
  const lines = new Map<number, RuleSet>();
  const fromLine: { line: number; rules: RuleSet }[] = [];
  const first = lineOfOffset(model.lineStarts, document.span[0]);
  const last = lineOfOffset(model.lineStarts, Math.max(document.span[0], document.span[1] - 1));
  let pending: RuleSet[] = [];
  // Most documents have no directive at all: the file's directive offsets, found once, spare
  // reading them line by line (a search per document ran to the end of the file: quadratic).
  const directive = firstAtOrAfter(directiveOffsets(model), document.span[0]);
  const scanTo = directive !== undefined && directive < document.span[1] ? last : first - 1;
  for (let line = first; line <= scanTo; line++) {
    const start = model.lineStarts[line] ?? 0;
    const end = model.lineStarts[line + 1] ?? model.text.length;
    const text = model.text.slice(start, end).replace(/\r?\n?$/, '');
    const match = directivePattern.exec(text);
    if (match) {
      const rules = parseRuleList(match[2] ?? '');
      if (match[1] === 'disable') {
        fromLine.push({ line, rules });
      } else {
        pending.push(rules);
      }
      continue;
    }
    if (pending.length > 0) {
      // Several next-line directives stacked above one line all apply to it.
      lines.set(line, pending.includes('all') ? 'all' : mergeSets(pending));
      pending = [];
    }
  }
  return { lines, fromLine, document: annotationRules(document) };
}

const directivesByModel = new WeakMap<FileModel, readonly number[]>();

/** Offsets of every `kube-stateful-disable` in the file, ascending; computed once per model. */
function directiveOffsets(model: FileModel): readonly number[] {
  let offsets = directivesByModel.get(model);
  if (!offsets) {
    const found: number[] = [];
    for (let at = model.text.indexOf(directiveWord); at >= 0;) {
      found.push(at);
      at = model.text.indexOf(directiveWord, at + directiveWord.length);
    }
    offsets = found;
    directivesByModel.set(model, offsets);
  }
  return offsets;
}

const directiveWord = 'kube-stateful-disable';

/** The first offset not below `from` (binary search), or undefined. */
function firstAtOrAfter(offsets: readonly number[], from: number): number | undefined {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((offsets[middle] ?? 0) < from) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return offsets[low];
}

function mergeSets(sets: readonly RuleSet[]): RuleSet {
  const merged = new Set<string>();
  for (const set of sets) {
    if (set !== 'all') {
      set.forEach((id) => merged.add(id));
    }
  }
  return merged;
}

/** The rules named by the annotation on the object or on its pod template. */
function annotationRules(document: DocumentModel): RuleSet | undefined {
  const template = podTemplateOf(document);
  const values = [
    scalarText(getIn(document.root, ['metadata', 'annotations', ignoreAnnotation])),
    template && template.path.length > 0
      ? scalarText(getIn(template.node, ['metadata', 'annotations', ignoreAnnotation]))
      : undefined,
  ].filter((value): value is string => value !== undefined && value.trim().length > 0);
  // The annotation always names its rules: an empty value silences nothing.
  return values.length === 0 ? undefined : mergeSets(values.map(parseRuleList));
}

/** Whether a finding of `ruleId` starting at `offset` is silenced. */
export function isSuppressed(
  suppressions: Suppressions,
  model: FileModel,
  ruleId: string,
  offset: number,
): boolean {
  if (covers(suppressions.document, ruleId)) {
    return true;
  }
  const line = lineOfOffset(model.lineStarts, offset);
  if (covers(suppressions.lines.get(line), ruleId)) {
    return true;
  }
  return suppressions.fromLine.some((entry) => entry.line <= line && covers(entry.rules, ruleId));
}
