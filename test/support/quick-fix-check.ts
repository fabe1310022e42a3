// Drives quick-fix unit tests: runs the rules over a small set of files (indexed together),
// lists the fixes of one rule's finding, applies a fix and checks that its finding is gone and
// that no new error or warning appeared anywhere.
import type { DocumentRole } from '../../server/src/rules/types';
import assert from 'node:assert/strict';
import { parseFile } from '../../server/src/model';
import type { FileModel } from '../../server/src/model';
import { defaultSettings } from '../../server/src/protocol';
import type { KubeStatefulSettings } from '../../server/src/protocol';
import { loadSchema } from '../../server/src/schema';
import { quickFixesFor } from '../../server/src/features/code-actions';
import type { QuickFix } from '../../server/src/features/code-actions';
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
  /**
   * Strict (the default): no new error or warning of any rule may appear. Otherwise only the
   * fixed rule is watched, for inputs where a fix lets other rules see more (a kind typo fixed).
   */
  readonly strict?: boolean;
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
  const ruleOptions = {
    schema,
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

function serious(findings: Map<string, Finding[]>, only?: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [uri, list] of findings) {
    for (const finding of list) {
      if (
        (finding.severity === 'error' || finding.severity === 'warning') &&
        (only === undefined || finding.ruleId === only)
      ) {
        const key = `${uri} ${finding.ruleId}: ${finding.message}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  return counts;
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

/** Applies `fix`: its rule must report less, and nothing new of severity error or warning. */
export function checkAppliedFix(
  input: Files | string,
  fix: QuickFix,
  options: CheckOptions = {},
): Record<string, string> {
  const ruleId = fix.finding.ruleId;
  const before = analyse(input, options);
  const files = applyFix(input, fix);
  const after = analyse(files, options);
  const shown = (): string => Object.values(files).join('\n=====\n');
  const count = (result: typeof before): number =>
    [...result.findings.values()].flat().filter((finding) => finding.ruleId === ruleId).length;
  assert.ok(
    count(after) < count(before),
    `${ruleId} still reported after "${fix.title}":\n${shown()}`,
  );
  const watched = options.strict === false ? ruleId : undefined;
  const old = serious(before.findings, watched);
  if (watched === undefined) {
    for (const [key, number] of serious(after.findings)) {
      assert.ok(
        number <= (old.get(key) ?? 0),
        `"${fix.title}" introduced ${key}\n--- result:\n${shown()}`,
      );
    }
  }
  return files;
}
