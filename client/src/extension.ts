// Activates the extension on YAML files: starts the language server and registers commands.
// `activate` returns the client so editor tests can await readiness instead of sleeping.
import type { ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createClient } from './client';
import { registerCommands } from './commands';

let client: LanguageClient | undefined;

export interface KubeStatefulApi {
  readonly client: LanguageClient;
}

export async function activate(context: ExtensionContext): Promise<KubeStatefulApi> {
  client = createClient(context);
  registerCommands(context, client);
  await client.start();
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
