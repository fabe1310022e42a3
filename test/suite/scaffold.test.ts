// The scaffold commands in the editor: the prompts are answered through the extension's
// injectable InputProvider (tests cannot click dialogs), the files land in the workspace, the
// main file opens, and a second run whose overwrite question is cancelled changes nothing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InputProvider, QuestionId } from '../../client/src/scaffold/input-provider';
import type { ScaffoldOutcome } from '../../client/src/scaffold/command';
import { activateExtension, fixtureUri } from './helpers';

/** Takes every default (the first item of a pick, the offered text), into `folder`. */
function defaultsInto(folder: string, asked: string[]): InputProvider {
  return {
    pick: <T>(question: { id: QuestionId; items: readonly { value: T }[] }) => {
      asked.push(question.id);
      return Promise.resolve(question.items[0]?.value);
    },
    text: (question) => {
      asked.push(question.id);
      return Promise.resolve(question.id === 'targetFolder' ? folder : question.value);
    },
    conflict: () => {
      asked.push('conflict');
      return Promise.resolve('cancel');
    },
  };
}

async function readFolder(folder: vscode.Uri): Promise<Map<string, string>> {
  const contents = new Map<string, string>();
  for (const [name, type] of await vscode.workspace.fs.readDirectory(folder)) {
    if (type === vscode.FileType.File) {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name));
      contents.set(name, Buffer.from(bytes).toString('utf8'));
    }
  }
  return contents;
}

describe('scaffold commands', () => {
  it('writes the Kafka + ZooKeeper set, opens it, and writes nothing when overwrite is cancelled', async () => {
    const api = await activateExtension();
    const asked: string[] = [];
    api.setInputProvider(defaultsInto('scaffold/kafka-zk', asked));
    try {
      const outcome = await vscode.commands.executeCommand<ScaffoldOutcome>(
        'kubeStateful.scaffoldKafkaZookeeper',
      );
      assert.equal(outcome.status, 'written', `questions asked: ${asked.join(', ')}`);
      assert.ok(asked.includes('targetFolder') && asked.includes('namespace'), asked.join(', '));

      const folder = fixtureUri('scaffold/kafka-zk');
      const written = await readFolder(folder);
      assert.ok(written.has('kustomization.yaml'), [...written.keys()].join(', '));
      for (const name of written.keys()) {
        if (name !== 'kustomization.yaml') {
          assert.match(written.get('kustomization.yaml')!, new RegExp(`^ {2}- ${name}$`, 'm'));
        }
      }
      const opened = vscode.window.activeTextEditor?.document;
      assert.ok(opened && opened.uri.path.startsWith(folder.path), 'the main file is not open');
      assert.match(opened.getText(), /image: apache\/kafka:3\.9\./);

      // Again into the same folder: the conflict question is cancelled, so nothing changes.
      asked.length = 0;
      const again = await vscode.commands.executeCommand<ScaffoldOutcome>(
        'kubeStateful.scaffoldKafkaZookeeper',
      );
      assert.equal(again.status, 'cancelled');
      assert.ok(asked.includes('conflict'), `no overwrite question: ${asked.join(', ')}`);
      assert.deepEqual(await readFolder(folder), written);
    } finally {
      api.setInputProvider(undefined);
    }
  });
});
