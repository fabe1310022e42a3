// The two scaffold commands: ask, let the server generate, write through one WorkspaceEdit,
// then open the Kafka StatefulSet and reveal the folder in the Explorer.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ScaffoldVariant } from '../../../server/src/protocol';
import { scaffoldRequest, storageClassNamesRequest } from '../../../server/src/protocol';
import { describePlan } from '../../../server/src/scaffold/write-plan';
import type { InputProvider } from './input-provider';
import { askScaffoldOptions } from './prompts';
import { chooseTargetFolder } from './target-folder';
import { scaffoldFileUri, writeScaffoldFiles } from './write-files';

/** What a scaffold run ended with, returned by the command for tests and callers. */
export type ScaffoldOutcome =
  | { readonly status: 'cancelled' }
  | {
      readonly status: 'written';
      readonly folder: vscode.Uri;
      readonly written: readonly string[];
      readonly skipped: readonly string[];
    };

export async function runScaffoldCommand(
  variant: ScaffoldVariant,
  client: LanguageClient,
  inputs: InputProvider,
): Promise<ScaffoldOutcome> {
  const folder = await chooseTargetFolder(inputs);
  if (!folder) {
    return { status: 'cancelled' };
  }
  const storageClasses = await client.sendRequest(storageClassNamesRequest);
  const options = await askScaffoldOptions(variant, inputs, storageClasses);
  if (!options) {
    return { status: 'cancelled' };
  }
  const result = await client.sendRequest(scaffoldRequest, options);
  if (result.errors.length > 0) {
    // The prompts validate every answer, so this means client and server disagree: say so plainly.
    const detail = result.errors.map((issue) => issue.message).join(' ');
    void vscode.window.showErrorMessage(`Kube Stateful: cannot scaffold: ${detail}`);
    return { status: 'cancelled' };
  }
  const plan = await writeScaffoldFiles(folder, result.files, inputs);
  if (!plan) {
    return { status: 'cancelled' };
  }
  const main = scaffoldFileUri(folder, result.mainFile);
  await vscode.window.showTextDocument(main, { preview: false });
  await vscode.commands.executeCommand('revealInExplorer', folder);
  void vscode.window.showInformationMessage(
    `Kube Stateful: ${describePlan(plan, vscode.workspace.asRelativePath(folder))}`,
  );
  for (const warning of result.warnings) {
    void vscode.window.showWarningMessage(`Kube Stateful: ${warning}`);
  }
  return {
    status: 'written',
    folder,
    written: [...plan.create, ...plan.overwrite].map((file) => file.path),
    skipped: plan.skip,
  };
}
