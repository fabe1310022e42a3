// Diagnostics as the editor shows them: the code, range and message the fixture's annotation
// comments announce, updated on edits through a WorkspaceEdit, switched off and on again by the
// `kubeStateful.validate` setting, and refreshed when another file they depend on changes.
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
  ourDiagnostics,
  positionAfter,
  replaceText,
  waitFor,
} from './helpers';

describe('diagnostics', () => {
  before(async () => {
    await activateExtension();
  });

  it('reports a YAML syntax error at its place and clears it once the line is fixed', async () => {
    const document = await openFixture('diagnostics/syntax-error.yaml');
    const { uri } = document;
    const expected = annotatedFindings(document, 'yaml-syntax');

    const found = await waitFor(
      'the annotated yaml-syntax diagnostic',
      () => diagnosticsWithCode(uri, 'yaml-syntax'),
      () => describeDiagnostics(uri),
    );
    assertMatchesAnnotations(found, expected);
    assert.equal(found[0]!.severity, vscode.DiagnosticSeverity.Error);
    assert.match(found[0]!.message, /^YAML syntax error: /);

    const line = positionAfter(document, 'name: settings: broken').line;
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
      () => diagnosticsWithCode(uri, 'yaml-syntax'),
      () => describeDiagnostics(uri),
    );
  });

  it('follows the kubeStateful.validate setting', async () => {
    const document = await openFixture('diagnostics/validate-setting.yaml');
    const { uri } = document;
    await waitFor(
      'a yaml-syntax diagnostic',
      () => diagnosticsWithCode(uri, 'yaml-syntax'),
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
      () => diagnosticsWithCode(uri, 'yaml-syntax'),
      () => describeDiagnostics(uri),
    );
  });

  it("updates a StatefulSet's diagnostics when its Service is created and edited in another file", async () => {
    const statefulSet = await openFixture('cross-file/db-statefulset.yaml');
    const { uri } = statefulSet;
    const expected = annotatedFindings(statefulSet, 'sts-service-not-found');
    const notFound = await waitFor(
      'the annotated sts-service-not-found diagnostic',
      () => diagnosticsWithCode(uri, 'sts-service-not-found'),
      () => describeDiagnostics(uri),
    );
    assertMatchesAnnotations(notFound, expected);

    // A new file on disk (not opened): the workspace index learns it through file events.
    const serviceUri = fixtureUri('cross-file/db-service.yaml');
    const service = [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: db-headless',
      '  namespace: cross-file',
      'spec:',
      '  clusterIP: None',
      '  selector:',
      '    app: db',
      '  ports:',
      '    - name: postgres',
      '      port: 5432',
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(serviceUri, Buffer.from(service));
    await waitFor(
      'sts-service-not-found to go once the Service exists',
      () => (diagnosticsWithCode(uri, 'sts-service-not-found') ? undefined : true),
      () => describeDiagnostics(uri),
    );

    // Editing the open Service so it is no longer headless flags the StatefulSet's serviceName.
    const serviceDocument = await openFixture('cross-file/db-service.yaml');
    const clusterIpLine = positionAfter(serviceDocument, 'clusterIP: None').line;
    await replaceText(
      serviceDocument,
      serviceDocument.lineAt(clusterIpLine).range,
      '  type: ClusterIP',
    );
    const notHeadless = await waitFor(
      'sts-service-not-headless after the Service lost clusterIP: None',
      () => diagnosticsWithCode(uri, 'sts-service-not-headless'),
      () => describeDiagnostics(uri),
    );
    assertMatchesAnnotations(
      notHeadless,
      expected.map((finding) => ({ ...finding, message: 'is not headless' })),
    );
  });
});
