// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, fixesFor, mainUri } from '../../../../test/support/quick-fix-check';
import { headlessService, statefulSet } from '../../../../test/support/manifests';

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
