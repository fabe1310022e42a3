// Quick fixes and navigation through VS Code's own commands: go to definition from a reference
// to the object it names, the outline, and applying a quick fix that edits another file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  annotatedFindings,
  assertMatchesAnnotations,
  describeDiagnostics,
  diagnosticsWithCode,
  fixtureUri,
  openFixture,
  positionAfter,
  positionIn,
  waitFor,
} from './helpers';

type Target = vscode.Location | vscode.LocationLink;

function targetOf(target: Target): { uri: vscode.Uri; range: vscode.Range } {
  return 'targetUri' in target
    ? { uri: target.targetUri, range: target.targetSelectionRange ?? target.targetRange }
    : { uri: target.uri, range: target.range };
}

describe('quick fixes and navigation', () => {
  before(async () => {
    await activateExtension();
  });

  it("goes from a StatefulSet's serviceName to the Service in another file", async () => {
    const statefulSet = await openFixture('navigation/web-statefulset.yaml');
    const targets = await vscode.commands.executeCommand<Target[]>(
      'vscode.executeDefinitionProvider',
      statefulSet.uri,
      positionIn(statefulSet, 'serviceName: web', 'serviceName: '.length + 1),
    );
    const serviceUri = fixtureUri('navigation/web-service.yaml');
    const service = await vscode.workspace.openTextDocument(serviceUri);
    const nameLine = positionAfter(service, '  name: web').line;
    const found = targets.map(targetOf);
    assert.ok(
      found.some(
        (target) =>
          target.uri.toString() === serviceUri.toString() && target.range.start.line === nameLine,
      ),
      `no target on line ${nameLine} of web-service.yaml: ${JSON.stringify(found)}`,
    );
  });

  it('outlines each object as `Kind name`', async () => {
    const statefulSet = await openFixture('navigation/web-statefulset.yaml');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      statefulSet.uri,
    );
    assert.deepEqual(
      symbols.map((symbol) => symbol.name),
      ['StatefulSet web'],
    );
  });

  it('makes the governing Service headless with a quick fix', async () => {
    const statefulSet = await openFixture('navigation/web-statefulset.yaml');
    const { uri } = statefulSet;
    const found = await waitFor(
      'the annotated sts-service-not-headless diagnostic',
      () => diagnosticsWithCode(uri, 'sts-service-not-headless'),
      () => describeDiagnostics(uri),
    );
    assertMatchesAnnotations(found, annotatedFindings(statefulSet, 'sts-service-not-headless'));

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      found[0]!.range,
      vscode.CodeActionKind.QuickFix.value,
      // The server fills in edits on codeAction/resolve; ask VS Code to resolve them.
      10,
    );
    // The command's results carry no diagnostics, so the fix is found by its title.
    const fix = actions.find((action) => action.title.includes('clusterIP: None'));
    const described = actions.map((action) => ({
      title: action.title,
      edit: action.edit !== undefined,
      command: action.command?.command,
    }));
    assert.ok(fix?.edit, `no headless fix with an edit among ${JSON.stringify(described)}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick fix edit was refused');

    const service = await vscode.workspace.openTextDocument(
      fixtureUri('navigation/web-service.yaml'),
    );
    assert.match(service.getText(), /^ {2}clusterIP: None$/m);
    await waitFor(
      'sts-service-not-headless to go after the fix',
      () => (diagnosticsWithCode(uri, 'sts-service-not-headless') ? undefined : true),
      () => describeDiagnostics(uri),
    );
  });
});
