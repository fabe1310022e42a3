// Builds the LanguageClient: which documents it serves, which files it watches, and how the
// server process is started (IPC; with an inspector port when debugging).
import * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { readSettings } from './config';

export function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6011'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'vscode-remote', language: 'yaml' },
    ],
    synchronize: {
      configurationSection: 'kubeStateful',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}'),
        vscode.workspace.createFileSystemWatcher('**/kustomization.{yaml,yml}'),
      ],
    },
    // The server renders kustomize overlays only in a trusted workspace.
    initializationOptions: {
      settings: readSettings(),
      workspaceTrusted: vscode.workspace.isTrusted,
    },
  };
  return new LanguageClient('kubeStateful', 'Kube Stateful', serverOptions, clientOptions);
}
