// The API version table: internally consistent, and in line with the facts of the Kubernetes
// deprecation guide that the stateful rules depend on most.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiVersionTable, isAtLeast, lookupApiVersion, parseMinorVersion } from './api-versions';

test('versions parse with or without a v prefix and a patch number', () => {
  assert.deepEqual(parseMinorVersion('1.29'), [1, 29]);
  assert.deepEqual(parseMinorVersion('v1.25.0'), [1, 25]);
  assert.equal(parseMinorVersion('latest'), undefined);
  assert.ok(isAtLeast('1.25', '1.25') && isAtLeast('1.100', '1.25') && !isAtLeast('1.9', '1.16'));
});

test('every row is deprecated no later than removed, and each pair appears once', () => {
  const seen = new Set<string>();
  for (const entry of apiVersionTable) {
    const key = `${entry.apiVersion} ${entry.kind}`;
    assert.ok(!seen.has(key), `${key} listed twice`);
    seen.add(key);
    if (entry.deprecatedIn && entry.removedIn) {
      assert.ok(
        isAtLeast(entry.removedIn, entry.deprecatedIn),
        `${key}: removed before deprecated`,
      );
    }
  }
});

test('a replacement is never itself removed by the time the old API is', () => {
  for (const entry of apiVersionTable) {
    if (!entry.replacement || !entry.removedIn) {
      continue;
    }
    const next = lookupApiVersion(entry.replacement, entry.kind);
    assert.ok(
      !next?.removedIn || !isAtLeast(entry.removedIn, next.removedIn),
      `${entry.apiVersion} ${entry.kind} points at ${entry.replacement}, removed in ${next?.removedIn}`,
    );
  }
});

test('the removals stateful workloads meet most', () => {
  const removal = (apiVersion: string, kind: string): string | undefined =>
    lookupApiVersion(apiVersion, kind)?.removedIn;
  assert.equal(removal('apps/v1beta1', 'StatefulSet'), '1.16');
  assert.equal(removal('apps/v1beta2', 'StatefulSet'), '1.16');
  assert.equal(removal('extensions/v1beta1', 'Deployment'), '1.16');
  assert.equal(removal('policy/v1beta1', 'PodDisruptionBudget'), '1.25');
  assert.equal(removal('batch/v1beta1', 'CronJob'), '1.25');
  assert.equal(removal('autoscaling/v2beta1', 'HorizontalPodAutoscaler'), '1.25');
  assert.equal(removal('autoscaling/v2beta2', 'HorizontalPodAutoscaler'), '1.26');
  assert.equal(removal('extensions/v1beta1', 'Ingress'), '1.22');
  assert.equal(removal('storage.k8s.io/v1beta1', 'StorageClass'), '1.22');
  assert.equal(removal('storage.k8s.io/v1beta1', 'CSIStorageCapacity'), '1.27');
  assert.equal(lookupApiVersion('policy/v1beta1', 'PodSecurityPolicy')?.replacement, undefined);
  assert.equal(lookupApiVersion('apps/v1', 'StatefulSet'), undefined);
});
