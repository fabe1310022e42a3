import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, fixesFor, mainUri } from '../../../../test/support/quick-fix-check';

const configMap = (data: string): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n${data}`;

test('schema-unknown-field: renames the key, but not onto a key that exists', () => {
  const text = configMap('    app: c\n').replace('  labels:', '  lables: # typo');
  assert.match(
    checkFix(text, 'schema-unknown-field', 'Rename `lables` to `labels`')[mainUri]!,
    / {2}labels: # typo\n/,
  );
  const taken = configMap('    app: c\n').replace('  labels:', '  Labels: {}\n  labels:');
  const titles = fixesFor(taken, 'schema-unknown-field').map((fix) => fix.title);
  assert.deepEqual(titles, ['Disable schema-unknown-field for this line']);
});

test('schema-enum: one action per allowed value, the suggestion first and preferred', () => {
  const text = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnse]
  resources:
    requests:
      storage: 1Gi
`;
  const fixes = fixesFor(text, 'schema-enum');
  assert.equal(fixes[0]!.title, 'Change to `ReadWriteOnce`');
  assert.equal(fixes[0]!.isPreferred, true);
  assert.ok(fixes.some((fix) => fix.title === 'Change to `ReadWriteMany`'));
  assert.ok(
    checkFix(text, 'schema-enum', 'Change to `ReadWriteOncePod`')[mainUri]!.includes(
      '[ReadWriteOncePod]',
    ),
  );
});

test('yaml-boolean-string and invalid-quantity: quote the value, use the suggested quantity', () => {
  const text = configMap('    enabled: yes # keep\n');
  assert.match(
    checkFix(text, 'yaml-boolean-string', 'Quote the value as "yes"')[mainUri]!,
    /enabled: "yes" # keep/,
  );
  const pvc = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 10GB
`;
  assert.match(checkFix(pvc, 'invalid-quantity', 'Change to `10Gi`')[mainUri]!, /storage: 10Gi\n/);
});

test('schema-unknown-kind: changes to the close kind', () => {
  const text = configMap('    app: c\n').replace('kind: ConfigMap', 'kind: ConfigMpa');
  assert.match(
    checkFix(text, 'schema-unknown-kind', 'Change to `ConfigMap`')[mainUri]!,
    /kind: ConfigMap\n/,
  );
});

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
