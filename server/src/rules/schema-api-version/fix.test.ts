// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, fixesFor } from '../../../../test/support/quick-fix-check';
import { headlessService, statefulSet } from '../../../../test/support/manifests';

const service = headlessService();

const beta = statefulSet()
  .replace('apps/v1', 'apps/v1beta1')
  .replace('  selector:\n    matchLabels:\n      app: db\n', '');

test('schema-api-version: each serving apiVersion, with the selector for apps/v1', () => {
  const text = `${beta.replace('apps/v1beta1', 'extensions/v1beta1')}---\n${service}`;
  const fixes = fixesFor(text, 'schema-api-version');
  assert.equal(
    fixes[0]!.title,
    'Change apiVersion to apps/v1 and add the spec.selector it requires',
  );
  checkFix(text, 'schema-api-version', 'Change apiVersion to apps/v1');
});
