// Rendered overlays with the real kustomize (`kubectl kustomize` here; CI installs kubectl): the
// CLI builds each top-level overlay, checks the rendered objects and reports each finding on the
// source line that caused it, once, and kustomize's own errors on the overlay's kustomization.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../support/run-cli';
import { requireKustomize } from '../support/kustomize-binary';

const workspace = resolve(
  __dirname,
  '..',
  '..',
  '..',
  'test',
  'fixtures',
  'workspaces',
  'kustomize-overlays',
);
requireKustomize();

interface JsonFinding {
  readonly path: string;
  readonly line: number;
  readonly ruleId: string;
  readonly severity: string;
  readonly message: string;
}

function lint(folder: string, ...args: string[]): { findings: JsonFinding[]; stderr: string } {
  const result = runCli(['lint', '--format', 'json', ...args, '.'], folder);
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  return {
    findings: (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings,
    stderr: result.stderr,
  };
}

const brief = (findings: readonly JsonFinding[]): string[] =>
  findings.map((f) => `${f.path}:${f.line} ${f.ruleId} ${f.severity}`).sort();

test('the broken overlay is reported on the lines that broke it; the base and the clean overlay are clean', () => {
  const { findings, stderr } = lint(workspace);
  assert.deepEqual(brief(findings), [
    // namePrefix: prod- renames Services and pods, not the host names written in env values.
    'overlays/prod/kustomization.yaml:5 kafka-zookeeper-connect-unresolved warning',
    'overlays/prod/kustomization.yaml:5 zk-servers-mismatch error',
    'overlays/prod/kustomization.yaml:5 zk-servers-mismatch error',
    'overlays/prod/kustomization.yaml:5 zk-servers-mismatch error',
    // replicas: zookeeper count 2.
    'overlays/prod/kustomization.yaml:7 zk-servers-mismatch error',
    // The patch that removed both probes.
    'overlays/prod/no-probes.yaml:11 probe-missing warning',
  ]);
  for (const finding of findings) {
    assert.ok(finding.message.startsWith('in overlay `overlays/prod`: '), finding.message);
  }
  assert.match(
    stderr,
    /kubectl kustomize overlays\/prod: rendered|kustomize build overlays\/prod: rendered/,
  );
  assert.match(stderr, /overlays\/staging: rendered/);
});

test('--no-kustomize renders nothing: the sources alone are clean', () => {
  const { findings, stderr } = lint(workspace, '--no-kustomize');
  assert.deepEqual(findings, []);
  assert.equal(stderr, '');
});

test('a finding the base already has is not reported again for the overlay', () => {
  const root = mkdtempSync(join(tmpdir(), 'kustomize-dedupe-'));
  try {
    cpSync(workspace, root, { recursive: true });
    // Without probes in the base, the base reports probe-missing; the overlay must not repeat it.
    const sts = join(root, 'base', 'zookeeper-statefulset.yaml');
    const text = readFileSync(sts, 'utf8');
    const start = text.indexOf('          readinessProbe:');
    const end = text.indexOf('          securityContext:\n            allowPrivilegeEscalation');
    writeFileSync(sts, text.slice(0, start) + text.slice(end));
    const probes = lint(root).findings.filter((finding) => finding.ruleId === 'probe-missing');
    assert.deepEqual(brief(probes), ['base/zookeeper-statefulset.yaml:57 probe-missing warning']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('when kustomize fails, its error is shown on the overlay’s kustomization', () => {
  const root = mkdtempSync(join(tmpdir(), 'kustomize-failure-'));
  try {
    cpSync(workspace, root, { recursive: true });
    const patch = join(root, 'overlays', 'prod', 'no-probes.yaml');
    writeFileSync(
      patch,
      readFileSync(patch, 'utf8').replace(
        'name: zookeeper\n  namespace',
        'name: zookeepr\n  namespace',
      ),
    );
    const { findings } = lint(root);
    const failed = findings.filter((finding) => finding.ruleId === 'kustomize-build-failed');
    assert.deepEqual(brief(failed), [
      'overlays/prod/kustomization.yaml:1 kustomize-build-failed error',
    ]);
    assert.match(failed[0]!.message, /no resource matches strategic merge patch .*zookeepr/);
    assert.doesNotMatch(failed[0]!.message, /recursed accumulation|must resolve to a file/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a remote base is skipped, never fetched', () => {
  const root = mkdtempSync(join(tmpdir(), 'kustomize-remote-'));
  try {
    writeFileSync(
      join(root, 'kustomization.yaml'),
      'resources:\n  - https://github.com/kubernetes-sigs/kustomize//examples/helloWorld?ref=v5.5.0\n',
    );
    const { findings, stderr } = lint(root);
    assert.deepEqual(findings, []);
    assert.match(stderr, /skipped \.: remote base/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
