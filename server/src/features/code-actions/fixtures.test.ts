// Every quick fix offered on every bad rule fixture, applied: the finding it fixes is gone and
// its rule reports nothing new. This covers "disable for this line" for every rule. Fixtures
// were written to show one rule, so a fix may let other rules see more (a kind typo fixed):
// those are checked by the strict per-family tests instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { normalizeSettings } from '../../protocol';
import { readAnnotations } from '../../../../test/support/annotations';
import { analyse, checkAppliedFix } from '../../../../test/support/quick-fix-check';

const fixturesRoot = resolve(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'rules');

/** Syntax errors are never silenced: the file does not parse for kubectl either. */
const notSuppressible: ReadonlySet<string> = new Set(['yaml-syntax']);

for (const ruleId of readdirSync(fixturesRoot)) {
  const files = readdirSync(join(fixturesRoot, ruleId)).filter((name) =>
    /^bad-.*\.ya?ml$/.test(name),
  );
  for (const file of files) {
    test(`quick fixes of ${ruleId}/${file}`, () => {
      const text = readFileSync(join(fixturesRoot, ruleId, file), 'utf8');
      const annotations = readAnnotations(text);
      const settings = normalizeSettings(annotations.settings);
      const options = { settings, strict: false, role: annotations.role };
      const own = analyse(text, options).fixes.filter((fix) => fix.finding.ruleId === ruleId);
      const disable = own.some((fix) => fix.title === `Disable ${ruleId} for this line`);
      assert.equal(disable, !notSuppressible.has(ruleId), 'disable action for the rule');
      for (const fix of own) {
        checkAppliedFix(text, fix, options);
      }
    });
  }
}
