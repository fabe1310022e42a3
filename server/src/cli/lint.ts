// `kube-stateful lint`: parses the options, checks the paths, prints the report in the chosen
// format and returns the exit code (0 clean, 1 findings at/above --max-severity, 2 bad input).
import { version } from '../../../package.json';
import { allRules } from '../rules/registry';
import { loadSchema } from '../schema';
import { nodeFileSystem } from '../workspace-index/file-system';
import { InputError, lintPaths } from './lint-run';
import { isAtOrAbove, lintUsage, parseLintOptions, UsageError } from './lint-options';
import type { LintOptions } from './lint-options';
import { formatJson, formatText, sortFindings } from './report';
import { formatSarif } from './sarif';

export async function runLint(argv: readonly string[]): Promise<number> {
  let options: LintOptions;
  try {
    options = parseLintOptions(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`kube-stateful lint: ${error.message}\n\n${lintUsage}`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    process.stdout.write(lintUsage);
    return 0;
  }
  let run;
  try {
    run = await lintPaths({
      paths: options.paths,
      settings: options.settings,
      schema: loadSchema(),
      fs: nodeFileSystem,
      cwd: process.cwd(),
      kustomize: options.kustomize,
    });
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`kube-stateful lint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  for (const note of run.notes) {
    process.stderr.write(`${note}\n`);
  }
  const findings = sortFindings(run.findings);
  switch (options.format) {
    case 'json':
      process.stdout.write(formatJson(findings, run.filesChecked));
      break;
    case 'sarif':
      process.stdout.write(formatSarif(findings, allRules, version));
      break;
    default:
      process.stdout.write(formatText(findings, run.filesChecked));
  }
  return findings.some((finding) => isAtOrAbove(finding.severity, options.maxSeverity)) ? 1 : 0;
}
