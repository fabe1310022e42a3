// Command factories over a small context. Each command is registered once at activation.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export interface CommandContext {
  readonly extension: vscode.ExtensionContext;
  readonly client: LanguageClient;
}

type CommandFactory = (context: CommandContext) => (...args: unknown[]) => unknown;

const commands: Record<string, CommandFactory> = {
  'kubeStateful.showOutput':
    ({ client }) =>
    () =>
      client.outputChannel.show(true),
};

export function registerCommands(extension: vscode.ExtensionContext, client: LanguageClient): void {
  const context: CommandContext = { extension, client };
  for (const [id, factory] of Object.entries(commands)) {
    extension.subscriptions.push(vscode.commands.registerCommand(id, factory(context)));
  }
}
