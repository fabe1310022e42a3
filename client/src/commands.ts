// Command factories over a small context. Each command is registered once at activation.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { runScaffoldCommand } from './scaffold/command';
import type { InputProvider } from './scaffold/input-provider';
import {
  applyQuickFixCommand,
  openLocationCommand,
  showTopologyCommand,
} from '../../server/src/protocol';
import type { TopologyPanelState } from './commands/topology-panel';
import { showTopology } from './commands/topology-panel';

export interface CommandContext {
  readonly extension: vscode.ExtensionContext;
  readonly client: LanguageClient;
  /** Where commands ask their questions; editor tests swap in scripted answers. */
  readonly inputs: { current: InputProvider };
  /** The topology panel, if open, and what it shows. */
  readonly topology: TopologyPanelState;
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
  [openLocationCommand]:
    ({ client }) =>
    (uri, range) =>
      openLocation(client, uri, range),
  [applyQuickFixCommand]:
    ({ client }) =>
    (uri, range, ruleId) =>
      applyQuickFix(client, uri, range, ruleId),
  [showTopologyCommand]:
    ({ client, topology }) =>
    (uri, line) =>
      showTopology(client, topology, uri, line),
};

/** Opens `uri` with `range` (an LSP range, as the server's code lens sends it) selected. */
async function openLocation(client: LanguageClient, uri: unknown, range: unknown): Promise<void> {
  if (typeof uri !== 'string') {
    return;
  }
  const selection = client.protocol2CodeConverter.asRange(
    range as Parameters<typeof client.protocol2CodeConverter.asRange>[0],
  );
  await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection });
}

/**
 * Runs the quick fix for rule `ruleId` in `range`: the code actions the server offers there, the
 * first one fixing a diagnostic with that code (not the "Disable …" action).
 */
async function applyQuickFix(
  client: LanguageClient,
  uri: unknown,
  range: unknown,
  ruleId: unknown,
): Promise<void> {
  if (typeof uri !== 'string' || typeof ruleId !== 'string') {
    return;
  }
  const documentUri = vscode.Uri.parse(uri);
  const codeRange = client.protocol2CodeConverter.asRange(
    range as Parameters<typeof client.protocol2CodeConverter.asRange>[0],
  );
  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      documentUri,
      codeRange,
      vscode.CodeActionKind.QuickFix.value,
    )) ?? [];
  const fix = actions.find(
    (action) =>
      !action.title.startsWith('Disable ') &&
      (action.diagnostics ?? []).some((diagnostic) => diagnostic.code === ruleId),
  );
  if (!fix) {
    void vscode.window.showInformationMessage(
      `No quick fix for ${ruleId} here yet; see the diagnostic.`,
    );
    return;
  }
  if (fix.edit) {
    await vscode.workspace.applyEdit(fix.edit);
  }
  if (fix.command) {
    await vscode.commands.executeCommand(
      fix.command.command,
      ...((fix.command.arguments ?? []) as unknown[]),
    );
  }
}

export function registerCommands(context: CommandContext): void {
  for (const [id, factory] of Object.entries(commands)) {
    context.extension.subscriptions.push(vscode.commands.registerCommand(id, factory(context)));
  }
}
