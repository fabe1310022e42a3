// The topology panel in a real editor: the command opens a webview whose page draws the nodes of
// the file's namespace, and an edit redraws it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openFixture, waitFor } from './helpers';

describe('topology', () => {
  it('Show Topology opens a panel that draws the namespace and follows edits', async () => {
    const api = await activateExtension();
    const document = await openFixture('navigation/web-statefulset.yaml');
    await vscode.commands.executeCommand('kubeStateful.showTopology');
    // The page reports how many nodes its DOM holds after each render.
    const drawn = await waitFor(
      'the topology page to draw its nodes',
      () => {
        const snapshot = api.topology();
        return snapshot?.renderedNodes ? snapshot : undefined;
      },
      () => JSON.stringify(api.topology()),
      30_000,
    );
    assert.equal(drawn.result.namespace, 'navigation');
    assert.equal(drawn.renderedNodes, drawn.result.nodes.length);
    const ids = drawn.result.nodes.map((node) => node.id);
    for (const id of [
      'StatefulSet/navigation/web',
      'Service/navigation/web',
      'Pod/navigation/web-2',
    ]) {
      assert.ok(ids.includes(id), `${id} missing from ${JSON.stringify(ids)}`);
    }
    assert.ok(
      drawn.result.edges.some(
        (edge) => edge.kind === 'governs' && edge.to === 'StatefulSet/navigation/web',
      ),
      JSON.stringify(drawn.result.edges),
    );
    const statefulSet = drawn.result.nodes.find((node) => node.id === 'StatefulSet/navigation/web');
    assert.ok(statefulSet?.severity, 'the StatefulSet has findings, so it is coloured');
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
    assert.ok(
      tabs.some(
        (tab) =>
          tab.input instanceof vscode.TabInputWebview && tab.label === 'Topology: navigation',
      ),
      `no topology tab among ${JSON.stringify(tabs.map((tab) => tab.label))}`,
    );

    // Four replicas: the page redraws with a fourth pod once the edit settles.
    const replicas = document.getText().indexOf('replicas: 3');
    const edit = new vscode.WorkspaceEdit();
    const digit = document.positionAt(replicas + 'replicas: '.length);
    edit.replace(document.uri, new vscode.Range(digit, digit.translate(0, 1)), '4');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      await waitFor(
        'the page to draw a fourth pod',
        () => {
          const snapshot = api.topology();
          const pods = snapshot?.result.nodes.filter((node) => node.kind === 'Pod').length;
          return pods === 4 && snapshot?.renderedNodes === snapshot?.result.nodes.length
            ? true
            : undefined;
        },
        () => JSON.stringify(api.topology()?.result.nodes.map((node) => node.id)),
        30_000,
      );
    } finally {
      const undo = new vscode.WorkspaceEdit();
      undo.replace(document.uri, new vscode.Range(digit, digit.translate(0, 1)), '3');
      await vscode.workspace.applyEdit(undo);
      await document.save();
    }
  });
});
