// Completion through VS Code's own command, at a key and at a value position of a StatefulSet,
// and every whole-object snippet (with its description) at the root of an empty file. A server
// that does not announce completion, or a build without snippets, fails here instead of skipping.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/** The fields of a VS Code snippet-file entry this test reads. */
interface SnippetEntry {
  readonly prefix: readonly string[];
  readonly description: string;
  readonly context?: string;
}

describe('completion', function () {
  before(async function () {
    assert.ok(
      (await serverCapabilities()).completionProvider,
      'the language server announces no completionProvider',
    );
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

  it('offers every whole-object snippet with its description at the root of an empty file', async () => {
    // Snippets are served by the language server from the extension's snippets/ folder.
    const folder = join(ourExtension().extensionPath, 'snippets');
    assert.ok(existsSync(folder), `the extension ships no snippets folder at ${folder}`);
    const expected = new Map<string, string>();
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.json'))) {
      const snippets = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Record<
        string,
        SnippetEntry
      >;
      for (const snippet of Object.values(snippets)) {
        // Fragment snippets (probes, volumes, …) belong under a key, never at the root.
        for (const prefix of snippet.context === 'root' ? snippet.prefix : []) {
          expected.set(prefix, snippet.description);
        }
      }
    }
    assert.ok(expected.size > 0, `no root snippet in ${folder}`);

    const document = await openFixture('completion/empty.yaml');
    const items = await completionItems(document.uri, new vscode.Position(0, 0));
    const snippets = items.filter((item) => item.kind === vscode.CompletionItemKind.Snippet);
    const offered = new Map(snippets.map((item) => [labelOf(item), item]));
    assert.deepEqual([...offered.keys()].sort(), [...expected.keys()].sort());
    for (const [prefix, description] of expected) {
      const item = offered.get(prefix)!;
      assert.equal(item.detail, description, `description of ${prefix}`);
      const preview =
        typeof item.documentation === 'string' ? item.documentation : item.documentation?.value;
      assert.match(preview ?? '', /^```yaml\n[^]*\bkind: /, `preview of ${prefix}`);
    }
    assert.ok(
      snippets.some(
        (item) =>
          item.insertText instanceof vscode.SnippetString &&
          /^kind: StatefulSet$/m.test(item.insertText.value),
      ),
      'no StatefulSet snippet',
    );
  });
});
