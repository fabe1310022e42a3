// Drives quick-fix unit tests: runs the rules over a small set of files (indexed together),
// lists the fixes of one rule's finding, applies a fix and checks that its finding is gone and
// that no new error or warning appeared anywhere.
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

/** File texts by uri; a plain string is one file at `file:///test/a.yaml`. */
export type Files = Readonly<Record<string, string>>;

export const mainUri = 'file:///test/a.yaml';

function filesOf(input: Files | string): Files {
  return typeof input === 'string' ? { [mainUri]: input } : input;
}

function modelsOf(files: Files): FileModel[] {
  return Object.entries(files).map(([uri, text]) => parseFile(uri, 1, text));
}

/** Every finding of every file, with the quick fixes of the findings in `uri`. */
export function analyse(
  input: Files | string,
  uri = mainUri,
  settings: KubeStatefulSettings = defaultSettings,
): { findings: Map<string, Finding[]>; fixes: QuickFix[] } {
  const files = filesOf(input);
  const models = modelsOf(files);
  const index = indexForFixture(models);
  const options = { schema, settings, index };
  const findings = new Map(models.map((model) => [model.uri, runRules(model, options)]));
  const model = models.find((candidate) => candidate.uri === uri)!;
  const fixes = quickFixesFor(model, findings.get(uri) ?? [], {
    ...options,
    modelOf: (other) => models.find((candidate) => candidate.uri === other),
  });
  return { findings, fixes };
}

/** The fixes offered for the (first) finding of `ruleId` in `uri`. */
export function fixesFor(input: Files | string, ruleId: string, uri = mainUri): QuickFix[] {
  const { fixes } = analyse(input, uri);
  const fixesOfRule = fixes.filter((fix) => fix.finding.ruleId === ruleId);
  assert.ok(fixesOfRule.length > 0, `no finding of ${ruleId} with fixes in ${uri}`);
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

function serious(findings: Map<string, Finding[]>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [uri, list] of findings) {
    for (const finding of list) {
      if (finding.severity === 'error' || finding.severity === 'warning') {
        const key = `${uri} ${finding.ruleId}: ${finding.message}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/**
 * Applies the fix of `ruleId`'s first finding whose title contains `title`, then checks that the
 * rule reports fewer findings and nothing new of severity error or warning appeared.
 * Returns the files after the fix for further assertions.
 */
export function checkFix(
  input: Files | string,
  ruleId: string,
  title: string,
  uri = mainUri,
): Record<string, string> {
  const before = analyse(input, uri);
  const fixes = fixesFor(input, ruleId, uri);
  const fix = fixes.find((candidate) => candidate.title.includes(title));
  assert.ok(fix, `no fix titled "${title}"; offered: ${fixes.map((f) => f.title).join(' | ')}`);
  const files = applyFix(input, fix);
  const after = analyse(files, uri);
  const count = (result: typeof before): number =>
    [...result.findings.values()].flat().filter((finding) => finding.ruleId === ruleId).length;
  assert.ok(
    count(after) < count(before),
    `${ruleId} still reported after "${fix.title}":\n${files[uri]}`,
  );
  const old = serious(before.findings);
  for (const [key, number] of serious(after.findings)) {
    assert.ok(
      number <= (old.get(key) ?? 0),
      `"${fix.title}" introduced ${key}\n--- result:\n${Object.values(files).join('\n=====\n')}`,
    );
  }
  return files;
}
