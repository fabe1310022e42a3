// Shared between client and server: the settings shape and the custom requests. Imports only
// vscode-languageserver-protocol so the client can include this one file by path.
import { RequestType } from 'vscode-languageserver-protocol';

export type RuleSeverity = 'off' | 'hint' | 'info' | 'warning' | 'error';

/** The `kubeStateful.*` settings, as the server reads them. */
export interface KubeStatefulSettings {
  /** False turns every diagnostic off (completion and hover stay). */
  readonly validate: boolean;
  /** Per-rule severity overrides keyed by rule id. */
  readonly rules: Readonly<Record<string, RuleSeverity>>;
  /** Files longer than this (in characters) are skipped with one information diagnostic. */
  readonly maxFileSize: number;
  /** Target Kubernetes minor version for API deprecation rules, e.g. `1.36`; empty for the newest. */
  readonly kubernetesVersion: string;
  /** StorageClass names that exist in the cluster but not in the workspace. */
  readonly knownStorageClasses: readonly string[];
  /** Glob patterns (relative to a workspace folder) of files the workspace index skips. */
  readonly exclude: readonly string[];
}

export const defaultSettings: KubeStatefulSettings = {
  validate: true,
  rules: {},
  maxFileSize: 5_000_000,
  kubernetesVersion: '',
  knownStorageClasses: [],
  exclude: [],
};

/** Fills in missing or mistyped settings with defaults, so the server never trusts raw input. */
export function normalizeSettings(raw: unknown): KubeStatefulSettings {
  const input = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const strings = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  const severities = new Set<string>(['off', 'hint', 'info', 'warning', 'error']);
  const rules: Record<string, RuleSeverity> = {};
  if (typeof input.rules === 'object' && input.rules !== null) {
    for (const [id, severity] of Object.entries(input.rules as Record<string, unknown>)) {
      if (typeof severity === 'string' && severities.has(severity)) {
        rules[id] = severity as RuleSeverity;
      }
    }
  }
  return {
    validate: typeof input.validate === 'boolean' ? input.validate : defaultSettings.validate,
    rules,
    maxFileSize:
      typeof input.maxFileSize === 'number' && input.maxFileSize > 0
        ? input.maxFileSize
        : defaultSettings.maxFileSize,
    kubernetesVersion:
      typeof input.kubernetesVersion === 'string' ? input.kubernetesVersion.trim() : '',
    knownStorageClasses: strings(input.knownStorageClasses),
    exclude: strings(input.exclude),
  };
}

/** Server → client: the server's readiness, so tests and commands can wait instead of sleeping. */
export interface ServerStatus {
  readonly indexedFiles: number;
  readonly indexing: boolean;
}

export const serverStatusRequest = new RequestType<void, ServerStatus, void>('kubeStateful/status');
