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

test('sts-service-not-found: creates the headless Service after the StatefulSet', () => {
  const text = `${statefulSet({ namespace: 'data', replicas: 1 })}---\n${headlessService('other')}`;
  const files = checkFix(text, 'sts-service-not-found', 'Create headless Service "db-headless"');
  const expected = `---
apiVersion: v1
kind: Service
metadata:
  name: db-headless
  namespace: data
  labels:
    app: db
spec:
  clusterIP: None
  selector:
    app: db
  ports:
    - name: pg
      port: 5432
      targetPort: pg
---
apiVersion: v1
kind: Service
metadata:
  name: other
`;
  assert.ok(files[mainUri]!.includes(expected), files[mainUri]);
});

test('sts-service-not-headless: sets clusterIP None on the Service, in its own file', () => {
  const serviceUri = 'file:///test/service.yaml';
  const files = {
    [mainUri]: statefulSet(),
    [serviceUri]: headlessService().replace('  clusterIP: None\n', '  type: ClusterIP # keep\n'),
  };
  const [fix] = fixesFor(files, 'sts-service-not-headless');
  assert.match(
    fix!.title,
    /Set clusterIP: None on Service "db-headless" \(a live Service must be deleted and recreated\)/,
  );
  assert.deepEqual(new Set(fix!.edits.map((edit) => edit.uri)), new Set([serviceUri]));
  const after = checkFix(files, 'sts-service-not-headless', 'Set clusterIP: None');
  assert.match(
    after[serviceUri]!,
    /spec:\n {2}type: ClusterIP # keep\n {2}selector:\n {4}app: db\n {2}ports:\n(.|\n)*clusterIP: None\n$/,
  );
  assert.equal(after[mainUri], files[mainUri]);
  const replaced = checkFix(
    { ...files, [serviceUri]: headlessService().replace('clusterIP: None', 'clusterIP: 10.0.0.7') },
    'sts-service-not-headless',
    'Set clusterIP: None',
  );
  assert.match(replaced[serviceUri]!, /clusterIP: None\n/);
});
