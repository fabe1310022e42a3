// The quick-fix check itself must catch fixes that only look like progress: a fake fix that
// removes two unknown fields and adds another, one that leaves its finding in place, and one that
// trades its finding for an error of another rule all fail; a real fix passes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../server/src/model';
import type { QuickFix } from '../../server/src/features/code-actions';
import { replaceSpan } from '../../server/src/rules/quick-fix/edits';
import { analyse, checkAppliedFix, checkFix, mainUri } from './quick-fix-check';

const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: c
  lables:
    app: c
  anotations: {}
data:
  a: b
`;

/** A hand-made fix of the first schema-unknown-field finding: replaces each `from` by its `to`. */
function fakeFix(...replacements: [from: string, to: string][]): QuickFix {
  const finding = analyse(text).fixes.find(
    (fix) => fix.finding.ruleId === 'schema-unknown-field',
  )!.finding;
  const model = parseFile(mainUri, 1, text);
  const edits = replacements.map(([from, to]) => {
    const start = text.indexOf(from);
    assert.ok(start >= 0, from);
    return replaceSpan(model, [start, start + from.length], to);
  });
  return { title: 'fake', kind: 'quickfix', finding, edits, isPreferred: false };
}

test('a fake fix that removes two unknown fields and adds another one fails', () => {
  // The new field in place of the old ones: still reported at the fixed place.
  const inPlace = fakeFix(['  lables:\n    app: c\n  anotations: {}\n', '  labelz: {}\n']);
  assert.throws(() => checkAppliedFix(text, inPlace), /still reported at the fixed place/);
  // The new field elsewhere: the rule reports something it did not report before.
  const elsewhere = fakeFix(
    ['  lables:\n    app: c\n  anotations: {}\n', ''],
    ['  a: b\n', '  a: b\nimmutabel: true\n'],
  );
  assert.throws(() => checkAppliedFix(text, elsewhere), /made schema-unknown-field report more/);
});

test('a fake fix that leaves its finding where it was fails', () => {
  const fix = fakeFix(['data:\n', 'data: # fixed\n']);
  assert.throws(() => checkAppliedFix(text, fix), /still reported at the fixed place|report more/);
});

test('a fake fix that trades its finding for an error of another rule fails', () => {
  const fix = fakeFix(['  lables:\n    app: c\n', '  labels:\n    app: c\n  name: twice\n']);
  assert.throws(
    () => checkAppliedFix(text, fix),
    /introduced errors or warnings[\s\S]*duplicate-key/,
  );
});

test('the real rename passes and the other unknown field stays reported', () => {
  const files = checkFix(text, 'schema-unknown-field', 'Rename `lables` to `labels`');
  const after = analyse(files).findings.get(mainUri)!;
  assert.deepEqual(after.filter((finding) => finding.ruleId === 'schema-unknown-field').length, 1);
});
