// Converts the pure layers' plain data (spans, findings) into LSP types.
import type { Diagnostic, Range } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { FileModel, Span } from '../model';
import { spanToRange } from '../model';
import type { Finding, Severity } from '../rules/types';

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
