// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, fixesFor, mainUri } from '../../../../test/support/quick-fix-check';
import { headlessService, statefulSet } from '../../../../test/support/manifests';

const service = headlessService();

test('selector-mismatch: copy the selector labels into the template, or the reverse', () => {
  const text = `${statefulSet({ templateLabels: 'app: database\n        tier: data' })}---\n${service}`;
  const titles = fixesFor(text, 'selector-mismatch').map((fix) => fix.title);
  assert.deepEqual(titles, [
    "Add the selector's labels to the pod template",
    "Change spec.selector to select the pod template's labels",
    'Disable selector-mismatch for this line',
  ]);
  const forward = checkFix(text, 'selector-mismatch', "Add the selector's labels")[mainUri]!;
  assert.match(forward, /labels:\n {8}app: db\n {8}tier: data\n/);
  const reverse = checkFix(text, 'selector-mismatch', 'Change spec.selector')[mainUri]!;
  assert.match(reverse, /matchLabels:\n {6}app: database\n {2}template:/);
});

test('selector-mismatch: a selector key the template lacks is removed, an In value is copied', () => {
  const text = statefulSet({ selectorLabels: 'app: db\n      role: primary' });
  const reverse = checkFix(text, 'selector-mismatch', 'Change spec.selector')[mainUri]!;
  assert.match(reverse, /matchLabels:\n {6}app: db\n {2}template:/);
  const withIn = statefulSet().replace(
    '      app: db\n  template',
    '      app: db\n    matchExpressions:\n      - key: tier\n        operator: In\n        values: [data, cache]\n  template',
  );
  const forward = checkFix(withIn, 'selector-mismatch', "Add the selector's labels")[mainUri]!;
  assert.match(forward, /labels:\n {8}app: db\n {8}tier: data\n/);
});
