// The topology panel: asks the server for the picture of a file's namespace
// (`kubeStateful/topology`) and shows its SVG in a webview; asks again, debounced, as documents
// and diagnostics change. Clicking a node opens the YAML at that object. The webview runs one
// nonce'd inline script and style under a Content-Security-Policy that allows nothing else.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { TopologyParams, TopologyResult } from '../../../server/src/protocol';
import { topologyRequest } from '../../../server/src/protocol';

/** What editor tests read: the last answer shown and how many nodes the webview's DOM drew. */
export interface TopologySnapshot {
  readonly result: TopologyResult;
  /** Nodes counted in the webview's DOM after its last render; undefined until it reports. */
  readonly renderedNodes?: number;
}

export interface TopologyPanelState {
  panel?: vscode.WebviewPanel;
  target?: TopologyParams;
  snapshot?: TopologySnapshot;
  /** True when the page was redrawn by message, so its `html` no longer matches what it shows. */
  htmlStale?: boolean;
}

/** Edits and diagnostics come in bursts; one request after they settle is enough. */
const refreshDelayMs = 300;

/** Opens (or reveals and retargets) the panel for `uri` (default: the active editor's file). */
export async function showTopology(
  client: LanguageClient,
  state: TopologyPanelState,
  uri?: unknown,
  line?: unknown,
): Promise<void> {
  const target = targetOf(uri, line);
  if (!target) {
    void vscode.window.showInformationMessage(
      'Open a Kubernetes YAML file to see the topology of its namespace.',
    );
    return;
  }
  state.target = target;
  const result = await client.sendRequest(topologyRequest, target);
  if (state.panel) {
    state.panel.reveal(undefined, true);
    render(state, result);
    return;
  }
  const panel = vscode.window.createWebviewPanel(
    'kubeStateful.topology',
    `Topology: ${result.namespace}`,
    { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
    // No local resources: the page is built from the server's answer alone.
    { enableScripts: true, localResourceRoots: [] },
  );
  state.panel = panel;
  state.snapshot = { result };
  panel.webview.html = pageOf(result);
  const subscriptions = [
    panel.webview.onDidReceiveMessage((message: unknown) => onMessage(state, message)),
    // A hidden webview is discarded and rebuilt from `html` when shown again.
    panel.onDidChangeViewState(() => {
      if (panel.visible && state.htmlStale && state.snapshot) {
        state.htmlStale = false;
        panel.webview.html = pageOf(state.snapshot.result);
      }
    }),
    ...refreshTriggers(client, state),
  ];
  panel.onDidDispose(() => {
    for (const subscription of subscriptions) {
      subscription.dispose();
    }
    state.panel = undefined;
    state.snapshot = undefined;
  });
}

function targetOf(uri: unknown, line: unknown): TopologyParams | undefined {
  if (typeof uri === 'string') {
    return { uri, ...(typeof line === 'number' && line >= 0 ? { line } : {}) };
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'yaml') {
    return undefined;
  }
  return { uri: editor.document.uri.toString(), line: editor.selection.active.line };
}

function render(state: TopologyPanelState, result: TopologyResult): void {
  state.snapshot = { result };
  const panel = state.panel;
  if (!panel) {
    return;
  }
  panel.title = `Topology: ${result.namespace}`;
  if (panel.visible) {
    // A message redraws the page in place, without the flash of a reload.
    state.htmlStale = true;
    void panel.webview.postMessage({ type: 'render', ...result });
  } else {
    // Messages to a hidden page are lost; it will be built from this when shown.
    state.htmlStale = false;
    panel.webview.html = pageOf(result);
  }
}

/** Asks again after YAML edits, saves and diagnostics changes, once they settle. */
function refreshTriggers(client: LanguageClient, state: TopologyPanelState): vscode.Disposable[] {
  let timer: NodeJS.Timeout | undefined;
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const target = state.target;
      if (!target || !state.panel) {
        return;
      }
      client.sendRequest(topologyRequest, target).then(
        (result) => render(state, result),
        (error: unknown) => client.error('Topology refresh failed', error, false),
      );
    }, refreshDelayMs);
  };
  return [
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document.languageId === 'yaml' && event.contentChanges.length > 0) {
        schedule();
      }
    }),
    vscode.workspace.onDidSaveTextDocument(schedule),
    vscode.languages.onDidChangeDiagnostics(schedule),
    { dispose: () => clearTimeout(timer) },
  ];
}

