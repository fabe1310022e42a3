// SARIF 2.1.0 output, the format code-scanning services (GitHub, Azure DevOps) ingest: one run
// whose driver lists every rule, and one result per finding with a relative file location.
import type { Rule, Severity } from '../rules/types';
import type { ReportedFinding } from './report';

const sarifSchema = 'https://json.schemastore.org/sarif-2.1.0.json';

const levels: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

export function formatSarif(
  findings: readonly ReportedFinding[],
  rules: readonly Rule[],
  toolVersion: string,
): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: sarifSchema,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kube-stateful',
            version: toolVersion,
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: { text: rule.description },
              fullDescription: { text: rule.description },
              defaultConfiguration: { level: levels[rule.defaultSeverity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: findings.map((finding) => ({
          ruleId: finding.ruleId,
          ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
          level: levels[finding.severity],
          message: { text: finding.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(finding.path) },
                region: {
                  startLine: finding.line,
                  startColumn: finding.column,
                  endLine: finding.endLine,
                  endColumn: finding.endColumn,
                },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
