import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeSettings } from '../../protocol';
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

test('schema-api-version: each serving apiVersion, with the selector for apps/v1', () => {
  const text = `${beta.replace('apps/v1beta1', 'extensions/v1beta1')}---\n${service}`;
  const fixes = fixesFor(text, 'schema-api-version');
  assert.equal(
    fixes[0]!.title,
    'Change apiVersion to apps/v1 and add the spec.selector it requires',
  );
  checkFix(text, 'schema-api-version', 'Change apiVersion to apps/v1');
});
