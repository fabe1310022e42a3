// Activates the extension on YAML files: starts the language server and registers commands.
// `activate` returns the client so editor tests can await readiness instead of sleeping, and
// lets them answer the scaffold commands' questions through their own InputProvider.
import type { ExtensionContext } from 'vscode';
import { workspace } from 'vscode';
import { workspaceTrustedNotification } from '../../server/src/protocol';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createClient } from './client';
import { registerCommands } from './commands';
import type { TopologyPanelState, TopologySnapshot } from './commands/topology-panel';
import type { InputProvider } from './scaffold/input-provider';
import { windowInputProvider } from './scaffold/input-provider';

let client: LanguageClient | undefined;

export interface KubeStatefulApi {
  readonly client: LanguageClient;
  /** Routes the commands' questions to `provider`; without one, back to the real UI. */
  setInputProvider(provider?: InputProvider): void;
  /** What the topology panel shows, while it is open. */
  topology(): TopologySnapshot | undefined;
}

export async function activate(context: ExtensionContext): Promise<KubeStatefulApi> {
  client = createClient(context);
  const inputs = { current: windowInputProvider };
  const topology: TopologyPanelState = {};
  registerCommands({ extension: context, client, inputs, topology });
  await client.start();
  context.subscriptions.push(
    workspace.onDidGrantWorkspaceTrust(() =>
      client?.sendNotification(workspaceTrustedNotification),
    ),
  );
  return {
    client,
    setInputProvider: (provider) => {
      inputs.current = provider ?? windowInputProvider;
    },
    topology: () => topology.snapshot,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
