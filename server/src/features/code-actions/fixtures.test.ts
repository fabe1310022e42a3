// Every quick fix offered on every bad rule fixture, applied and checked strictly (see
// checkAppliedFix): the finding is gone from the fixed place, its rule reports nothing new, and no
// new error or warning of any rule appears. This covers "disable for this line" for every rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { normalizeSettings } from '../../protocol';
import { rulesWithoutDisable } from '.';
import { readAnnotations } from '../../../../test/support/annotations';
import { analyse, checkAppliedFix } from '../../../../test/support/quick-fix-check';

const fixturesRoot = resolve(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'rules');

for (const ruleId of readdirSync(fixturesRoot)) {
  const files = readdirSync(join(fixturesRoot, ruleId)).filter((name) =>
    /^bad-.*\.ya?ml$/.test(name),
  );
  for (const file of files) {
    test(`quick fixes of ${ruleId}/${file}`, () => {
      const text = readFileSync(join(fixturesRoot, ruleId, file), 'utf8');
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
