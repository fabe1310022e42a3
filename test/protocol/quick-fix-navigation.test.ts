// Quick fixes, navigation, hover on references and the outline over stdio, on a workspace whose
// StatefulSet (app.yaml) refers to a Service, ConfigMap and StorageClass in infra.yaml.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CodeAction, Location, LocationLink, MarkupContent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TestClient } from '../support/lsp-client';
import { fileUri, startTestClient } from '../support/lsp-client';

const root = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspaces', 'navigation');
const appUri = fileUri(join(root, 'app.yaml'));
const infraUri = fileUri(join(root, 'infra.yaml'));
const app = readFileSync(join(root, 'app.yaml'), 'utf8');
const infra = readFileSync(join(root, 'infra.yaml'), 'utf8');
let client: TestClient;

/** The line and character of the first occurrence of `needle` (plus `shift` characters). */
function position(text: string, needle: string, shift = 0): { line: number; character: number } {
  const offset = text.indexOf(needle) + shift;
  assert.ok(offset >= shift, `${needle} not found`);
  const document = TextDocument.create('file:///x', 'yaml', 0, text);
  return document.positionAt(offset);
}

function applyAction(text: string, uri: string, action: CodeAction): string {
  const edits = action.edit?.changes?.[uri] ?? [];
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 0, text), edits);
}

before(async () => {
  client = await startTestClient({ rootPath: root });
  await client.indexed(2);
  await client.open(appUri, app);
});

after(async () => {
  await client.shutdown();
});

test('quick fixes are attached to their diagnostic and fix it when applied', async () => {
  const diagnostics = await client.pullDiagnostics(appUri);
  const accessModes = diagnostics.find((d) => d.code === 'claim-access-modes-missing');
  assert.ok(accessModes, JSON.stringify(diagnostics));
  const actions = await client.codeAction(appUri, [accessModes]);
  assert.deepEqual(
    actions.map((action) => action.title),
    ['Add accessModes: [ReadWriteOnce]', 'Disable claim-access-modes-missing for this line'],
  );
  const [fix] = actions;
  assert.equal(fix!.kind, 'quickfix');
  assert.equal(fix!.isPreferred, true);
  assert.deepEqual(fix!.diagnostics, [accessModes]);
  const fixed = applyAction(app, appUri, fix!);
  await client.change(appUri, 2, fixed);
  const after = await client.pullDiagnostics(appUri);
  assert.ok(!after.some((d) => d.code === 'claim-access-modes-missing'), JSON.stringify(after));
  assert.equal(after.length, diagnostics.length - 1, JSON.stringify(after));
  await client.change(appUri, 3, app);
});

test('the headless fix edits the Service in a file that is not open', async () => {
  const diagnostics = await client.pullDiagnostics(appUri);
  const notHeadless = diagnostics.find((d) => d.code === 'sts-service-not-headless');
  assert.ok(notHeadless, JSON.stringify(diagnostics));
  const [fix] = await client.codeAction(appUri, [notHeadless]);
  assert.match(fix!.title, /^Set clusterIP: None on Service "db-headless"/);
  assert.deepEqual(Object.keys(fix!.edit?.changes ?? {}), [infraUri]);
  assert.ok(
    applyAction(infra, infraUri, fix!).includes(
      '    app: db\n  ports:\n    - name: pg\n      port: 5432\n  clusterIP: None\n---',
    ),
  );
});

test('stale diagnostics get no fixes', async () => {
  const diagnostics = await client.pullDiagnostics(appUri);
  const moved = diagnostics
    .filter((d) => d.code === 'claim-access-modes-missing')
    .map((d) => ({
      ...d,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    }));
  assert.deepEqual(await client.codeAction(appUri, moved), []);
});

test('go to definition crosses files: serviceName to the Service in infra.yaml', async () => {
  const at = position(app, 'db-headless', 2);
  const result = (await client.definition(appUri, at.line, at.character)) as (
    Location | LocationLink
  )[];
  assert.equal(result.length, 1);
  const target = result[0]!;
  const uri = 'targetUri' in target ? target.targetUri : target.uri;
  const range = 'targetUri' in target ? target.targetSelectionRange : target.range;
  assert.equal(uri, infraUri);
  assert.deepEqual(range.start, position(infra, 'db-headless'));
});

test('find references from the ConfigMap lists the envFrom in app.yaml', async () => {
  await client.open(infraUri, infra);
  const at = position(infra, 'db-config');
  const references = await client.references(infraUri, at.line, at.character, false);
  assert.deepEqual(references, [
    {
      uri: appUri,
      range: {
        start: position(app, 'db-config'),
        end: position(app, 'db-config', 'db-config'.length),
      },
    },
  ]);
  await client.close(infraUri);
});

test('hover on a reference names the target with namespace and file', async () => {
  const at = position(app, 'fast');
  const hover = await client.hover(appUri, at.line, at.character);
  const value = (hover?.contents as MarkupContent).value;
  assert.match(
    value,
    /^Refers to StorageClass `fast`:\n- \*\*StorageClass\*\* `fast`: `infra.yaml`, line \d+$/,
  );
});

test('document symbols outline the StatefulSet with its container and claim', async () => {
  const symbols = await client.documentSymbol(appUri);
  assert.deepEqual(
    symbols.map((symbol) => [
      symbol.name,
      symbol.detail,
      symbol.children?.map((child) => `${child.name} ${child.detail ?? ''}`),
    ]),
    [['StatefulSet db', 'default', ['db postgres:16', 'data 10Gi · fast']]],
  );
});
