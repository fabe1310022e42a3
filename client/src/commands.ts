// Command factories over a small context. Each command is registered once at activation.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { runScaffoldCommand } from './scaffold/command';
import type { InputProvider } from './scaffold/input-provider';

export interface CommandContext {
  readonly extension: vscode.ExtensionContext;
  readonly client: LanguageClient;
  /** Where commands ask their questions; editor tests swap in scripted answers. */
  readonly inputs: { current: InputProvider };
}

type CommandFactory = (context: CommandContext) => (...args: unknown[]) => unknown;

const commands: Record<string, CommandFactory> = {
  'kubeStateful.showOutput':
    ({ client }) =>
    () =>
      client.outputChannel.show(true),
  'kubeStateful.scaffoldKafkaZookeeper':
    ({ client, inputs }) =>
    () =>
      runScaffoldCommand('kafka-zookeeper', client, inputs.current),
  'kubeStateful.scaffoldKafkaKraft':
    ({ client, inputs }) =>
    () =>
      runScaffoldCommand('kafka-kraft', client, inputs.current),
  'kubeStateful.scaffoldKafkaStrimzi':
    ({ client, inputs }) =>
    () =>
      runScaffoldCommand('kafka-strimzi', client, inputs.current),
};

export function registerCommands(context: CommandContext): void {
  for (const [id, factory] of Object.entries(commands)) {
    context.extension.subscriptions.push(vscode.commands.registerCommand(id, factory(context)));
  }
}
