// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, fixesFor, mainUri } from '../../../../test/support/quick-fix-check';

test('schema-type: quotes a number where a string is expected, and offers nothing else', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: busybox:1.36
      env:
        - name: PORT
          value: 8080 # the port
`;
  const titles = fixesFor(text, 'schema-type').map((fix) => fix.title);
  assert.deepEqual(titles, ['Quote the value as "8080"', 'Disable schema-type for this line']);
  assert.match(
    checkFix(text, 'schema-type', 'Quote the value as "8080"')[mainUri]!,
    /\n {10}value: "8080" # the port\n$/,
  );
  // A quoted integer is not fixed by quoting: only the disable action is offered.
  const quotedInteger = text.replace(
    '  containers:',
    '  terminationGracePeriodSeconds: "30"\n  containers:',
  );
  assert.deepEqual(
    fixesFor(quotedInteger, 'schema-type').map((fix) => fix.title),
    ['Disable schema-type for this line'],
  );
});
