// Completion in a custom resource through VS Code's own command: the CRD is another file of the
// workspace (completion/custom-resource/backups-crd.yaml), found by the workspace index.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  completionItems,
  labelOf,
  openFixture,
  positionAfter,
  replaceText,
  serverCapabilities,
} from './helpers';

describe('custom resources', function () {
  before(async function () {
    assert.ok(
      (await serverCapabilities()).completionProvider,
      'the language server announces no completionProvider',
    );
  });

  it("offers the properties of the resource's CRD under spec", async () => {
    const document = await openFixture('completion/custom-resource/backup.yaml');
    const afterTarget = positionAfter(document, 'target: s3');
    await replaceText(document, new vscode.Range(afterTarget, afterTarget), '\n  ');
    const position = new vscode.Position(afterTarget.line + 1, 2);
    // The CRD arrives with the workspace scan, which may still be running: ask until it has.
    const deadline = Date.now() + 20_000;
    let labels: string[] = [];
    while (Date.now() < deadline) {
      labels = (await completionItems(document.uri, position)).map(labelOf);
      if (labels.includes('retentionDays')) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(
      labels.includes('retentionDays'),
      `retentionDays missing from ${JSON.stringify(labels)}`,
    );
    assert.ok(!labels.includes('containers'), 'fields of another kind offered');
  });
});
