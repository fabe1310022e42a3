// Shared between client and server: the settings shape and the custom requests. Imports only
// vscode-languageserver-protocol so the client can include this one file by path.
import { NotificationType0, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

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
  /**
   * CustomResourceDefinition files, folders or globs outside the workspace (operators installed
   * by Helm or OLM); relative paths are resolved against the first workspace folder.
   */
  readonly crds: readonly string[];
  /**
   * `kubeStateful.kustomize.command`: how to render overlays. Empty looks for `kustomize`, then
   * `kubectl kustomize`; `off` never renders; anything else is the program to run.
   */
  readonly kustomizeCommand: string;
  /** Inlay hints with pod DNS names, claimed storage and pods a budget lets go (issue 19). */
  readonly inlayHints: { readonly enabled: boolean };
}

export const defaultSettings: KubeStatefulSettings = {
  validate: true,
  rules: {},
  maxFileSize: 5_000_000,
  kubernetesVersion: '',
  knownStorageClasses: [],
  exclude: [],
  crds: [],
  kustomizeCommand: '',
  inlayHints: { enabled: true },
};

/** `{ enabled: boolean }` sections: the flag when it is a boolean, else the default. */
function enabledIn(section: unknown, fallback: boolean): boolean {
  const enabled =
    typeof section === 'object' && section !== null
      ? (section as Record<string, unknown>).enabled
      : undefined;
  return typeof enabled === 'boolean' ? enabled : fallback;
}

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
    crds: strings(input.crds),
    kustomizeCommand: kustomizeCommandOf(input),
    inlayHints: { enabled: enabledIn(input.inlayHints, defaultSettings.inlayHints.enabled) },
  };
}

/** `kustomize.command` as VS Code sends it (nested), or as a flat key from a settings file. */
function kustomizeCommandOf(input: Record<string, unknown>): string {
  const nested = input.kustomize;
  const value =
    typeof nested === 'object' && nested !== null
      ? (nested as Record<string, unknown>).command
      : (input['kustomize.command'] ?? input.kustomizeCommand);
  return typeof value === 'string' ? value.trim() : '';
}

/** Server → client: the server's readiness, so tests and commands can wait instead of sleeping. */
export interface ServerStatus {
  readonly indexedFiles: number;
  readonly indexing: boolean;
  /** Index updates under way after edits, closes and file events (0 when settled). */
  readonly pendingUpdates: number;
}

export const serverStatusRequest = new RequestType<void, ServerStatus, void>('kubeStateful/status');

/** The manifest sets the scaffold can generate. */
export type ScaffoldVariant = 'kafka-zookeeper' | 'kafka-kraft' | 'kafka-strimzi';

/** Cloud CSI drivers the scaffold can create a StorageClass for. */
export type StorageProvider = 'azure-disk-csi' | 'aws-ebs-csi' | 'gce-pd-csi';

/** Create a StorageClass for a CSI driver, or use one that already exists. */
export type StorageClassChoice =
  { readonly create: StorageProvider } | { readonly existing: string };

export type AntiAffinityMode = 'required' | 'preferred';

/**
 * What the scaffold is asked for. Everything but the variant is optional and gets a default;
 * the server validates every field again (CLI and editor input alike).
 */
export interface ScaffoldOptionsInput {
  readonly variant: ScaffoldVariant;
  readonly namespace?: string;
  /** ZooKeeper ensemble size (ZooKeeper variant): odd, at least 3. */
  readonly zookeeperReplicas?: number;
  /** KRaft controller quorum size (KRaft variant): odd, at least 3. */
  readonly controllers?: number;
  readonly brokers?: number;
  readonly storageClass?: StorageClassChoice;
  readonly kafkaVolumeSize?: string;
  readonly zookeeperVolumeSize?: string;
  readonly controllerVolumeSize?: string;
  readonly kafkaMemory?: string;
  readonly zookeeperMemory?: string;
  readonly controllerMemory?: string;
  readonly kafkaImage?: string;
  readonly zookeeperImage?: string;
  readonly antiAffinity?: AntiAffinityMode;
  /** KRaft cluster id (22 characters of base64url); derived from the namespace when absent. */
  readonly clusterId?: string;
  readonly clusterDomain?: string;
}

/** A problem with one option, named by its `ScaffoldOptionsInput` key. */
export interface ScaffoldOptionIssue {
  readonly option: keyof ScaffoldOptionsInput;
  readonly message: string;
}

/** One generated file, its path relative to the target folder (always `/`-separated). */
export interface ScaffoldFile {
  readonly path: string;
  readonly content: string;
}

export interface ScaffoldResult {
  /** Empty when `errors` is not. */
  readonly files: readonly ScaffoldFile[];
  /** The file to open when done (the Kafka broker StatefulSet). */
  readonly mainFile: string;
  readonly warnings: readonly string[];
  readonly errors: readonly ScaffoldOptionIssue[];
}

/** Client → server: generate the manifest set (nothing is written; the client writes it). */
export const scaffoldRequest = new RequestType<ScaffoldOptionsInput, ScaffoldResult, void>(
  'kubeStateful/scaffold',
);

/** Client → server: StorageClass names defined in the workspace or listed in the settings. */
export const storageClassNamesRequest = new RequestType0<string[], void>(
  'kubeStateful/storageClassNames',
);

/**
 * Client → server: the user trusted the workspace, so overlays may now be rendered with
 * kustomize. The trust at start comes in `initializationOptions.workspaceTrusted`.
 */
export const workspaceTrustedNotification = new NotificationType0('kubeStateful/workspaceTrusted');

/**
 * Client commands the server's code lenses invoke (issue 19): open `[uri, range]`, and run the
 * quick fix of `[uri, range, ruleId]` (the code action fixing that rule's diagnostic in range).
 */
export const openLocationCommand = 'kubeStateful.openLocation';
export const applyQuickFixCommand = 'kubeStateful.applyQuickFix';

/** Client → server: the topology picture of a file's namespace (issue 19). */
export interface TopologyParams {
  readonly uri: string;
  /** A 0-based line of the file: its object's namespace is shown (default: the first object's). */
  readonly line?: number;
}

/** One object drawn in the picture, as the SVG's `data-*` attributes also carry it. */
export interface TopologyNodeSummary {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  /** Where the object is written (pods and per-pod claims: their StatefulSet), 0-based line. */
  readonly uri: string;
  readonly line: number;
  /** The worst severity among the object's findings, if it has any. */
  readonly severity?: 'error' | 'warning' | 'info' | 'hint';
  readonly findings: readonly string[];
}

export interface TopologyResult {
  readonly namespace: string;
  /** The laid-out picture: one <svg> whose classes `stylesheet` colours; no script, no style. */
  readonly svg: string;
  /** CSS for `svg` in the editor theme's colours (VS Code's `--vscode-*` variables). */
  readonly stylesheet: string;
  readonly nodes: readonly TopologyNodeSummary[];
  readonly edges: readonly { readonly from: string; readonly to: string; readonly kind: string }[];
}

export const topologyRequest = new RequestType<TopologyParams, TopologyResult, void>(
  'kubeStateful/topology',
);

/** Client command: open the topology panel for `[uri, line?]` (the active editor without). */
export const showTopologyCommand = 'kubeStateful.showTopology';
