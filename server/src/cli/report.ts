// The CLI's finding record (a rule finding placed in a file with 1-based positions) and the
// text and JSON formatters. SARIF lives in sarif.ts.
import type { FileModel } from '../model';
import { spanToRange } from '../model';
import type { Finding, Severity } from '../rules/types';

export interface ReportedFinding {
  /** Path relative to the working directory, with `/` separators. */
  readonly path: string;
  /** 1-based line and column (UTF-16 code units, as editors count). */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  readonly ruleId: string;
  readonly message: string;
}

export function toReported(path: string, model: FileModel, finding: Finding): ReportedFinding {
  const range = spanToRange(model, finding.span);
  return {
    path,
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
    severity: finding.severity,
    ruleId: finding.ruleId,
    message: finding.message,
  };
}

/** Sorts by file, then position, then rule id, so output is stable across runs and machines. */
export function sortFindings(findings: readonly ReportedFinding[]): ReportedFinding[] {
  return [...findings].sort(
    (a, b) =>
      compareText(a.path, b.path) ||
      a.line - b.line ||
      a.column - b.column ||
      compareText(a.ruleId, b.ruleId) ||
      compareText(a.message, b.message),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `file:line:col severity rule-id message`, one finding a line, then a summary line. */
export function formatText(findings: readonly ReportedFinding[], filesChecked: number): string {
  const lines = findings.map(
    (f) => `${f.path}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`,
  );
  lines.push(summaryLine(findings, filesChecked));
  return `${lines.join('\n')}\n`;
}

function summaryLine(findings: readonly ReportedFinding[], filesChecked: number): string {
  const count = (severity: Severity): number =>
    findings.filter((finding) => finding.severity === severity).length;
  const files = `${filesChecked} file${filesChecked === 1 ? '' : 's'} checked`;
  if (findings.length === 0) {
    return `${files}, no findings.`;
  }
  const parts = (['error', 'warning', 'info', 'hint'] as const).map((severity) => {
    const n = count(severity);
    return `${n} ${severity}${n === 1 ? '' : 's'}`;
  });
  return `${files}: ${parts.join(', ')}.`;
}

export interface JsonReport {
  readonly filesChecked: number;
  readonly findings: readonly ReportedFinding[];
}

export function formatJson(findings: readonly ReportedFinding[], filesChecked: number): string {
  const report: JsonReport = { filesChecked, findings };
  return `${JSON.stringify(report, null, 2)}\n`;
}
