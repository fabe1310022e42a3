// Every quick-fix family through VS Code's own commands, one small file per case in
// quick-fixes/ (its annotation comment says which finding it shows): wait for the diagnostic,
// collect the actions on its range, apply the one with the expected title, and expect the
// finding gone with no new error or warning in the file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readAnnotations } from '../support/annotations';
import {
  activateExtension,
  annotatedFindings,
  assertMatchesAnnotations,
  checkEach,
  describeDiagnostics,
  diagnosticsWithCode,
  fixtureUri,
  openFixture,
  quickFixesAt,
  seriousDiagnostics,
  waitFor,
} from './helpers';

interface QuickFixCase {
  /** The case file in quick-fixes/; each file is used by one case only, so cases never interfere. */
  readonly file: string;
  readonly rule: string;
  /** The action's exact title. */
  readonly title: string;
  /** What the file shows once the fix is applied. */
  readonly shows: RegExp;
}

const cases: readonly QuickFixCase[] = [
  {
    file: 'selector-mismatch-add-labels.yaml',
    rule: 'selector-mismatch',
    title: "Add the selector's labels to the pod template",
    shows: /^ {8}app: api\n {8}tier: backend$/m,
  },
  {
    file: 'selector-mismatch-change-selector.yaml',
    rule: 'selector-mismatch',
    title: "Change spec.selector to select the pod template's labels",
    shows: /^ {4}matchLabels:\n {6}app: api\n {2}template:$/m,
  },
  {
    file: 'sts-service-not-found.yaml',
    rule: 'sts-service-not-found',
    title: 'Create headless Service "db" for this StatefulSet',
    shows: /^---\napiVersion: v1\nkind: Service\n[^]*^ {2}clusterIP: None$/m,
  },
  {
    file: 'sts-service-not-headless.yaml',
    rule: 'sts-service-not-headless',
    title: 'Set clusterIP: None on Service "db" (a live Service must be deleted and recreated)',
    shows: /^ {2}clusterIP: None$/m,
  },
  {
    file: 'pdb-missing.yaml',
    rule: 'pdb-missing',
    title: 'Add PodDisruptionBudget "api-pdb" (maxUnavailable: 1) for these pods',
    shows: /^kind: PodDisruptionBudget\nmetadata:\n {2}name: api-pdb$/m,
  },
  {
    file: 'pdb-policy-keep-one.yaml',
    rule: 'pdb-policy',
    title: 'Keep maxUnavailable (remove minAvailable)',
    shows: /^spec:\n {2}maxUnavailable: 1$/m,
  },
  {
    file: 'anti-affinity-missing.yaml',
    rule: 'anti-affinity-missing',
    title: 'Add a preferred podAntiAffinity on kubernetes.io/hostname',
    shows: /podAntiAffinity:\n {10}preferredDuringSchedulingIgnoredDuringExecution:/,
  },
  {
    file: 'anti-affinity-selector-mismatch.yaml',
    rule: 'anti-affinity-selector-mismatch',
    title: "Make the labelSelector select the pod's own labels",
    shows: /labelSelector:\n(#.*\n)? {18}matchLabels:\n {20}app: api$/m,
  },
  {
    file: 'volume-mount-rename.yaml',
    rule: 'volume-mount-unresolved',
    title: "Change to 'data'",
    shows: /^ {12}- name: data\n/m,
  },
  {
    file: 'volume-mount-add-claim.yaml',
    rule: 'volume-mount-unresolved',
    title: "Add volumeClaimTemplate 'wal' (ReadWriteOnce, 10Gi)",
    shows: /^ {4}- metadata:\n {8}name: wal$/m,
  },
  {
    file: 'claim-access-modes-missing.yaml',
    rule: 'claim-access-modes-missing',
    title: 'Add accessModes: [ReadWriteOnce]',
    shows: /^ {2}accessModes:\n {4}- ReadWriteOnce$/m,
  },
  {
    file: 'claim-storage-missing.yaml',
    rule: 'claim-storage-missing',
    title: 'Add a storage request (resources.requests.storage: 10Gi)',
    shows: /^ {6}storage: 10Gi$/m,
  },
  {
    // The file's `# settings:` line sets kubernetesVersion 1.21, when batch/v1beta1 was deprecated.
    file: 'api-deprecated.yaml',
    rule: 'api-deprecated',
    title: 'Change apiVersion to batch/v1',
    shows: /^apiVersion: batch\/v1$/m,
  },
  {
    file: 'api-removed.yaml',
    rule: 'api-removed',
    title: 'Change apiVersion to apps/v1 and add the spec.selector it requires',
    shows: /^apiVersion: apps\/v1\n[^]*^ {2}selector:\n {4}matchLabels:\n {6}app: db$/m,
  },
  {
    file: 'schema-unknown-field.yaml',
    rule: 'schema-unknown-field',
    title: 'Rename `replica` to `replicas`',
    shows: /^ {2}replicas: 1$/m,
  },
  {
    file: 'schema-enum.yaml',
    rule: 'schema-enum',
    title: 'Change to `Parallel`',
    shows: /^ {2}podManagementPolicy: Parallel$/m,
  },
  {
    file: 'yaml-boolean-string.yaml',
    rule: 'yaml-boolean-string',
    title: 'Quote the value as "yes"',
    shows: /^ {2}debug: "yes"$/m,
  },
  {
    file: 'invalid-quantity.yaml',
    rule: 'invalid-quantity',
    title: 'Change to `10Gi`',
    shows: /^ {6}storage: 10Gi$/m,
  },
  {
    file: 'disable-for-line.yaml',
    rule: 'probe-missing',
    title: 'Disable probe-missing for this line',
    shows: /^ {8}# kube-stateful-disable-next-line probe-missing\n {8}- name: api$/m,
  },
];

/** Runs `body` with the case file's `# settings:` applied to the workspace, then restores them. */
async function withSettings(settings: Record<string, unknown>, body: () => Promise<void>) {
  const section = vscode.workspace.getConfiguration('kubeStateful');
  const keys = Object.keys(settings);
  for (const key of keys) {
    await section.update(key, settings[key], vscode.ConfigurationTarget.Workspace);
  }
  try {
    await body();
  } finally {
    for (const key of keys) {
      await section.update(key, undefined, vscode.ConfigurationTarget.Workspace);
    }
  }
}

const caseTimeoutMs = 10_000;

async function checkQuickFix(fixture: QuickFixCase): Promise<void> {
  const document = await openFixture(`quick-fixes/${fixture.file}`);
  const { uri } = document;
  const found = await waitFor(
    `the annotated ${fixture.rule} diagnostic`,
    () => diagnosticsWithCode(uri, fixture.rule),
    () => describeDiagnostics(uri),
    caseTimeoutMs,
  );
  assertMatchesAnnotations(found, annotatedFindings(document, fixture.rule));
  const before = seriousDiagnostics(uri);

  const actions = await quickFixesAt(uri, found[0]!.range);
  const fix = actions.find((action) => action.title === fixture.title);
  const offered = actions.map((action) => action.title);
  assert.ok(
    fix?.edit,
    `no action "${fixture.title}" with an edit among ${JSON.stringify(offered)}`,
  );
  assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
  assert.ok(await vscode.workspace.applyEdit(fix.edit), `the edit of "${fix.title}" was refused`);
  assert.match(document.getText(), fixture.shows);

  await waitFor(
    `${fixture.rule} to go after "${fixture.title}"`,
    () => (diagnosticsWithCode(uri, fixture.rule) ? undefined : true),
    () => describeDiagnostics(uri),
    caseTimeoutMs,
  );
  for (const [key, count] of seriousDiagnostics(uri)) {
    assert.ok(
      count <= (before.get(key) ?? 0),
      `"${fixture.title}" brought a new diagnostic: ${key}\n${document.getText()}`,
    );
  }
}

describe('quick fixes', () => {
  before(async () => {
    await activateExtension();
  });

  it('applies every quick-fix family and leaves no new error or warning', async function () {
    // Each case settles in well under a second; the budget lets a few failing cases time out
    // (10 s each) and still be reported together.
    this.timeout(120_000);
    await checkEach(
      cases,
      (fixture) => `${fixture.file} "${fixture.title}"`,
      async (fixture) => {
        const file = fixtureUri(`quick-fixes/${fixture.file}`);
        const text = Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8');
        await withSettings(readAnnotations(text).settings, () => checkQuickFix(fixture));
      },
    );
  });
});
