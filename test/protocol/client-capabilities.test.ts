// Editors other than VS Code, played over stdio by their capability sets: Neovim 0.10 (pull
// diagnostics without refresh support), clients without snippets, without workspace folders
// (rootUri only) and without workspace/configuration (Helix, Emacs eglot in some setups).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ClientCapabilities, Diagnostic } from 'vscode-languageserver/node';
import type { TestClient } from '../support/lsp-client';
import { fileUri, startTestClient } from '../support/lsp-client';
import { waitUntil } from '../support/wait-until';

const fixture = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspaces');
const roots: string[] = [];
const clients: TestClient[] = [];

function workspaceCopy(name: string): string {
  const root = mkdtempSync(join(tmpdir(), 'kube-stateful-client-'));
  cpSync(join(fixture, name), root, { recursive: true });
  roots.push(root);
  return root;
}

const until = <T>(
  client: TestClient,
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
): Promise<T> => waitUntil(what, probe, { timeoutMs: 10_000, detail: () => client.stderr() });

/** Neovim 0.10's built-in client, trimmed to what matters here: pull without refresh. */
const neovimCapabilities: ClientCapabilities = {
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    completion: { completionItem: { snippetSupport: true } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    diagnostic: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
  workspace: { configuration: true, workspaceFolders: true },
  window: { workDoneProgress: true },
};

/** A client with neither snippets, pull diagnostics, workspace folders nor configuration. */
const plainCapabilities: ClientCapabilities = {
  textDocument: {
    completion: { completionItem: { snippetSupport: false } },
    hover: { contentFormat: ['plaintext'] },
  },
};

/**
 * What an editor like Neovim shows for a file: the last pulled report (it pulls on open and on
 * change when the server offers pull diagnostics) next to the last pushed one. Neovim keeps the
 * two in separate namespaces and shows both, so a server must use only one of them per client.
 */
function shownDiagnostics(client: TestClient, pulled: Diagnostic[], uri: string): Diagnostic[] {
  return [...pulled, ...(client.pushed.get(uri) ?? [])];
}

const codesOf = (diagnostics: Diagnostic[]): string[] =>
  diagnostics.map((diagnostic) => String(diagnostic.code)).sort();

after(async () => {
  await Promise.all(clients.map((client) => client.shutdown()));
  for (const root of roots) {
    rmSync(root, { recursive: true, force: true });
  }
});

test('Neovim 0.10 (pull, no refresh support) sees cross-file findings and settings without typing', async () => {
  const root = workspaceCopy('sts-service');
  let rules: Record<string, string> = {};
  const client = await startTestClient({
    rootPath: root,
    capabilities: neovimCapabilities,
    configuration: () => ({ rules }),
  });
  clients.push(client);
  const uri = fileUri(join(root, 'statefulset.yaml'));
  // Neovim opens the file and pulls at once, typically before the workspace scan is done.
  await client.open(uri, readFileSync(join(root, 'statefulset.yaml'), 'utf8'));
  const offersPull = client.capabilities.diagnosticProvider !== undefined;
  const pulled = offersPull ? await client.pullDiagnostics(uri) : [];

  // The StatefulSet's Service is in service.yaml and is not headless: that needs the index.
  const settled = await until(client, 'the cross-file finding', () => {
    const shown = codesOf(shownDiagnostics(client, pulled, uri));
    return shown.includes('sts-service-not-headless') ? shown : undefined;
  });
  assert.ok(!settled.includes('sts-service-not-found'), settled.join(', '));
  // Each finding once: never a pulled and a pushed copy side by side.
  assert.deepEqual(settled, [...new Set(settled)], settled.join(', '));

  // A settings change reaches the editor without an edit.
  rules = { 'sts-service-not-headless': 'off' };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await until(client, 'the settings to apply', () =>
    codesOf(shownDiagnostics(client, pulled, uri)).includes('sts-service-not-headless')
      ? undefined
      : true,
  );
});

test('a client without snippet support gets plain completion text', async () => {
  const client = await startTestClient({ capabilities: plainCapabilities });
  clients.push(client);
  const uri = 'untitled:plain.yaml';
  await client.open(uri, 'apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  \n');
  const items = await client.completion(uri, 3, 2);
  assert.ok(items.length > 0);
  for (const item of items) {
    assert.notEqual(item.insertTextFormat, 2, item.label);
    const text = item.textEdit?.newText ?? item.insertText ?? '';
    assert.ok(!/\$\{?\d/.test(text), `${item.label}: ${text}`);
  }
});

test('a client without workspace folders or configuration: rootUri and pushed settings', async () => {
  const root = workspaceCopy('sts-service');
  const client = await startTestClient({
    rootPath: root,
    workspaceFolders: false,
    capabilities: plainCapabilities,
  });
  clients.push(client);
  const uri = fileUri(join(root, 'statefulset.yaml'));
  await client.open(uri, readFileSync(join(root, 'statefulset.yaml'), 'utf8'));
  assert.equal(client.capabilities.diagnosticProvider, undefined);
  await until(client, 'the cross-file finding', () =>
    codesOf(client.pushed.get(uri) ?? []).includes('sts-service-not-headless') ? true : undefined,
  );
  // Without workspace/configuration, settings come in the notification itself (Helix, eglot).
  await client.connection.sendNotification('workspace/didChangeConfiguration', {
    settings: { kubeStateful: { rules: { 'sts-service-not-headless': 'off' } } },
  });
  await until(client, 'the pushed settings to apply', () =>
    codesOf(client.pushed.get(uri) ?? []).includes('sts-service-not-headless') ? undefined : true,
  );
});

test('every command in package.json bin starts with a node shebang (npm install -g)', () => {
  // Other editors start `kube-stateful-language-server --stdio` from the PATH; without the
  // shebang the shell ran the bundle as a shell script.
  const manifest = JSON.parse(
    readFileSync(resolve(fixture, '..', '..', '..', 'package.json'), 'utf8'),
  ) as {
    bin: Record<string, string>;
  };
  assert.ok(Object.keys(manifest.bin).includes('kube-stateful-language-server'));
  for (const [name, path] of Object.entries(manifest.bin)) {
    const head = readFileSync(resolve(fixture, '..', '..', '..', path), 'utf8').slice(0, 20);
    assert.ok(head.startsWith('#!/usr/bin/env node\n'), `${name}: ${JSON.stringify(head)}`);
  }
});
