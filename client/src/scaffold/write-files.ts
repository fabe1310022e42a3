// Writes a generated set into the workspace as ONE WorkspaceEdit, so a single Undo removes it:
// new files are created and filled, existing ones (only with the user's consent) are replaced.
import * as vscode from 'vscode';
import type { ScaffoldFile } from '../../../server/src/protocol';
import type { WritePlan } from '../../../server/src/scaffold/write-plan';
import { planWrites } from '../../../server/src/scaffold/write-plan';
import type { InputProvider } from './input-provider';

function uriOf(folder: vscode.Uri, path: string): vscode.Uri {
  return vscode.Uri.joinPath(folder, ...path.split('/'));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Decides (asking only when files exist) and writes; undefined when cancelled or nothing was applied. */
export async function writeScaffoldFiles(
  folder: vscode.Uri,
  files: readonly ScaffoldFile[],
  inputs: InputProvider,
): Promise<WritePlan | undefined> {
  const found = await Promise.all(files.map((file) => exists(uriOf(folder, file.path))));
  const existing = files.filter((_, index) => found[index]).map((file) => file.path);
  const choice =
    existing.length > 0
      ? await inputs.conflict(existing, vscode.workspace.asRelativePath(folder))
      : 'overwrite';
  const plan = planWrites(files, existing, choice);
  if (!plan || plan.create.length + plan.overwrite.length === 0) {
    return plan;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const file of plan.create) {
    const uri = uriOf(folder, file.path);
    edit.createFile(uri, { overwrite: false, ignoreIfExists: false });
    edit.insert(uri, new vscode.Position(0, 0), file.content);
  }
  for (const file of plan.overwrite) {
    // Replacing the text (rather than re-creating the file) lets Undo bring the old content back.
    const uri = uriOf(folder, file.path);
    const document = await vscode.workspace.openTextDocument(uri);
    const whole = new vscode.Range(
      document.positionAt(0),
      document.positionAt(document.getText().length),
    );
    edit.replace(uri, whole, file.content);
  }
  if (!(await vscode.workspace.applyEdit(edit))) {
    throw new Error(
      `the workspace edit writing ${files.length} files to ${folder.fsPath} was not applied`,
    );
  }
  // The edit leaves the documents dirty; save them so the files on disk hold the manifests.
  for (const file of [...plan.create, ...plan.overwrite]) {
    const document = await vscode.workspace.openTextDocument(uriOf(folder, file.path));
    await document.save();
  }
  return plan;
}

export { uriOf as scaffoldFileUri };
