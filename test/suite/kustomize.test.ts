// A kustomize patch in the real editor: it gets the checks of the values it sets (here an
// invalid quantity) but never the whole-object ones (schema-required, serviceName, probes), and
// completion inside it offers the kind's fields.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  codeOf,
  completionItems,
  describeDiagnostics,
  diagnosticsWithCode,
  labelOf,
  openFixture,
  ourDiagnostics,
  positionAfter,
  replaceText,
  waitFor,
} from './helpers';

const patchPath = 'kustomize/overlays/prod/memory-patch.yaml';

describe('kustomize patches', () => {
  it('a patch file gets field checks and no schema-required', async () => {
    const document = await openFixture(patchPath);
    await waitFor(
      'invalid-quantity on the patch',
      () => diagnosticsWithCode(document.uri, 'invalid-quantity'),
      () => describeDiagnostics(document.uri),
    );
    const codes = ourDiagnostics(document.uri).map(codeOf);
    assert.deepEqual(codes, ['invalid-quantity'], describeDiagnostics(document.uri));
  });

  it('completion inside a patch offers the StatefulSet fields', async () => {
    const document = await openFixture(patchPath);
    const afterSpec = positionAfter(document, 'spec:');
    await replaceText(document, new vscode.Range(afterSpec, afterSpec), '\n  ');
    const position = new vscode.Position(afterSpec.line + 1, 2);
    const labels = (await completionItems(document.uri, position)).map(labelOf);
    for (const expected of ['replicas', 'serviceName', 'updateStrategy']) {
      assert.ok(labels.includes(expected), `${expected} missing from ${JSON.stringify(labels)}`);
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
