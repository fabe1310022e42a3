// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, mainUri } from '../../../../test/support/quick-fix-check';
import { headlessService, statefulSet } from '../../../../test/support/manifests';

const service = headlessService();

const spread = `      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                labelSelector:
                  matchLabels:
                    app: db
                topologyKey: kubernetes.io/hostname
`;

test('pdb-missing: adds a policy/v1 budget with the pod labels after the workload', () => {
  const text = `${statefulSet({ replicas: 3, podSpec: spread })}---\n${service}`;
  const files = checkFix(text, 'pdb-missing', 'Add PodDisruptionBudget "db-pdb"');
  assert.ok(
    files[mainUri]!.includes(
      'memory: 1Gi\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: db-pdb\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: db\n---\napiVersion: v1\nkind: Service',
    ),
    files[mainUri],
  );
});
