// Completion through VS Code's own command, at a key and at a value position of a StatefulSet,
// and the snippets at the root of an empty file. Runs once the server announces completion.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import {
  completionItems,
  labelOf,
  openFixture,
  ourExtension,
  positionAfter,
  positionIn,
  replaceText,
  serverCapabilities,
} from './helpers';

describe('completion', function () {
  before(async function () {
    // Completion arrives with the schema work (issue #2); until the server offers it, skip.
    if (!(await serverCapabilities()).completionProvider) {
      this.skip();
    }
  });

  it('offers StatefulSet spec fields at a key position', async () => {
    const document = await openFixture('completion/statefulset.yaml');
    const afterServiceName = positionAfter(document, 'serviceName: db');
    await replaceText(document, new vscode.Range(afterServiceName, afterServiceName), '\n  ');
    const position = new vscode.Position(afterServiceName.line + 1, 2);
    const labels = (await completionItems(document.uri, position)).map(labelOf);
    for (const expected of ['replicas', 'volumeClaimTemplates', 'updateStrategy']) {
      assert.ok(labels.includes(expected), `${expected} missing from ${JSON.stringify(labels)}`);
    }
    assert.ok(!labels.includes('containers'), 'pod spec fields offered in a StatefulSet spec');
  });

  it('offers the allowed values at a value position', async () => {
    const document = await openFixture('completion/statefulset.yaml');
    // Clear the value, leaving the cursor after `podManagementPolicy: `.
    const start = positionIn(
      document,
      'podManagementPolicy: Parallel',
      'podManagementPolicy: '.length,
    );
    await replaceText(document, document.lineAt(start.line).range.with(start), '');
    const labels = (await completionItems(document.uri, start)).map(labelOf);
    for (const expected of ['OrderedReady', 'Parallel']) {
      assert.ok(labels.includes(expected), `${expected} missing from ${JSON.stringify(labels)}`);
    }
  });

  it('offers whole-object snippets with descriptions at the root of an empty file', async function () {
    // Snippets are served by the language server from the extension's snippets/ folder (issue #4).
    if (!existsSync(join(ourExtension().extensionPath, 'snippets'))) {
      this.skip();
    }
    const document = await openFixture('completion/empty.yaml');
    const items = await completionItems(document.uri, new vscode.Position(0, 0));
    const snippets = items.filter((item) => item.kind === vscode.CompletionItemKind.Snippet);
    const bodyOf = (item: vscode.CompletionItem): string =>
      item.insertText instanceof vscode.SnippetString
        ? item.insertText.value
        : String(item.insertText ?? '');
    assert.ok(
      snippets.some((item) => /^kind: StatefulSet$/m.test(bodyOf(item))),
      `no StatefulSet snippet among ${JSON.stringify(snippets.map(labelOf))}`,
    );
    for (const item of snippets) {
      assert.ok(item.detail ?? item.documentation, `snippet ${labelOf(item)} has no description`);
    }
  });
});
