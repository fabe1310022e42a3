// Every quick fix offered on every bad rule fixture, applied and checked strictly (see
// checkAppliedFix): the finding is gone from the fixed place, its rule reports nothing new, and no
// new error or warning of any rule appears. This covers "disable for this line" for every rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeSettings } from '../../protocol';
import { rulesWithoutDisable } from '.';
import { readAnnotations } from '../../../../test/support/annotations';
import { analyse, checkAppliedFix } from '../../../../test/support/quick-fix-check';
import {
  ruleCaseFiles,
  ruleCasesFolder,
  ruleIdsWithCases,
} from '../../../../test/support/rule-cases';

for (const ruleId of ruleIdsWithCases()) {
  const files = ruleCaseFiles(ruleId).filter((name) => name.startsWith('bad-'));
  for (const file of files) {
    test(`quick fixes of ${ruleId}/${file}`, () => {
      const text = readFileSync(join(ruleCasesFolder(ruleId), file), 'utf8');
      const annotations = readAnnotations(text);
      const settings = normalizeSettings(annotations.settings);
      // The fixture's own uri, as the rule fixture runner uses: paths it names resolve there.
      const uri = `file:///fixtures/${ruleId}/${file}`;
      const options = { settings, role: annotations.role, uri };
      const input = { [uri]: text };
      const own = analyse(input, options).fixes.filter((fix) => fix.finding.ruleId === ruleId);
      const disable = own.some((fix) => fix.title === `Disable ${ruleId} for this line`);
      assert.equal(disable, !rulesWithoutDisable.includes(ruleId), 'disable action for the rule');
      for (const fix of own) {
        checkAppliedFix(input, fix, options);
      }
    });
  }
}
