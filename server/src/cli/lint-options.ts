// Parses `kube-stateful lint` arguments (node:util parseArgs) and the optional settings file into
// plain options; every usage problem becomes a UsageError that the command turns into exit 2.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { KubeStatefulSettings } from '../protocol';
import { normalizeSettings } from '../protocol';
import type { Severity } from '../rules/types';
import { parseMinorVersion } from '../rules/data/api-versions';

export const outputFormats = ['text', 'json', 'sarif'] as const;
export type OutputFormat = (typeof outputFormats)[number];

const severities: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export interface LintOptions {
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  /** Findings at or above this severity make the exit code 1. */
  readonly maxSeverity: Severity;
  readonly settings: KubeStatefulSettings;
  readonly help: boolean;
  /** False with `--no-kustomize`: overlays are not rendered. */
  readonly kustomize: boolean;
}

/** A mistake in the command line or the settings file: reported with the usage, exit code 2. */
export class UsageError extends Error {}

export const lintUsage = `Usage: kube-stateful lint [paths...] [options]

Checks Kubernetes manifests with the same rules and settings as the editor. A directory is scanned
like a workspace (node_modules, .git and Helm templates/ are skipped); no path means ".".

Options:
  --format text|json|sarif      Output format (default: text)
  --kubernetes-version 1.xx     Target Kubernetes version for the API version rules
                                (default: the newest the schema knows)
  --max-severity error|warning|info|hint
                                Exit with 1 when a finding is at or above this severity
                                (default: error)
  --crds <path>                 CustomResourceDefinition file, folder or glob (repeatable): custom
                                resources of these CRDs are checked against their schema (CRDs
                                among the checked files are always read)
  --config <file>               JSON settings: { "rules": { "<rule-id>": "off|hint|info|warning|error" },
                                "kubernetesVersion", "knownStorageClasses", "exclude", "crds" }
                                (the "kubeStateful." prefix of editor settings is accepted)
  --no-kustomize                Do not render kustomize overlays (by default every top-level
                                overlay is built with \`kustomize build\` or \`kubectl kustomize\`,
                                without plugins, Helm or network, and its objects are checked)
  -h, --help                    Show this help

Exit codes: 0 no finding at or above --max-severity, 1 some, 2 bad usage or unreadable input.
`;

export function parseLintOptions(argv: readonly string[]): LintOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', default: 'text' },
        'kubernetes-version': { type: 'string' },
        'max-severity': { type: 'string', default: 'error' },
        config: { type: 'string' },
        crds: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
        'no-kustomize': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const format = values.format;
  if (!isOneOf(format, outputFormats)) {
    throw new UsageError(`--format must be one of ${outputFormats.join(', ')}, not '${format}'`);
  }
  const maxSeverity = values['max-severity'];
  if (!isOneOf(maxSeverity, severities)) {
    throw new UsageError(
      `--max-severity must be one of ${severities.join(', ')}, not '${maxSeverity}'`,
    );
  }
  const fromFile = values.config ? readSettingsFile(values.config) : {};
  const version = values['kubernetes-version'];
  if (version !== undefined && !parseMinorVersion(version)) {
    throw new UsageError(`--kubernetes-version must look like 1.29, not '${version}'`);
  }
  const fileCrds = normalizeSettings(fromFile).crds;
  const settings = normalizeSettings({
    ...fromFile,
    ...(version !== undefined ? { kubernetesVersion: version } : {}),
    crds: [...fileCrds, ...(values.crds ?? [])],
  });
  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    format,
    maxSeverity,
    settings,
    help: values.help,
    kustomize: !values['no-kustomize'],
  };
}

function isOneOf<T extends string>(value: string, allowed: readonly T[]): value is T {
  return (allowed as readonly string[]).includes(value);
}

/** Reads a JSON settings file; keys may carry the editor's `kubeStateful.` prefix. */
function readSettingsFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the settings file ${path}: ${errorMessage(error)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the settings file ${path} is not valid JSON: ${errorMessage(error)}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new UsageError(`the settings file ${path} must hold a JSON object`);
  }
  const settings: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    settings[key.startsWith('kubeStateful.') ? key.slice('kubeStateful.'.length) : key] = value;
  }
  return settings;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** True when `severity` is at least as severe as `threshold`. */
export function isAtOrAbove(severity: Severity, threshold: Severity): boolean {
  return severities.indexOf(severity) <= severities.indexOf(threshold);
}
