// Activation: the extension waits for a YAML file, then starts its language server and
// registers its commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFixture, ourExtension, waitFor } from './helpers';

describe('activation', () => {
  it('activates on a YAML file and starts the language server', async () => {
    const extension = ourExtension();
    // Nothing has opened a YAML file yet (this file runs first), so onLanguage:yaml has not fired.
    assert.equal(extension.isActive, false, 'the extension activated before any YAML file opened');

    await openFixture('workloads/web.yaml');
    const api = await waitFor('activation after opening a YAML file', () =>
      extension.isActive ? extension.exports : undefined,
    );
    assert.ok(api.client.isRunning(), 'the language client is not running');
    assert.equal(api.client.initializeResult?.serverInfo?.name, 'kube-stateful');

    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('kubeStateful.showOutput'), 'kubeStateful.showOutput is missing');
  });
});
