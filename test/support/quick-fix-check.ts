// Drives quick-fix unit tests: runs the rules over a small set of files (indexed together),
// lists the fixes of one rule's finding, applies a fix and checks it strictly: its rule reports
// nothing at the fixed place and nothing it did not report before, and no new error or warning of
// any rule appears in any file.
import assert from 'node:assert/strict';
import type { DocumentRole } from '../../server/src/rules/types';
import { parseFile } from '../../server/src/model';
import type { FileModel, Span } from '../../server/src/model';
import { defaultSettings } from '../../server/src/protocol';
import type { KubeStatefulSettings } from '../../server/src/protocol';
import { composeSchema, loadSchema, readCrd } from '../../server/src/schema';
import { quickFixesFor } from '../../server/src/features/code-actions';
import type { FileEdit, QuickFix } from '../../server/src/features/code-actions';
import { runRules } from '../../server/src/rules/run-rules';
import type { Finding } from '../../server/src/rules/types';
import { applyEdits } from './apply-edits';
import { indexForFixture } from './fixture-index';

const schema = loadSchema();

/** File texts by uri; a plain string is one file at `mainUri`. */
export type Files = Readonly<Record<string, string>>;

export const mainUri = 'file:///test/a.yaml';

export interface CheckOptions {
  /** The file whose findings are fixed (`mainUri` by default). */
  readonly uri?: string;
  readonly settings?: KubeStatefulSettings;
  /** The role of the main file's documents (a kustomize patch, …); `object` by default. */
  readonly role?: DocumentRole;
}

function filesOf(input: Files | string): Files {
  return typeof input === 'string' ? { [mainUri]: input } : input;
}

/** Every finding of every file, with the quick fixes of the findings in the checked file. */
export function analyse(
  input: Files | string,
  options: CheckOptions = {},
): { findings: Map<string, Finding[]>; fixes: QuickFix[] } {
  const uri = options.uri ?? mainUri;
  const models: FileModel[] = Object.entries(filesOf(input)).map(([fileUri, text]) =>
    parseFile(fileUri, 1, text),
  );
  // The files are a workspace: their CRDs give their custom resources a schema.
  const crds = models.flatMap((model) =>
    model.documents.flatMap((document) => readCrd(model.uri, document) ?? []),
  );
  const ruleOptions = {
    schema: composeSchema(schema, crds),
    settings: options.settings ?? defaultSettings,
    index: indexForFixture(models),
    roleOf: () => options.role ?? 'object',
  };
  const findings = new Map(models.map((model) => [model.uri, runRules(model, ruleOptions)]));
  const model = models.find((candidate) => candidate.uri === uri)!;
  const fixes = quickFixesFor(model, findings.get(uri) ?? [], {
    ...ruleOptions,
    modelOf: (other) => models.find((candidate) => candidate.uri === other),
  });
  return { findings, fixes };
}

/** The fixes offered for the first finding of `ruleId`. */
export function fixesFor(
  input: Files | string,
  ruleId: string,
  options: CheckOptions = {},
): QuickFix[] {
  const fixesOfRule = analyse(input, options).fixes.filter((fix) => fix.finding.ruleId === ruleId);
  assert.ok(fixesOfRule.length > 0, `no finding of ${ruleId} with fixes`);
  const first = fixesOfRule[0]!.finding;
  return fixesOfRule.filter((fix) => fix.finding === first);
}

/** The files after applying a fix. */
export function applyFix(input: Files | string, fix: QuickFix): Record<string, string> {
  const files = { ...filesOf(input) };
  for (const uri of new Set(fix.edits.map((edit) => edit.uri))) {
    const text = files[uri];
    assert.ok(text !== undefined, `the fix edits an unknown file ${uri}`);
    files[uri] = applyEdits(
      text,
      fix.edits.filter((edit) => edit.uri === uri),
    );
  }
  return files;
}

/**
 * Applies the fix of `ruleId`'s first finding whose title contains `title`, checks it (see
 * checkAppliedFix) and returns the files after the fix for further assertions.
 */
export function checkFix(
  input: Files | string,
  ruleId: string,
  title: string,
  options: CheckOptions = {},
): Record<string, string> {
  const fixes = fixesFor(input, ruleId, options);
  const fix = fixes.find((candidate) => candidate.title.includes(title));
  assert.ok(fix, `no fix titled "${title}"; offered: ${fixes.map((f) => f.title).join(' | ')}`);
  return checkAppliedFix(input, fix, options);
}

const isSerious = (finding: Finding): boolean =>
  finding.severity === 'error' || finding.severity === 'warning';

/**
 * Where `offset` of the text before the edits lies in the text after them, as a range: an offset
 * inside a replaced range may be anywhere in its replacement.
 */