/** Messages from the page: a node to open, or how many nodes it drew. */
function onMessage(state: TopologyPanelState, message: unknown): void {
  const data = (typeof message === 'object' && message !== null ? message : {}) as Record<
    string,
    unknown
  >;
  const result = state.snapshot?.result;
  if (!result) {
    return;
  }
  if (data.type === 'rendered' && typeof data.nodes === 'number') {
    state.snapshot = { result, renderedNodes: data.nodes };
  } else if (data.type === 'open' && typeof data.id === 'string') {
    // The page names a node; where to go comes from the server's answer, never from the page.
    const node = result.nodes.find((each) => each.id === data.id);
    if (node) {
      const position = new vscode.Position(node.line, 0);
      void vscode.window.showTextDocument(vscode.Uri.parse(node.uri), {
        viewColumn: vscode.ViewColumn.One,
        selection: new vscode.Range(position, position),
      });
    }
  }
}

/** The page's script: renders answers, reports what it drew, and asks to open clicked nodes. */
const pageScript = `
const vscode = acquireVsCodeApi();
const graph = document.getElementById('graph');
const report = () => vscode.postMessage({ type: 'rendered', nodes: graph.querySelectorAll('.node').length });
const open = (target) => {
  const node = target instanceof Element ? target.closest('.node') : null;
  if (node) {
    vscode.postMessage({ type: 'open', id: node.getAttribute('data-id') });
  }
  return node !== null;
};
graph.addEventListener('click', (event) => open(event.target));
graph.addEventListener('keydown', (event) => {
  if ((event.key === 'Enter' || event.key === ' ') && open(event.target)) {
    event.preventDefault();
  }
});
window.addEventListener('message', (event) => {
  const message = event.data;
  if (message && message.type === 'render') {
    const parsed = new DOMParser().parseFromString(message.svg, 'image/svg+xml');
    graph.replaceChildren(document.importNode(parsed.documentElement, true));
    document.getElementById('namespace').textContent = message.namespace;
    document.getElementById('empty').hidden = message.nodes.length > 0;
    report();
  }
});
report();
`;

/** The page's own layout; the picture's colours come from the server's stylesheet. */
const pageStyle = `
body { color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); padding: 0 12px; }
header { display: flex; gap: 16px; align-items: baseline; flex-wrap: wrap; }
h1 { font-size: 1.1em; font-weight: 600; }
.legend span { margin-right: 12px; }
.legend .error { color: var(--vscode-editorError-foreground); }
.legend .warning { color: var(--vscode-editorWarning-foreground); }
.legend .info { color: var(--vscode-editorInfo-foreground); }
#graph { overflow: auto; }
#graph svg { display: block; }
`;

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function pageOf(result: TopologyResult): string {
  const nonce = randomBytes(16).toString('base64');
  const policy = [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">${pageStyle}
${result.stylesheet}</style>
<title>Topology</title>
</head>
<body>
<header>
<h1>Namespace <span id="namespace">${escapeHtml(result.namespace)}</span></h1>
<div class="legend">Border by worst finding: <span class="error">error</span><span class="warning">warning</span><span class="info">info</span> · click a node to open it · hover for its findings</div>
</header>
<p id="empty"${result.nodes.length > 0 ? ' hidden' : ''}>No Services, workloads, claims or budgets in this namespace.</p>
<div id="graph">${result.svg}</div>
<script nonce="${nonce}">${pageScript}</script>
</body>
</html>`;
}
