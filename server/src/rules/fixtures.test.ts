// Runs every rule fixture case under server/src/rules/<rule-id>/cases/: the findings of that rule
// (and of any other rule the file annotates) must match the file's annotations exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile, offsetToPosition } from '../model';
import { normalizeSettings } from '../protocol';
import { composeSchema, loadSchema, readCrd } from '../schema';
import { readAnnotations } from '../../../test/support/annotations';
import { indexForFixture } from '../../../test/support/fixture-index';
import { ruleCaseFiles, ruleCasesFolder, ruleIdsWithCases } from '../../../test/support/rule-cases';
import { allRules } from './registry';
import { runRules } from './run-rules';

const schema = loadSchema();

function describeFinding(finding: {
  ruleId: string;
  line: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  message: string;
}): string {
  const end =
    finding.endLine === finding.line
      ? `${finding.endColumn}`
      : `+${finding.endLine - finding.line}:${finding.endColumn}`;
  return `${finding.line + 1}:${finding.startColumn}-${end} ${finding.ruleId}: ${finding.message}`;
}

// No cases folder at all throws here: no fixtures must never mean zero tests that all pass.
const folders = ruleIdsWithCases();

test('every folder with cases is named after a registered rule', () => {
  const ids = new Set(allRules.map((rule) => rule.id));
  for (const folder of folders) {
    assert.ok(ids.has(folder), `server/src/rules/${folder}/cases matches no rule id`);
  }
});

for (const ruleId of folders) {
  for (const file of ruleCaseFiles(ruleId)) {
    test(`${ruleId}/${file}`, () => {
      const text = readFileSync(join(ruleCasesFolder(ruleId), file), 'utf8');
      const { expected, settings, role } = readAnnotations(text);
      if (file.startsWith('bad-')) {
        assert.ok(
          expected.some((finding) => finding.ruleId === ruleId),
          'a bad- fixture must annotate a finding',
        );
      } else if (file.startsWith('ok-')) {
        assert.ok(
          expected.every((finding) => finding.ruleId !== ruleId),
          'an ok- fixture must not expect its own rule',
        );
      } else {
        assert.fail('fixture names start with ok- or bad-');
      }
      const model = parseFile(`file:///fixtures/${ruleId}/${file}`, 1, text);
      const checked = new Set([ruleId, ...expected.map((finding) => finding.ruleId)]);
      const actual = runRules(model, {
        // A fixture is a workspace of one file: its CRDs give its custom resources a schema.
        schema: composeSchema(
          schema,
          model.documents.flatMap((document) => readCrd(model.uri, document) ?? []),
        ),
        settings: normalizeSettings(settings),
        index: indexForFixture([model]),
        roleOf: () => role,
      })
        .filter((finding) => checked.has(finding.ruleId))
        .map((finding) => {
          const start = offsetToPosition(model, finding.span[0]);
          const end = offsetToPosition(model, finding.span[1]);
          return {
            ruleId: finding.ruleId,
            line: start.line,
            startColumn: start.character,
            endLine: end.line,
            endColumn: end.character,
            message: finding.message,
          };
        });
      const unmatched = [...actual];
      const missing = expected.filter((want) => {
        const at = unmatched.findIndex(
          (got) =>
            got.ruleId === want.ruleId &&
            got.line === want.line &&
            got.startColumn === want.startColumn &&
            got.endLine === want.endLine &&
            got.endColumn === want.endColumn &&
            got.message.includes(want.message),
        );
        if (at >= 0) {
          unmatched.splice(at, 1);
          return false;
        }
        return true;
      });
      assert.deepEqual(
        { missing: missing.map(describeFinding), unexpected: unmatched.map(describeFinding) },
        { missing: [], unexpected: [] },
      );
    });
  }
}
