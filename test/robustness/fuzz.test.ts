// A short seeded fuzz run over stdio as part of `npm test` (scripts/fuzz/): random incremental
// edits of real manifests among every request, open/close, file events and settings changes.
// The long runs and their figures are in docs/reliability.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runFuzz } from '../../scripts/fuzz/fuzz';

// Seed 3 reproduces the stale duplicate-key message of issue 15 when that fix is undone.
for (const seed of [1, 3]) {
  test(`fuzz: seed ${seed}, 1,500 operations`, async () => {
    const result = await runFuzz({ seed, ops: 1500 });
    assert.equal(result.ops, 1500);
    assert.ok(result.edits > 300 && result.freshChecks > 20, JSON.stringify(result));
  });
}
