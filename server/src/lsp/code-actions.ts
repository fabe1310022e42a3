// Quick fixes (`textDocument/codeAction`, kind quickfix). The rules run again on the current
// model, so every fix is computed from fresh findings rather than from the (possibly stale)
// diagnostics the client sends; each action is attached to the client diagnostic it fixes.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CodeAction, CodeActionParams, Diagnostic, TextEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import { quickFixesFor } from '../features/code-actions';
import type { QuickFix } from '../features/code-actions';
import { documentAt, parseFile, positionToOffset } from '../model';
import type { FileModel } from '../model';
import { runRules } from '../rules/run-rules';
import { diagnosticSource, toRange } from './convert';
import type { LspArea, Services } from './services';
import { readyModel } from './services';
import { checkParams } from './params';

function sameRange(model: FileModel, fix: QuickFix, diagnostic: Diagnostic): boolean {
  const range = toRange(model, fix.finding.span);
  const other = diagnostic.range;
  return (
    range.start.line === other.start.line &&
    range.start.character === other.start.character &&
    range.end.line === other.end.line &&
    range.end.character === other.end.character
  );
}

function toCodeAction(fix: QuickFix, diagnostic: Diagnostic | undefined): CodeAction {
  const changes: Record<string, TextEdit[]> = {};
  for (const edit of fix.edits) {
    (changes[edit.uri] ??= []).push({ range: edit.range, newText: edit.newText });
  }
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
    isPreferred: fix.isPreferred,
    edit: { changes },
  };
}

/**
 * The model of a file a fix edits: the open document, else the file on disk (a governing Service
 * in a file that is not open). Read synchronously: it is one small manifest, read only when a
 * fix needs it.
 */
function modelForEdit(services: Services, uri: string): FileModel | undefined {
  const open = services.modelOf(uri);
  if (open || !uri.startsWith('file:')) {
    return open;
  }
  try {
    const path = fileURLToPath(uri);
    // Only regular files: a FIFO or a device would block this synchronous read, and the server.
    const stats = statSync(path);
    if (!stats.isFile() || stats.size > services.settings.maxFileSize) {
      return undefined;
    }
    return parseFile(uri, 0, readFileSync(path, 'utf8'));
  } catch {
    // A file that vanished since it was indexed simply gets no fix.
    return undefined;
  }
}

/**
 * Findings whose fix completes the object above the cursor (its governing Service, its PDB). A
 * fresh `sts` snippet leaves the cursor below the StatefulSet, away from both warnings, so these
 * fixes are also offered there: on the lines after the object's last value, not on every line.
 */
const documentWideFixes: ReadonlySet<string> = new Set(['sts-service-not-found', 'pdb-missing']);

function documentWideActions(
  model: FileModel,
  fixes: readonly QuickFix[],
  params: CodeActionParams,
  attached: readonly CodeAction[],
): CodeAction[] {
  const offset = positionToOffset(model, params.range.start);
  const document = documentAt(model, offset);
  if (!document.root || offset < document.root.span[1]) {
    return [];
  }
  const titles = new Set(attached.map((action) => action.title));
  return fixes
    .filter(
      (fix) =>
        documentWideFixes.has(fix.finding.ruleId) &&
        fix.isPreferred &&
        !titles.has(fix.title) &&
        documentAt(model, fix.finding.span[0]) === document,
    )
    .map((fix) => ({ ...toCodeAction(fix, undefined), isPreferred: true }));
}

export function computeCodeActions(services: Services, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) {
    return [];
  }
  const ours = params.context.diagnostics.filter(
    (diagnostic) => diagnostic.source === diagnosticSource && typeof diagnostic.code === 'string',
  );
  const model = services.modelOf(params.textDocument.uri);
  if (!model) {
    return [];
  }
  const options = {
    schema: services.schema,
    settings: services.settings,
    index: services.index,
    defaultNamespace: services.defaultNamespaceOf(model.uri),
    roleOf: (documentIndex: number) => services.roleOf(model.uri, documentIndex),
    overlays: services.overlaysFor(model.uri),
    cache: services.ruleFindings,
  };
  const findings = runRules(model, options).filter(
    (finding) =>
      documentWideFixes.has(finding.ruleId) ||
      ours.some((diagnostic) => diagnostic.code === finding.ruleId),
  );
  if (findings.length === 0) {
    return [];
  }
  const fixes = quickFixesFor(model, findings, {
    ...options,
    modelOf: (uri) => modelForEdit(services, uri),
  });
  const attached = ours.flatMap((diagnostic) =>
    fixes
      .filter((fix) => fix.finding.ruleId === diagnostic.code && sameRange(model, fix, diagnostic))
      .map((fix) => toCodeAction(fix, diagnostic)),
  );
  // The editor lists actions with diagnostics first, so on a warning's line its own fix leads.
  return [...attached, ...documentWideActions(model, fixes, params, attached)];
}

export const codeActionsArea: LspArea = {
  capabilities: () => ({ codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } }),
  register(services) {
    services.connection.onCodeAction((params) =>
      services.guardAsync('codeAction', async () => {
        checkParams(params, 'textDocument', 'range', 'codeActionContext');
        await readyModel(services, params.textDocument.uri);
        return computeCodeActions(services, params);
      }),
    );
  },
};
