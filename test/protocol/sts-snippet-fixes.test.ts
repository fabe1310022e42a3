// The `sts` snippet in the examples workspace, as a person meets it: inserted into a new file it
// leaves only the two warnings about its missing companions (no StorageClass guess), and the
// quick fixes that add them are offered where the snippet leaves the cursor, first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import type { CodeAction, CompletionItem, TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { expandSnippet, parseSnippet } from '../../server/src/features/snippets';
import type { TestClient } from '../support/lsp-client';
import { fileUri, startTestClient } from '../support/lsp-client';

const examples = resolve(__dirname, '..', '..', '..', 'examples');
// A new file beside the examples (never written to disk): their StorageClasses are in the index.
const uri = fileUri(join(examples, 'new-statefulset.yaml'));
let client: TestClient;

before(async () => {
  client = await startTestClient({ rootPath: examples });
  await client.indexed(1, 15_000);
});

after(async () => {
  await client.shutdown();
});

/** The text the editor inserts for `sts` with every placeholder left at its default. */
async function insertedSts(): Promise<string> {
  await client.open(uri, '');
  const items = await client.completion(uri, 0, 0);
  const sts = items.find((item: CompletionItem) => item.label === 'sts');
  assert.ok(sts, 'sts is offered in an empty file');
  return expandSnippet(parseSnippet((sts.textEdit as TextEdit).newText));
}

function apply(text: string, actions: readonly CodeAction[]): string {
  const edits = actions.flatMap((action) => action.edit?.changes?.[uri] ?? []);
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 0, text), edits);
}

test('a fresh sts leaves only its Service and PDB warnings, fixed from where the cursor ends', async () => {
  const text = await insertedSts();
  assert.doesNotMatch(text, /^\s*storageClassName:/m);
  await client.change(uri, 2, text);
  const diagnostics = await client.pullDiagnostics(uri);
  assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['pdb-missing', 'sts-service-not-found']);

  // The snippet's final tab stop: the empty line after the object.
  const end = text.split('\n').length - 1;
  const atEnd = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } },
    context: { diagnostics: [] },
  });
  assert.deepEqual(
    atEnd.map((action) => [action.title, action.isPreferred]),
    [
      ['Create headless Service "web-headless" for this StatefulSet', true],
      ['Add PodDisruptionBudget "web-pdb" (maxUnavailable: 1) for these pods', true],
    ],
  );

  // Inside the object the fixes stay on their warnings' lines, so the lightbulb does not follow
  // the cursor through every line of a StatefulSet.
  const inside = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 12, character: 4 }, end: { line: 12, character: 4 } },
    context: { diagnostics: [] },
  });
  assert.deepEqual(inside, []);

  // On the serviceName warning its own fix comes first, and the end-of-object ones are not repeated.
  const service = diagnostics.find((d) => d.code === 'sts-service-not-found')!;
  const onWarning = await client.codeAction(uri, [service]);
  assert.equal(onWarning[0]!.title, 'Create headless Service "web-headless" for this StatefulSet');
  assert.equal(
    onWarning.filter((action) => action.title.startsWith('Create headless Service')).length,
    1,
  );

  // Both fixes applied together leave a clean file.
  const fixed = apply(text, atEnd);
  assert.match(fixed, /kind: Service\n[\s\S]*kind: PodDisruptionBudget\n/);
  await client.change(uri, 3, fixed);
  assert.deepEqual(await client.pullDiagnostics(uri), []);
});