function mapOffset(offset: number, edits: readonly FileEdit[]): Span {
  let shift = 0;
  for (const edit of edits) {
    const [start, end] = edit.span;
    if (end < offset || (end === offset && start < end)) {
      shift += edit.newText.length - (end - start);
    } else if (start < offset && offset < end) {
      return [start + shift, start + shift + edit.newText.length];
    } else if (start === offset && end === offset) {
      // Text inserted right at the offset: the finding may now start before or after it.
      return [offset + shift, offset + shift + edit.newText.length];
    }
  }
  return [offset + shift, offset + shift];
}

/** The 0-based lines [first, last] of `span` in `text`. */
function linesOf(text: string, span: Span): [number, number] {
  const lineAt = (offset: number): number => text.slice(0, offset).split('\n').length - 1;
  return [lineAt(span[0]), lineAt(Math.max(span[0], span[1] - 1))];
}

/** The same finding from another run of the rules over the same text. */
function sameFinding(a: Finding, b: Finding): boolean {
  return (
    a.ruleId === b.ruleId &&
    a.span[0] === b.span[0] &&
    a.span[1] === b.span[1] &&
    a.message === b.message
  );
}

/**
 * The findings after the fix that `keep` accepts and that no finding before it accounts for: the
 * same rule in the same file, starting where the old one's start moved to (messages may change,
 * e.g. a list of known names grows). `fixed` is left out of the old findings.
 */
function newFindings(
  before: Map<string, Finding[]>,
  after: Map<string, Finding[]>,
  editsOf: (uri: string) => readonly FileEdit[],
  keep: (finding: Finding) => boolean,
  fixed?: Finding,
): string[] {
  const fresh: string[] = [];
  for (const [uri, list] of after) {
    const edits = editsOf(uri);
    const old = (before.get(uri) ?? [])
      .filter((finding) => !(fixed !== undefined && sameFinding(finding, fixed)) && keep(finding))
      .map((finding) => ({ finding, at: mapOffset(finding.span[0], edits) }));
    const unmatched: Finding[] = [];
    // First the findings that stayed where they were, then those that moved but kept their
    // message (a finding anchored on the nearest key moves when the fix adds that key).
    for (const finding of list.filter(keep)) {
      const match = old.findIndex(
        (candidate) =>
          candidate.finding.ruleId === finding.ruleId &&
          candidate.at[0] <= finding.span[0] &&
          finding.span[0] <= candidate.at[1],
      );
      if (match >= 0) {
        old.splice(match, 1);
      } else {
        unmatched.push(finding);
      }
    }
    for (const finding of unmatched) {
      const match = old.findIndex(
        (candidate) =>
          candidate.finding.ruleId === finding.ruleId &&
          candidate.finding.message === finding.message,
      );
      if (match >= 0) {
        old.splice(match, 1);
      } else {
        fresh.push(`${uri} ${finding.ruleId}: ${finding.message}`);
      }
    }
  }
  return fresh;
}

/**
 * Applies `fix` and checks it strictly, for every fix in every test:
 * - its rule reports nothing on the lines of the fixed place or on the lines the edits wrote;
 * - its rule reports nothing that no finding before the fix accounts for (the fixed one aside);
 * - no error or warning of any rule appears that no finding before the fix accounts for.
 */
export function checkAppliedFix(
  input: Files | string,
  fix: QuickFix,
  options: CheckOptions = {},
): Record<string, string> {
  const ruleId = fix.finding.ruleId;
  const uri = options.uri ?? mainUri;
  const before = analyse(input, options);
  const files = applyFix(input, fix);
  const after = analyse(files, options);
  const shown = (): string => Object.values(files).join('\n=====\n');
  const editsOf = (file: string): FileEdit[] =>
    fix.edits.filter((edit) => edit.uri === file).sort((a, b) => a.span[0] - b.span[0]);

  const edits = editsOf(uri);
  const fixedText = files[uri]!;
  const touched: Span[] = [
    [mapOffset(fix.finding.span[0], edits)[0], mapOffset(fix.finding.span[1], edits)[1]],
    ...edits.map((edit) => mapOffset(edit.span[0], edits)),
  ];
  const touchedLines = touched.map((span) => linesOf(fixedText, span));
  for (const finding of (after.findings.get(uri) ?? []).filter((f) => f.ruleId === ruleId)) {
    const [first, last] = linesOf(fixedText, finding.span);
    assert.ok(
      !touchedLines.some(([from, to]) => first <= to && last >= from),
      `${ruleId} still reported at the fixed place (line ${first + 1}) after "${fix.title}": ` +
        `${finding.message}\n--- result:\n${shown()}`,
    );
  }
  const ownNew = newFindings(
    before.findings,
    after.findings,
    editsOf,
    (finding) => finding.ruleId === ruleId,
    fix.finding,
  );
  assert.deepEqual(
    ownNew,
    [],
    `"${fix.title}" made ${ruleId} report more\n--- result:\n${shown()}`,
  );
  const seriousNew = newFindings(before.findings, after.findings, editsOf, isSerious, fix.finding);
  assert.deepEqual(
    seriousNew,
    [],
    `"${fix.title}" introduced errors or warnings\n--- result:\n${shown()}`,
  );
  return files;
}
