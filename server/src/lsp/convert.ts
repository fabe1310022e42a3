// Converts the pure layers' plain data (spans, findings, proposals, hovers) into LSP types.
import type { CompletionItem, Diagnostic, Hover, Range } from 'vscode-languageserver';
import {
  CompletionItemKind,
  DiagnosticSeverity,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
} from 'vscode-languageserver';
import type { CompletionProposal, ProposalKind } from '../features/completion';
import type { HoverResult } from '../features/hover';
import { expandSnippet, parseSnippet } from '../features/snippets';
import type { FileModel, Span } from '../model';
import { spanToRange } from '../model';
import type { Finding, Severity } from '../rules/types';
import type { LocatedFinding } from '../kustomize-run/render';

export const diagnosticSource = 'kube-stateful';

export function toRange(model: FileModel, span: Span): Range {
  return spanToRange(model, span);
}

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(model: FileModel, finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(model, finding.span),
    severity: severities[finding.severity],
    code: finding.ruleId,
    source: diagnosticSource,
    message: finding.message,
  };
  if (finding.related && finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((related) => ({
      location: { uri: related.uri, range: related.range },
      message: related.message,
    }));
  }
  if (finding.data) {
    diagnostic.data = finding.data;
  }
  return diagnostic;
}

/** A finding already placed at a line range (rendered kustomize overlays, traced to a source). */
export function toLocatedDiagnostic(finding: LocatedFinding): Diagnostic {
  return {
    range: finding.range,
    severity: severities[finding.severity],
    code: finding.ruleId,
    source: diagnosticSource,
    message: finding.message,
    relatedInformation: finding.related.map((related) => ({
      location: { uri: related.uri, range: related.range },
      message: related.message,
    })),
  };
}

const itemKinds: Record<ProposalKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  keyword: CompletionItemKind.Keyword,
  class: CompletionItemKind.Class,
  module: CompletionItemKind.Module,
  snippet: CompletionItemKind.Snippet,
};

/**
 * A proposal as an LSP item. Its text carries absolute indentation, so it is inserted as is;
 * snippet syntax is flattened for clients that cannot expand snippets.
 */
export function toCompletionItem(
  model: FileModel,
  proposal: CompletionProposal,
  snippetSupport: boolean,
): CompletionItem {
  const snippet = proposal.snippet === true && snippetSupport;
  const newText =
    proposal.snippet === true && !snippetSupport
      ? flattenSnippet(proposal.insertText)
      : proposal.insertText;
  const item: CompletionItem = {
    label: proposal.label,
    kind: itemKinds[proposal.kind],
    sortText: proposal.sortText,
    filterText: proposal.filterText ?? proposal.label,
    textEdit: { range: toRange(model, proposal.replace), newText },
    insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    insertTextMode: InsertTextMode.asIs,
  };
  if (proposal.detail !== undefined) {
    item.detail = proposal.detail;
  }
  if (proposal.documentation !== undefined) {
    item.documentation = { kind: MarkupKind.Markdown, value: proposal.documentation };
  }
  if (proposal.additionalEdits && proposal.additionalEdits.length > 0) {
    item.additionalTextEdits = proposal.additionalEdits.map((edit) => ({
      range: toRange(model, edit.span),
      newText: edit.newText,
    }));
  }
  if (proposal.retrigger === true) {
    item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
  }
  return item;
}

/**
 * Snippet text for clients that cannot expand snippets: placeholders keep their default text,
 * choices their first option (`name: {$1}` → `name: {}`).
 */
export function flattenSnippet(text: string): string {
  return expandSnippet(parseSnippet(text));
}

export function toHover(model: FileModel, result: HoverResult): Hover {
  return {
    contents: { kind: MarkupKind.Markdown, value: result.markdown },
    range: toRange(model, result.span),
  };
}
