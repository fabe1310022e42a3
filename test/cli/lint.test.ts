// `kube-stateful lint` end to end: the built CLI over a fixture tree, in the three formats, with
// the exit codes 0/1/2 and the workspace skips (node_modules, Helm templates).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../support/run-cli';

const root = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspaces', 'cli-lint');

interface JsonFinding {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  ruleId: string;
  message: string;
}

function lintJson(args: readonly string[]): { status: number | null; findings: JsonFinding[] } {
  const result = runCli(['lint', ...args, '--format', 'json'], root);
  const report = JSON.parse(result.stdout) as { filesChecked: number; findings: JsonFinding[] };
  return { status: result.status, findings: report.findings };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: unknown }[];
}

interface SarifLog {
  version: string;
  $schema: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string } }[] } };
    results: SarifResult[];
  }[];
}

const storageRules = new Set([
  'claim-access-modes-missing',
  'storage-class-not-found',
  'host-path',
  'in-tree-provisioner',
]);

test('a directory is scanned like a workspace: text output, sorted, 1-based, exit 1 on errors', () => {
  const result = runCli(['lint', '.'], root);
  assert.equal(result.status, 1, result.stderr);
  const lines = result.stdout.trimEnd().split('\n');
  const findings = lines.slice(0, -1).filter((line) => storageRules.has(line.split(' ')[2] ?? ''));
  assert.deepEqual(
    findings.map((line) => line.split(' ').slice(0, 3).join(' ')),
    [
      'storage/claims.yaml:6:1 error claim-access-modes-missing',
      'storage/claims.yaml:17:21 warning storage-class-not-found',
      'storage/classes.yaml:6:14 info in-tree-provisioner',
      'storage/local-pv.yaml:11:11 warning host-path',
    ],
  );
  assert.match(findings[1]!, /Did you mean 'fast-ssd'\?/);
  assert.match(lines[lines.length - 1]!, /^8 files checked: /);
  assert.ok(!result.stdout.includes('node_modules'), 'node_modules is skipped');
  assert.ok(!result.stdout.includes('templates/'), 'Helm templates are skipped');
});

test('json output carries positions, severities and messages', () => {
  const { status, findings } = lintJson(['storage']);
  assert.equal(status, 1);
  const claim = findings.find((finding) => finding.ruleId === 'claim-access-modes-missing');
  assert.deepEqual(claim && { ...claim, message: claim.message.slice(0, 48) }, {
    path: 'storage/claims.yaml',
    line: 6,
    column: 1,
    endLine: 6,
    endColumn: 5,
    severity: 'error',
    ruleId: 'claim-access-modes-missing',
    message: "PersistentVolumeClaim 'broken' has no accessMode",
  });
});

test('sarif output is SARIF 2.1.0 with rules, levels and relative locations', () => {
  const result = runCli(['lint', 'storage', '--format', 'sarif'], root);
  assert.equal(result.status, 1);
  const log = JSON.parse(result.stdout) as SarifLog;
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema, /sarif-2\.1\.0/);
  const run = log.runs[0]!;
  assert.equal(run.tool.driver.name, 'kube-stateful');
  const ruleIds = run.tool.driver.rules.map((rule) => rule.id);
  assert.ok(ruleIds.includes('volume-mount-unresolved') && ruleIds.includes('api-removed'));
  for (const rule of run.tool.driver.rules) {
    assert.ok(rule.shortDescription.text.length > 0, `${rule.id} has a description`);
  }
  const info = run.results.find((r) => r.ruleId === 'in-tree-provisioner')!;
  assert.equal(info.level, 'note');
  assert.equal(info.ruleIndex, ruleIds.indexOf('in-tree-provisioner'));
  assert.match(info.message.text, /pd\.csi\.storage\.gke\.io/);
  assert.deepEqual(info.locations[0]!.physicalLocation, {
    artifactLocation: { uri: 'storage/classes.yaml' },
    region: { startLine: 6, startColumn: 14, endLine: 6, endColumn: 34 },
  });
  const levels = new Set(run.results.map((r) => r.level));
  assert.ok(levels.has('error') && levels.has('warning'));
});

