// Diagnostics as the editor shows them: the right code and range, updated on edits through a
// WorkspaceEdit, and switched off and on again by the `kubeStateful.validate` setting.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  codeOf,
  describeDiagnostics,
  formatRange,
  openFixture,
  ourDiagnostics,
  replaceText,
  waitFor,
} from './helpers';

function lineOf(document: vscode.TextDocument, needle: string): number {
  const line = document
    .getText()
    .split('\n')
    .findIndex((text) => text.includes(needle));
  assert.ok(line >= 0, `${needle} is not in ${document.uri.path}`);
  return line;
}

function withCode(uri: vscode.Uri, code: string): vscode.Diagnostic[] | undefined {
  const found = ourDiagnostics(uri).filter((diagnostic) => codeOf(diagnostic) === code);
  return found.length > 0 ? found : undefined;
}

describe('diagnostics', () => {
  before(async () => {
    await activateExtension();
  });

  it('reports a YAML syntax error at its place and clears it once the line is fixed', async () => {
    const document = await openFixture('diagnostics/syntax-error.yaml');
    const { uri } = document;
    const line = lineOf(document, 'name: settings: broken');

    const found = await waitFor(
      'a yaml-syntax diagnostic',
      () => withCode(uri, 'yaml-syntax'),
      () => describeDiagnostics(uri),
    );
    assert.equal(found.length, 1, describeDiagnostics(uri));
    const [diagnostic] = found;
    assert.equal(formatRange(diagnostic!.range), `${line}:8-${line}:9`);
    assert.equal(diagnostic!.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic!.message, /^YAML syntax error: /);

    await replaceText(document, document.lineAt(line).range, '  name: settings');
    await waitFor(
      'the diagnostics to clear after the fix',
      () => (ourDiagnostics(uri).length === 0 ? true : undefined),
      () => describeDiagnostics(uri),
    );

    // Breaking the file again brings the diagnostic back: the server follows every change.
    await replaceText(document, document.lineAt(line).range, '  name: [settings');
    await waitFor(
      'a yaml-syntax diagnostic after breaking the file again',
      () => withCode(uri, 'yaml-syntax'),
      () => describeDiagnostics(uri),
    );
  });

  it('follows the kubeStateful.validate setting', async () => {
    const document = await openFixture('diagnostics/validate-setting.yaml');
    const { uri } = document;
    await waitFor(
      'a yaml-syntax diagnostic',
      () => withCode(uri, 'yaml-syntax'),
      () => describeDiagnostics(uri),
    );
    const section = vscode.workspace.getConfiguration('kubeStateful');
    await section.update('validate', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(
        'the diagnostics to clear with validation off',
        () => (ourDiagnostics(uri).length === 0 ? true : undefined),
        () => describeDiagnostics(uri),
      );
    } finally {
      await section.update('validate', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(
      'the diagnostic to come back with validation on',
      () => withCode(uri, 'yaml-syntax'),
      () => describeDiagnostics(uri),
    );
  });
});
