// Shared helpers of the real-editor suite: activating the extension through its exported API,
// opening fixture files of the workspace copy, polling until a condition holds, reading
// completion, hover and navigation results as plain data, and counting serious diagnostics.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KubeStatefulApi } from '../../client/src/extension';
import { readAnnotations } from '../support/annotations';

export const extensionId = 'kube-stateful.kube-stateful';

/** The kube-stateful extension as the editor knows it; fails when it is not installed. */
export function ourExtension(): vscode.Extension<KubeStatefulApi> {
  const extension = vscode.extensions.getExtension<KubeStatefulApi>(extensionId);
  assert.ok(extension, `${extensionId} is not loaded in this editor`);
  return extension;
}

/**
 * Activates the extension (a no-op when a YAML file already did) and returns its API once the
 * language client is running, so tests wait for readiness instead of sleeping.
 */
export async function activateExtension(): Promise<KubeStatefulApi> {
  const api = await ourExtension().activate();
  assert.ok(api.client.isRunning(), 'the language client did not reach the running state');
  return api;
}

/** The capabilities our server announced; features not on this build are absent here. */
export async function serverCapabilities(): Promise<Record<string, unknown>> {
  const api = await activateExtension();
  const capabilities = api.client.initializeResult?.capabilities;
  assert.ok(capabilities, 'the language server has not answered initialize');
  return capabilities as Record<string, unknown>;
}

/** A file of the workspace copy the runner opened, by its path relative to the folder. */
export function fixtureUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the editor was started without the fixture workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

/**
 * Opens a fixture in an editor tab of its own (as a user would) and returns its document. Not a
 * preview tab: the next file opened would close it, and the language client stops pulling
 * diagnostics for documents that are in no tab.
 */
export async function openFixture(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/**
 * Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs` with
 * `what` and the last state `describe` reports. Never a fixed sleep: it returns as soon as it can.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined,
  describe: () => string = () => '',
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}. ${describe()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Our diagnostics (source `kube-stateful`) on a document. */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === 'kube-stateful');
}

/** A diagnostic's code as a string, whichever of the two shapes VS Code gives it. */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code ?? '');
}

/** Our diagnostics of one rule on a document, or undefined while there are none. */
export function diagnosticsWithCode(
  uri: vscode.Uri,
  code: string,
): vscode.Diagnostic[] | undefined {
  const found = ourDiagnostics(uri).filter((diagnostic) => codeOf(diagnostic) === code);
  return found.length > 0 ? found : undefined;
}

/** A finding the fixture announces with a caret comment (`#   ^^^ rule-id: message part`). */
export interface AnnotatedFinding {
  readonly range: string;
  readonly message: string;
}

/** The findings of `ruleId` that the document's annotation comments expect. */
export function annotatedFindings(
  document: vscode.TextDocument,
  ruleId: string,
): AnnotatedFinding[] {
  const expected = readAnnotations(document.getText()).expected.filter(
    (finding) => finding.ruleId === ruleId,
  );
  assert.ok(expected.length > 0, `${document.uri.path} announces no ${ruleId} finding`);
  return expected.map((finding) => ({
    range: `${finding.line}:${finding.startColumn}-${finding.endLine}:${finding.endColumn}`,
    message: finding.message,
  }));
}

/** Asserts that the diagnostics are exactly the annotated findings: same ranges, messages containing the annotated part. */
export function assertMatchesAnnotations(
  diagnostics: readonly vscode.Diagnostic[],
  expected: readonly AnnotatedFinding[],
): void {
  assert.deepEqual(
    diagnostics.map((diagnostic) => formatRange(diagnostic.range)).sort(),
    expected.map((finding) => finding.range).sort(),
  );
  for (const finding of expected) {
    const diagnostic = diagnostics.find((d) => formatRange(d.range) === finding.range)!;
    assert.ok(
      diagnostic.message.includes(finding.message),
      `expected "${finding.message}" in "${diagnostic.message}"`,
    );
  }
}

export function describeDiagnostics(uri: vscode.Uri): string {
  const found = vscode.languages
    .getDiagnostics(uri)
    .map((d) => `${codeOf(d)}@${formatRange(d.range)} ${d.message}`);
  return `Diagnostics now: ${JSON.stringify(found)}`;
}

export function formatRange(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** Replaces the whole text of a document through a WorkspaceEdit, as an extension would. */
export async function replaceText(
  document: vscode.TextDocument,
  range: vscode.Range,
  text: string,
): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, range, text);
  assert.ok(await vscode.workspace.applyEdit(edit), `the edit of ${document.uri.path} was refused`);
}

/** The position of character `index` of the first occurrence of `needle` in the document. */
export function positionIn(
  document: vscode.TextDocument,
  needle: string,
  index: number,
): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `${needle} is not in ${document.uri.path}`);
  return document.positionAt(offset + index);
}

/** The position just after the first occurrence of `needle` in the document. */
export function positionAfter(document: vscode.TextDocument, needle: string): vscode.Position {
  return positionIn(document, needle, needle.length);
}

/** Runs VS Code's completion command and returns the items our provider (and any other) gave. */
export async function completionItems(
  uri: vscode.Uri,
  position: vscode.Position,
): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    uri,
    position,
  );
  return list.items;
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** All hover contents at a position, flattened to plain text. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    uri,
    position,
  );
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/** Error and warning diagnostics of ours, counted by `code: message` (ranges move with edits). */
export function seriousDiagnostics(uri: vscode.Uri): Map<string, number> {
  const counts = new Map<string, number>();
  for (const diagnostic of ourDiagnostics(uri)) {
    if (diagnostic.severity <= vscode.DiagnosticSeverity.Warning) {
      const key = `${codeOf(diagnostic)}: ${diagnostic.message}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/** The quick fixes VS Code collects for a range (the diagnostics there go along as context). */
export async function quickFixesAt(
  uri: vscode.Uri,
  range: vscode.Range,
): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    vscode.CodeActionKind.QuickFix.value,
  );
}

/** Where a definition or reference result points, whichever of the two shapes it has. */
export function locationOf(target: vscode.Location | vscode.LocationLink): vscode.Location {
  return 'targetUri' in target
    ? new vscode.Location(target.targetUri, target.targetSelectionRange ?? target.targetRange)
    : target;
}

/** A location as `folder/file.yaml:line:character` (0-based), relative to the workspace folder. */
export function formatLocation(location: vscode.Location): string {
  const { line, character } = location.range.start;
  return `${vscode.workspace.asRelativePath(location.uri, false)}:${line}:${character}`;
}

/**
 * Runs `check` for every case in turn (never in parallel: each one drives the editor) and fails
 * once at the end, listing every case that failed with its error, so one broken case does not
 * hide the others of a table-driven test.
 */
export async function checkEach<T>(
  cases: readonly T[],
  nameOf: (item: T) => string,
  check: (item: T) => Promise<void>,
): Promise<void> {
  const failures: string[] = [];
  for (const item of cases) {
    try {
      await check(item);
    } catch (error) {
      failures.push(`${nameOf(item)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  assert.ok(
    failures.length === 0,
    `${failures.length} of ${cases.length} cases failed:\n${failures.join('\n\n')}`,
  );
}
