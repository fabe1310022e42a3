// Quick fixes (`textDocument/codeAction`, kind quickfix). The rules run again on the current
// model, so every fix is computed from fresh findings rather than from the (possibly stale)
// diagnostics the client sends; each action is attached to the client diagnostic it fixes.
import type { CodeAction, CodeActionParams, Diagnostic, TextEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import { quickFixesFor } from '../features/code-actions';
import type { QuickFix } from '../features/code-actions';
import type { FileModel } from '../model';
import { runRules } from '../rules/run-rules';
import { diagnosticSource, toRange } from './convert';
import type { LspArea, Services } from './services';

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

function toCodeAction(fix: QuickFix, diagnostic: Diagnostic): CodeAction {
  const changes: Record<string, TextEdit[]> = {};
  for (const edit of fix.edits) {
    (changes[edit.uri] ??= []).push({ range: edit.range, newText: edit.newText });
  }
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.isPreferred,
    edit: { changes },
  };
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
  if (!model || ours.length === 0) {
    return [];
  }
  const options = {
    schema: services.schema,
    settings: services.settings,
    index: services.index,
    defaultNamespace: services.defaultNamespaceOf(model.uri),
  };
  const findings = runRules(model, options).filter((finding) =>
    ours.some((diagnostic) => diagnostic.code === finding.ruleId),
  );
  const fixes = quickFixesFor(model, findings, {
    ...options,
    modelOf: (uri) => services.modelOf(uri),
  });
  return ours.flatMap((diagnostic) =>
    fixes
      .filter((fix) => fix.finding.ruleId === diagnostic.code && sameRange(model, fix, diagnostic))
      .map((fix) => toCodeAction(fix, diagnostic)),
  );
}

export const codeActionsArea: LspArea = {
  capabilities: () => ({ codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } }),
  register(services) {
    services.connection.onCodeAction((params) =>
      services.guard('codeAction', () => computeCodeActions(services, params)),
    );
  },
};
