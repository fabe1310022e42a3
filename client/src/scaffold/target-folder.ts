// Where the scaffold writes: a workspace folder (asked when there are several) and a relative
// folder inside it, `k8s/kafka` by default.
import * as vscode from 'vscode';
import { checkRelativeFolder } from '../../../server/src/scaffold/option-checks';
import type { InputProvider } from './input-provider';

export const defaultTargetFolder = 'k8s/kafka';

export async function chooseTargetFolder(inputs: InputProvider): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showErrorMessage(
      'Kube Stateful: open a folder first; the scaffold writes into the workspace.',
    );
    return undefined;
  }
  const workspaceFolder =
    folders.length === 1
      ? folders[0]
      : await inputs.pick({
          id: 'workspaceFolder',
          title: 'Scaffold Kafka: workspace folder',
          placeholder: 'Which workspace folder gets the manifests?',
          items: folders.map((folder) => ({
            label: folder.name,
            description: folder.uri.fsPath,
            value: folder,
          })),
        });
  if (!workspaceFolder) {
    return undefined;
  }
  const relative = await inputs.text({
    id: 'targetFolder',
    title: 'Scaffold Kafka: target folder',
    prompt: `Folder inside ${workspaceFolder.name} for the manifests`,
    value: defaultTargetFolder,
    validate: checkRelativeFolder,
  });
  if (relative === undefined) {
    return undefined;
  }
  return vscode.Uri.joinPath(
    workspaceFolder.uri,
    ...relative
      .trim()
      .split(/[\\/]+/)
      .filter(Boolean),
  );
}