test('exit code 0 without errors, and --max-severity lowers the bar', () => {
  assert.equal(runCli(['lint', 'clean'], root).status, 0);
  assert.match(runCli(['lint', 'clean'], root).stdout, /^2 files checked, no findings\.$/m);
  assert.equal(runCli(['lint', 'storage/local-pv.yaml'], root).status, 0);
  assert.equal(
    runCli(['lint', 'storage/local-pv.yaml', '--max-severity', 'warning'], root).status,
    1,
  );
  assert.equal(runCli(['lint', 'storage/classes.yaml'], root).status, 0);
  assert.equal(runCli(['lint', 'storage/classes.yaml', '--max-severity', 'info'], root).status, 1);
});

test('a single file is checked against the index of the given paths only', () => {
  // Without classes.yaml no StorageClass is known, so the misspelt class cannot be judged.
  const alone = lintJson(['storage/claims.yaml']);
  assert.ok(!alone.findings.some((finding) => finding.ruleId === 'storage-class-not-found'));
  const both = lintJson(['storage/claims.yaml', 'storage/classes.yaml']);
  assert.ok(both.findings.some((finding) => finding.ruleId === 'storage-class-not-found'));
});

test('--kubernetes-version and --config settings reach the rules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kube-stateful-cli-'));
  try {
    writeFileSync(
      join(dir, 'pdb.yaml'),
      'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: zk\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: zk\n',
    );
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ 'kubeStateful.rules': { 'api-removed': 'warning' } }),
    );
    const at = (version: string): string[] =>
      (
        JSON.parse(
          runCli(['lint', 'pdb.yaml', '--format', 'json', '--kubernetes-version', version], dir)
            .stdout,
        ) as { findings: JsonFinding[] }
      ).findings
        .filter((finding) => finding.ruleId.startsWith('api-'))
        .map((finding) => `${finding.severity} ${finding.ruleId}`);
    assert.deepEqual(at('1.20'), []);
    assert.deepEqual(
      at('1.22').filter((f) => f.includes('api-')),
      ['warning api-deprecated'],
    );
    assert.deepEqual(
      at('1.25').filter((f) => f.includes('api-')),
      ['error api-removed'],
    );
    const configured = runCli(
      ['lint', 'pdb.yaml', '--format', 'json', '--config', 'settings.json'],
      dir,
    );
    assert.ok(
      (JSON.parse(configured.stdout) as { findings: JsonFinding[] }).findings.some(
        (finding) => finding.ruleId === 'api-removed' && finding.severity === 'warning',
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad usage and unreadable input exit with 2 and say why', () => {
  const cases: [string[], RegExp][] = [
    [['lint', '--format', 'xml'], /--format must be one of text, json, sarif/],
    [['lint', '--max-severity', 'fatal'], /--max-severity must be one of/],
    [['lint', '--kubernetes-version', 'latest'], /--kubernetes-version must look like 1\.29/],
    [['lint', '--no-such-option'], /Unknown option '--no-such-option'/],
    [['lint', 'missing.yaml'], /cannot read missing\.yaml: no such file or directory/],
    [['lint', '--config', 'nowhere.json'], /cannot read the settings file nowhere\.json/],
    [['lint', '--config', 'storage/classes.yaml'], /is not valid JSON/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ];
  for (const [args, message] of cases) {
    const result = runCli(args, root);
    assert.equal(result.status, 2, `${args.join(' ')} exits with 2`);
    assert.match(result.stderr, message);
  }
  const help = runCli(['lint', '--help'], root);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Usage: kube-stateful lint/);
});

test('a file given alone takes its namespace from the kustomization beside it', () => {
  const { findings } = lintJson(['kustomized/app.yaml']);
  assert.deepEqual(
    findings.filter((finding) => finding.ruleId === 'rwo-claim-shared').map((f) => f.line),
    [34],
  );
});
