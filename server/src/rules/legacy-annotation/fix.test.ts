// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFix, mainUri } from '../../../../test/support/quick-fix-check';
import { ruleCasesFolder } from '../../../../test/support/rule-cases';

const fixture = (name: string): string =>
  readFileSync(join(ruleCasesFolder('legacy-annotation'), name), 'utf8').replace(/^#.*\n/gm, '');

test('init containers move from the annotation into spec.initContainers', () => {
  // One annotation at a time: the check looks at the fixed line, where the next one would move up.
  const fixed = checkFix(
    fixture('bad-init-containers.yaml').replace(
      /^ +scheduler\.alpha\.kubernetes\.io\/affinity.*\n/m,
      '',
    ),
    'legacy-annotation',
    'Move the 1 init container to spec.initContainers',
  )[mainUri]!;
  assert.doesNotMatch(fixed, /init-containers/);
  assert.match(
    fixed,
    /\n {6}initContainers:\n {8}- name: install\n {10}image: "busybox:1\.36"\n {10}command:\n {12}- sh\n {12}- "-c"\n {12}- "echo install"\n/,
  );
});

test('the affinity annotation becomes spec.affinity', () => {
  const fixed = checkFix(
    fixture('bad-init-containers.yaml').replace(
      /^ +pod\.beta\.kubernetes\.io\/init-containers.*\n/m,
      '',
    ),
    'legacy-annotation',
    'Move the affinity to spec.affinity',
  )[mainUri]!;
  assert.doesNotMatch(fixed, /scheduler\.alpha/);
  assert.match(
    fixed,
    /\n {6}affinity:\n {8}podAntiAffinity:\n {10}requiredDuringSchedulingIgnoredDuringExecution:\n/,
  );
});

test('tolerate-unready-endpoints becomes publishNotReadyAddresses: true', () => {
  const fixed = checkFix(
    fixture('bad-tolerate-unready.yaml'),
    'legacy-annotation',
    'Replace with spec.publishNotReadyAddresses: true',
  )[mainUri]!;
  assert.doesNotMatch(fixed, /annotations/);
  assert.match(fixed, /\n {2}publishNotReadyAddresses: true\n/);
});

test('the alpha storage-class annotation is removed, the beta one becomes storageClassName', () => {
  const alpha = checkFix(
    fixture('bad-alpha-storage-class.yaml'),
    'legacy-annotation',
    'Remove the ignored annotation',
  )[mainUri]!;
  assert.match(alpha, /- metadata:\n {8}name: datadir\n {6}spec:\n/);
  const beta = checkFix(
    fixture('bad-beta-storage-class.yaml'),
    'legacy-annotation',
    'Replace with spec.storageClassName: fast',
  )[mainUri]!;
  assert.doesNotMatch(beta, /volume\.beta/);
  assert.match(beta, /\n {2}storageClassName: fast\n/);
});
