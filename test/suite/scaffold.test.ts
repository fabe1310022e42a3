// The scaffold commands in the editor: the prompts are answered through the extension's
// injectable InputProvider (tests cannot click dialogs), the files land in the workspace, the
// main file opens, the written manifests draw no error or warning, and a second run whose
// overwrite question is cancelled changes nothing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InputProvider, QuestionId } from '../../client/src/scaffold/input-provider';
import type { ScaffoldOutcome } from '../../client/src/scaffold/command';
import type { KubeStatefulApi } from '../../client/src/extension';
import { activateExtension, codeOf, fixtureUri, openFixture, ourDiagnostics } from './helpers';

/**
 * Takes every default (the first item of a pick, the offered text), into `folder`, except the
 * texts given in `answers`.
 */
function defaultsInto(
  folder: string,
  asked: string[],
  answers: Partial<Record<QuestionId, string>> = {},
): InputProvider {
  return {
    pick: <T>(question: { id: QuestionId; items: readonly { value: T }[] }) => {
      asked.push(question.id);
      return Promise.resolve(question.items[0]?.value);
    },
    text: (question) => {
      asked.push(question.id);
      return Promise.resolve(
        question.id === 'targetFolder' ? folder : (answers[question.id] ?? question.value),
      );
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

/** A diagnostic of the server's pull report (LSP severities: 1 error, 2 warning). */
interface ReportedDiagnostic {
  readonly severity?: number;
  readonly code?: string | number;
  readonly message: string;
}

/**
 * Opens every written manifest and asks the server for its diagnostics through the running
 * client (the same pull the editor makes), then checks that the editor shows no error or
 * warning either. Returns the serious findings per file, for one readable assertion.
 */
async function seriousFindingsOf(
  api: KubeStatefulApi,
  folder: string,
  names: readonly string[],
): Promise<string[]> {
  const findings: string[] = [];
  for (const name of names.filter((file) => file.endsWith('.yaml'))) {
    const document = await openFixture(`${folder}/${name}`);
    const report = await api.client.sendRequest<{ items?: ReportedDiagnostic[] }>(
      'textDocument/diagnostic',
      { textDocument: { uri: document.uri.toString() } },
    );
    for (const item of report.items ?? []) {
      if (item.severity !== undefined && item.severity <= 2) {
        findings.push(`${name}: ${String(item.code)} ${item.message}`);
      }
    }
    for (const diagnostic of ourDiagnostics(document.uri)) {
      if (diagnostic.severity <= vscode.DiagnosticSeverity.Warning) {
        findings.push(`${name} (editor): ${codeOf(diagnostic)} ${diagnostic.message}`);
      }
    }
  }
  return findings;
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
      assert.deepEqual(await seriousFindingsOf(api, 'scaffold/kafka-zk', [...written.keys()]), []);

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

describe('scaffold commands (KRaft)', () => {
  it('writes the KRaft set with its controller StatefulSet, free of errors and warnings', async () => {
    const api = await activateExtension();
    const asked: string[] = [];
    // Its own namespace, so its objects never meet the ZooKeeper set's in the workspace index.
    api.setInputProvider(defaultsInto('scaffold/kraft', asked, { namespace: 'kraft' }));
    try {
      const outcome = await vscode.commands.executeCommand<ScaffoldOutcome>(
        'kubeStateful.scaffoldKafkaKraft',
      );
      assert.equal(outcome.status, 'written', `questions asked: ${asked.join(', ')}`);
      assert.ok(asked.includes('controllers'), `no controller question: ${asked.join(', ')}`);
      assert.ok(!asked.includes('zookeeperReplicas'), asked.join(', '));

      const folder = fixtureUri('scaffold/kraft');
      const written = await readFolder(folder);
      for (const name of ['kafka-controller-statefulset.yaml', 'kafka-statefulset.yaml']) {
        assert.ok(written.has(name), `${name} missing from ${[...written.keys()].join(', ')}`);
      }
      const controller = written.get('kafka-controller-statefulset.yaml')!;
      assert.match(controller, /^kind: StatefulSet$/m);
      assert.match(controller, /^ {2}namespace: kraft$/m);
      assert.match(controller, /image: apache\/kafka:4\./);
      assert.ok(![...written.values()].some((text) => /zookeeper\.connect/.test(text)));
      const opened = vscode.window.activeTextEditor?.document;
      assert.ok(opened && opened.uri.path.startsWith(folder.path), 'the main file is not open');

      assert.deepEqual(await seriousFindingsOf(api, 'scaffold/kraft', [...written.keys()]), []);
    } finally {
      api.setInputProvider(undefined);
    }
  });
});

describe('scaffold commands (Strimzi)', () => {
  it('writes the Strimzi set (Kafka, node pools, topic), opens the Kafka, lints clean and never overwrites', async () => {
    const api = await activateExtension();
    const asked: string[] = [];
    // Its own namespace, so its objects never meet the other sets' in the workspace index.
    api.setInputProvider(defaultsInto('scaffold/strimzi', asked, { namespace: 'strimzi' }));
    try {
      const outcome = await vscode.commands.executeCommand<ScaffoldOutcome>(
        'kubeStateful.scaffoldKafkaStrimzi',
      );
      assert.equal(outcome.status, 'written', `questions asked: ${asked.join(', ')}`);
      assert.ok(asked.includes('controllers'), `no controller question: ${asked.join(', ')}`);
      assert.ok(!asked.includes('kafkaImage'), `the operator pins Kafka: ${asked.join(', ')}`);

      const folder = fixtureUri('scaffold/strimzi');
      const written = await readFolder(folder);
      for (const name of [
        'kafka.yaml',
        'kafka-controller-nodepool.yaml',
        'kafka-broker-nodepool.yaml',
        'kafka-topic.yaml',
        'kustomization.yaml',
      ]) {
        assert.ok(written.has(name), `${name} missing from ${[...written.keys()].join(', ')}`);
      }
      assert.match(written.get('kafka-broker-nodepool.yaml')!, /^kind: KafkaNodePool$/m);
      assert.match(written.get('kafka-broker-nodepool.yaml')!, /^ {2}namespace: strimzi$/m);
      const opened = vscode.window.activeTextEditor?.document;
      assert.ok(
        opened && opened.uri.path.endsWith('/scaffold/strimzi/kafka.yaml'),
        opened?.uri.path,
      );
      assert.match(opened.getText(), /^apiVersion: kafka\.strimzi\.io\/v1$/m);

      assert.deepEqual(await seriousFindingsOf(api, 'scaffold/strimzi', [...written.keys()]), []);

      // Again into the same folder: the conflict question is cancelled, so nothing changes.
      asked.length = 0;
      const again = await vscode.commands.executeCommand<ScaffoldOutcome>(
        'kubeStateful.scaffoldKafkaStrimzi',
      );
      assert.equal(again.status, 'cancelled');
      assert.ok(asked.includes('conflict'), `no overwrite question: ${asked.join(', ')}`);
      assert.deepEqual(await readFolder(folder), written);
    } finally {
      api.setInputProvider(undefined);
    }
  });
});
