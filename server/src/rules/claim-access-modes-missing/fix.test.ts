// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, mainUri } from '../../../../test/support/quick-fix-check';
import { headlessService, statefulSet } from '../../../../test/support/manifests';

const service = headlessService();

const claimTemplate = `  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: 5Gi
`;

const mount = (name: string): string =>
  `          volumeMounts:\n            - name: ${name}\n              mountPath: /var/lib/postgresql\n`;

const claim = (spec: string): string => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
${spec}`;

test('claim-access-modes-missing: completes a PVC and a volumeClaimTemplate', () => {
  const pvc = claim('  resources:\n    requests:\n      storage: 1Gi\n');
  assert.equal(
    checkFix(pvc, 'claim-access-modes-missing', 'Add accessModes: [ReadWriteOnce]')[mainUri],
    `${pvc}  accessModes:\n    - ReadWriteOnce\n`,
  );
  const template = claimTemplate.replace('        accessModes: [ReadWriteOnce]\n', '');
  const text = `${statefulSet({ container: mount('data'), specTail: template })}---\n${service}`;
  assert.ok(
    checkFix(text, 'claim-access-modes-missing', 'Add accessModes')[mainUri]!.includes(
      '            storage: 5Gi\n        accessModes:\n          - ReadWriteOnce\n---',
    ),
  );
});
