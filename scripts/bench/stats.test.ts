// Unit tests for the benchmark's statistics and target checks (never for measured times).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluate, formatTable } from './report';
import { percentile, summarize } from './stats';

test('percentile uses the nearest rank, so it is always a measured sample', () => {
  const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
  assert.equal(percentile(samples, 50), 5);
  assert.equal(percentile(samples, 95), 10);
  assert.equal(percentile(samples, 90), 9);
  assert.equal(percentile(samples, 0), 1);
  assert.equal(percentile(samples, 100), 10);
  assert.equal(percentile([], 50), undefined);
});

test('p95 of 100 samples is the 95th smallest', () => {
  const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
  assert.equal(percentile(samples, 95), 95);
  assert.equal(percentile(samples, 50), 50);
});

test('summarize reports n, min, p50, p95, max and mean without changing its input', () => {
  const samples = [3, 1, 2];
  assert.deepEqual(summarize(samples), { n: 3, min: 1, p50: 2, p95: 3, max: 3, mean: 2 });
  assert.deepEqual(samples, [3, 1, 2]);
  assert.equal(summarize([]), undefined);
});

test('a target is met only below its p95 bound and within its floor multiple', () => {
  const floors = new Map([['floor', 10]]);
  const target = { p95Below: 50, floorMultiple: 3 };
  const fast = evaluate(
    { name: 'a', unit: 'ms', samples: [20, 25], target, floor: 'floor' },
    floors,
  );
  assert.equal(fast.met, true);
  assert.equal(fast.floorRatio, 2.5);
  const slowRatio = evaluate(
    { name: 'b', unit: 'ms', samples: [40], target, floor: 'floor' },
    floors,
  );
  assert.equal(slowRatio.met, false);
  const none = evaluate({ name: 'c', unit: 'ms', samples: [], target }, floors);
  assert.equal(none.met, undefined);
  assert.equal(none.summary, undefined);
});

test('the table has one row per metric and marks unmet targets', () => {
  const floors = new Map<string, number>();
  const table = formatTable([
    evaluate({ name: 'completion', unit: 'ms', samples: [1, 2], target: { p95Below: 5 } }, floors),
    evaluate({ name: 'memory', unit: 'MB', samples: [300], target: { p95Below: 250 } }, floors),
    evaluate({ name: 'hover', unit: 'ms', samples: [], note: 'not offered' }, floors),
  ]);
  const lines = table.split('\n');
  assert.match(lines[0]!, /^metric\s+n\s+p50\s+p95\s+max/);
  assert.match(lines[2]!, /^completion\s+2\s+1\.00 ms\s+2\.00 ms.*yes$/);
  assert.match(lines[3]!, /^memory\s+1\s+300 MB.*NO$/);
  assert.match(lines[4]!, /^hover\s+0\s+—.*n\/a$/);
  assert.ok(lines.includes('  hover: not offered'));
});
