// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, fixesFor, mainUri } from '../../../../test/support/quick-fix-check';
import { headlessService, statefulSet } from '../../../../test/support/manifests';

const service = headlessService();

const beta = statefulSet()
  .replace('apps/v1', 'apps/v1beta1')
  .replace('  selector:\n    matchLabels:\n      app: db\n', '');

test('api-removed: apps/v1beta1 moves to apps/v1 and gains the selector it requires', () => {
  const text = `${beta}---\n${service}`;
  const [fix] = fixesFor(text, 'api-removed');
  assert.equal(fix!.title, 'Change apiVersion to apps/v1 and add the spec.selector it requires');
  const after = checkFix(text, 'api-removed', 'Change apiVersion to apps/v1')[mainUri]!;
  assert.ok(after.startsWith('apiVersion: apps/v1\n'));
  assert.ok(
    after.endsWith(`memory: 1Gi\n  selector:\n    matchLabels:\n      app: db\n---\n${service}`),
    after,
  );
});
