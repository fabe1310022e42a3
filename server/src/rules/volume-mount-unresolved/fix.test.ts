// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, fixesFor, mainUri } from '../../../../test/support/quick-fix-check';
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

test('volume-mount-unresolved: rename to the closest name, or add a volumeClaimTemplate', () => {
  const text = `${statefulSet({ container: mount('dta'), specTail: claimTemplate })}---\n${service}`;
  const titles = fixesFor(text, 'volume-mount-unresolved').map((fix) => fix.title);
  assert.deepEqual(titles, [
    "Change to 'data'",
    "Add volumeClaimTemplate 'dta' (ReadWriteOnce, 10Gi)",
    'Disable volume-mount-unresolved for this line',
  ]);
  assert.match(
    checkFix(text, 'volume-mount-unresolved', "Change to 'data'")[mainUri]!,
    /- name: data\n {14}mountPath/,
  );
  const added = checkFix(text, 'volume-mount-unresolved', "Add volumeClaimTemplate 'dta'")[
    mainUri
  ]!;
  assert.ok(
    added.endsWith(
      `${claimTemplate}    - metadata:\n        name: dta\n      spec:\n        accessModes:\n          - ReadWriteOnce\n        resources:\n          requests:\n            storage: 10Gi\n---\n${service}`,
    ),
    added,
  );
  // Without any claim template, the list itself is created.
  const none = checkFix(
    `${statefulSet({ container: mount('cache') })}---\n${service}`,
    'volume-mount-unresolved',
    'Add volumeClaimTemplate',
  )[mainUri]!;
  assert.match(none, /postgresql\n {2}volumeClaimTemplates:\n {4}- metadata:\n {8}name: cache\n/);
});
