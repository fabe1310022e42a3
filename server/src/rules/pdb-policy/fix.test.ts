// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, fixesFor, mainUri } from '../../../../test/support/quick-fix-check';

const budget = (policy: string): string => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: db
spec:
${policy}  selector:
    matchLabels:
      app: db
`;

test('pdb-policy: both set offers keeping either; neither set adds maxUnavailable', () => {
  const both = budget('  minAvailable: 2\n  maxUnavailable: 1\n');
  const titles = fixesFor(both, 'pdb-policy').map((fix) => fix.title);
  assert.deepEqual(titles.slice(0, 2), [
    'Keep maxUnavailable (remove minAvailable)',
    'Keep minAvailable (remove maxUnavailable)',
  ]);
  assert.equal(
    checkFix(both, 'pdb-policy', 'Keep maxUnavailable')[mainUri],
    budget('  maxUnavailable: 1\n'),
  );
  assert.equal(
    checkFix(both, 'pdb-policy', 'Keep minAvailable')[mainUri],
    budget('  minAvailable: 2\n'),
  );
  const neither = checkFix(budget(''), 'pdb-policy', 'Set maxUnavailable: 1')[mainUri]!;
  assert.match(neither, /matchLabels:\n {6}app: db\n {2}maxUnavailable: 1\n$/);
});
