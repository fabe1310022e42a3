// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, mainUri } from '../../../../test/support/quick-fix-check';
import { headlessService, statefulSet } from '../../../../test/support/manifests';

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
