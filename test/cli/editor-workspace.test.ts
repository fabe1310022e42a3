// The editor suite's workspace (test/fixtures/workspaces/editor) carries annotations that the
// real-editor tests wait for. Those tests run only in the slower editor step, so a rule whose
// message or range changes could leave them stale until CI; this test checks every annotation
// against the CLI's findings, which come from the same engine, on each `npm test`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { readAnnotations, type ExpectedFinding } from '../support/annotations';
import { runCli } from '../support/run-cli';

const repoRoot = resolve(__dirname, '..', '..', '..');
const workspace = join(repoRoot, 'test', 'fixtures', 'workspaces', 'editor');

interface ReportedFinding {
  readonly path: string;
  readonly ruleId: string;
  /** 1-based, as the CLI prints them. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message: string;
}

function yamlFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

/** Lints the whole workspace (cross-file rules need it) with the given settings. */
function lintWorkspace(settings: Record<string, unknown>): ReportedFinding[] {
  const folder = mkdtempSync(join(tmpdir(), 'editor-workspace-'));
  try {
    const config = join(folder, 'settings.json');
    writeFileSync(config, JSON.stringify(settings));
    const result = runCli(['lint', workspace, '--format', 'json', '--config', config], repoRoot);
    assert.ok(result.status === 0 || result.status === 1, `lint failed: ${result.stderr}`);
    return (JSON.parse(result.stdout) as { findings: ReportedFinding[] }).findings;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function matches(found: ReportedFinding, expected: ExpectedFinding): boolean {
  return (
    found.ruleId === expected.ruleId &&
    found.line - 1 === expected.line &&
    found.column - 1 === expected.startColumn &&
    found.endLine - 1 === expected.endLine &&
    found.endColumn - 1 === expected.endColumn &&
    found.message.includes(expected.message)
  );
}

test('every annotation in the editor workspace names a finding the engine reports', () => {
  const annotated = yamlFiles(workspace)
    .map((path) => ({ path, annotations: readAnnotations(readFileSync(path, 'utf8')) }))
    .filter((file) => file.annotations.expected.length > 0);
  assert.ok(annotated.length >= 20, `only ${annotated.length} annotated files found`);

  const bySettings = new Map<string, ReportedFinding[]>();
  const missing: string[] = [];
  for (const file of annotated) {
    const key = JSON.stringify(file.annotations.settings);
    let findings = bySettings.get(key);
    if (!findings) {
      findings = lintWorkspace(file.annotations.settings);
      bySettings.set(key, findings);
    }
    const shown = relative(repoRoot, file.path);
    const inFile = findings.filter((finding) => resolve(repoRoot, finding.path) === file.path);
    for (const expected of file.annotations.expected) {
      if (!inFile.some((found) => matches(found, expected))) {
        const got = inFile
          .filter((found) => found.ruleId === expected.ruleId)
          .map(
            (found) =>
              `${found.line}:${found.column}-${found.endLine}:${found.endColumn} ${found.message}`,
          );
        missing.push(
          `${shown}:${expected.line + 1} ${expected.ruleId} "${expected.message}"; reported: ${JSON.stringify(got)}`,
        );
      }
    }
  }
  assert.deepEqual(missing, []);
});
