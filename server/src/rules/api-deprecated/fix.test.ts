// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeSettings } from '../../protocol';
import { checkFix, mainUri } from '../../../../test/support/quick-fix-check';

test('api-deprecated: a budget at policy/v1beta1 moves to policy/v1', () => {
  const settings = normalizeSettings({ kubernetesVersion: '1.22' });
  const text = `apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata:
  name: db
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app: db
`;
  const after = checkFix(text, 'api-deprecated', 'Change apiVersion to policy/v1', { settings });
  assert.equal(after[mainUri], text.replace('policy/v1beta1', 'policy/v1'));
});
