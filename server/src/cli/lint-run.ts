// Runs the editor's rules over files and folders: folders are scanned like a workspace (same
// skips, same index), every file is indexed first so cross-file rules see the whole set, then
// each file is checked. Node-free apart from paths: file access goes through a FileSystem.
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findKustomize } from '../kustomize-run/build';
import { RenderCache, renderOverlays } from '../kustomize-run/render';
import type { FileModel } from '../model';
import { documentAt, parseFile } from '../model';
import type { KubeStatefulSettings } from '../protocol';
import { runRules } from '../rules/run-rules';
import type { Schema } from '../schema';
import { composeSchema } from '../schema/custom-resources';
import { readCrdFiles } from '../workspace-index/crd-files';
import { extractFacts } from '../workspace-index/extract-facts';
import type { FileSystem } from '../workspace-index/file-system';
import { NotARegularFileError } from '../workspace-index/file-system';
import { statUri, uriOfPath } from '../workspace-index/index-files';
import { listManifestFiles } from '../workspace-index/scan-workspace';
import { WorkspaceIndex } from '../workspace-index/workspace-index';
import type { LocatedFinding } from '../features/topology';
import type { IndexView } from '../rules/index-view';
import type { ReportedFinding } from './report';
import { toReported } from './report';

/** Input the CLI cannot read: a missing path or an unreadable file (exit code 2). */
export class InputError extends Error {}

export interface LintRun {
  readonly findings: readonly ReportedFinding[];
  readonly filesChecked: number;
  /** What happened with kustomize overlays (rendered, skipped, why not), for stderr. */
  readonly notes: readonly string[];
  /** The index of the files checked, and each finding's object (for `kube-stateful graph`). */
  readonly index: IndexView;
  readonly located: readonly LocatedFinding[];
}

export interface LintRunOptions {
  readonly paths: readonly string[];
  readonly settings: KubeStatefulSettings;
  readonly schema: Schema;
  readonly fs: FileSystem;
  /** Paths in the output are relative to this folder. */
  readonly cwd: string;
  /** Render top-level kustomize overlays and check them too (unless `--no-kustomize`). */
  readonly kustomize?: boolean;
}

export async function lintPaths(options: LintRunOptions): Promise<LintRun> {
  const { fs, settings, cwd } = options;
  const files = await collectFiles(options);
  const index = new WorkspaceIndex(statUri);
  index.setRoots(await rootUris(options));
  // A file given alone still takes its namespace from the kustomization beside it, as in the editor.
  for (const path of await siblingKustomizations(fs, files)) {
    const uri = uriOfPath(path);
    let text: string;
    try {
      text = await fs.readFile(path);
    } catch (error) {
      throw new InputError(`cannot read ${path}: ${describe(error)}`);
    }
    index.update(uri, extractFacts(parseFile(uri, 0, text)));
  }
  const models: { path: string; model: FileModel }[] = [];
  const findings: ReportedFinding[] = [];
  for (const path of files) {
    let size: number;
    let text: string;
    try {
      size = await fs.fileSize(path);
      text = size > settings.maxFileSize ? '' : await fs.readFile(path);
    } catch (error) {
      throw new InputError(`cannot read ${displayPath(cwd, path)}: ${describe(error)}`);
    }
    if (size > settings.maxFileSize) {
      findings.push(tooLarge(displayPath(cwd, path), size, settings.maxFileSize));
      continue;
    }
    if (text.includes('\0')) {
      // YAML never contains NUL; checking such a file would only report that it is not ours.
      throw new InputError(
        `cannot read ${displayPath(cwd, path)}: it contains NUL bytes, so it is a binary file or text in an ` +
          'encoding other than UTF-8 or UTF-16 with a byte order mark.',
      );
    }
    const uri = uriOfPath(path);
    const model = parseFile(uri, 0, text);
    index.update(uri, extractFacts(model));
    models.push({ path, model });
  }
  // Custom resources take their schema from the CRDs among the files and from `crds`.
  const configured = await readCrdFiles(fs, settings.crds, cwd);
  if (configured.problems.length > 0) {
    throw new InputError(`cannot read the CRDs: ${configured.problems.join('; ')}`);
  }
  const schema = composeSchema(options.schema, [
    ...index.customResourceDefinitions(),
    ...configured.declarations,
  ]);
  const view = index.view();
  const located: LocatedFinding[] = [];
  for (const { path, model } of models) {
    const shown = displayPath(cwd, path);
    for (const finding of runRules(model, {
      schema,
      settings,
      index: view,
      defaultNamespace: index.defaultNamespaceOf(model.uri),
      roleOf: (documentIndex) => index.roleOf(model.uri, documentIndex),
      overlays: index.overlayScopesFor(model.uri, (uri) => overlayLabel(options.cwd, uri)),
    })) {
      findings.push(toReported(shown, model, finding));
      located.push({
        uri: model.uri,
        documentIndex: documentAt(model, finding.span[0]).index,
        severity: finding.severity,
        ruleId: finding.ruleId,
        message: finding.message,
      });
    }
  }
  const notes = options.kustomize === false ? [] : await lintOverlays(options, index, findings);
  return { findings, filesChecked: files.length, notes, index: view, located };
}

/** An overlay as messages name it: its folder, relative to where the CLI runs. */
function overlayLabel(cwd: string, overlayUri: string): string {
  return displayPath(cwd, dirname(fileURLToPath(overlayUri))) || '.';
}

/** Builds every top-level overlay with kustomize and adds the traced findings. */
async function lintOverlays(
  options: LintRunOptions,
  index: WorkspaceIndex,
  findings: ReportedFinding[],
): Promise<string[]> {
  if (index.kustomizeTree().topLevel().length === 0) {
    return [];
  }
  const lookup = await findKustomize(options.settings.kustomizeCommand);
  if (!lookup.command) {
    return [`kustomize overlays not rendered: ${lookup.reason}`];
  }
  const notes: string[] = [];
  const reports = await renderOverlays({
    command: lookup.command,
    index,
    schema: options.schema,
    settings: options.settings,
    readText: (uri) => options.fs.readFile(fileURLToPath(uri)).catch(() => undefined),
    labelOf: (uri) => overlayLabel(options.cwd, uri),
    timeoutMs: 60_000,
    cache: new RenderCache(),
    log: () => undefined,
  });
  for (const report of reports) {
    notes.push(
      report.skipped
        ? `kustomize: skipped ${report.label}: ${report.skipped}`
        : `kustomize: ${lookup.command.display} ${report.label}: ${report.failed ? 'failed' : 'rendered'} in ${report.milliseconds ?? 0} ms`,
    );
    for (const finding of report.findings) {
      findings.push({
        path: displayPath(options.cwd, fileURLToPath(finding.uri)),
        line: finding.range.start.line + 1,
        column: finding.range.start.character + 1,
        endLine: finding.range.end.line + 1,
        endColumn: finding.range.end.character + 1,
        severity: finding.severity,
        ruleId: finding.ruleId,
        message: finding.message,
      });
    }
  }
  return notes;
}

/** Explicit files are always checked; folders contribute the manifests the editor would index. */
/** The folders given on the command line (a file's own folder), as the index's workspace roots. */
async function rootUris(options: LintRunOptions): Promise<string[]> {
  const roots: string[] = [];
  for (const given of options.paths) {
    const path = resolve(options.cwd, given);
    roots.push(uriOfPath((await isDirectory(options.fs, path, given)) ? path : dirname(path)));
  }
  return roots;
}

async function collectFiles(options: LintRunOptions): Promise<string[]> {
  const seen = new Set<string>();
  const files: string[] = [];
  for (const given of options.paths) {
    const path = resolve(options.cwd, given);
    const found = (await isDirectory(options.fs, path, given))
      ? await listManifestFiles(options.fs, path, { exclude: options.settings.exclude })
      : [await existingFile(options.fs, path, given)];
    for (const file of found) {
      if (!seen.has(file)) {
        seen.add(file);
        files.push(file);
      }
    }
  }
  return files;
}

const kustomizationNames = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** Kustomization files in the folders of the given files that are not checked themselves. */
async function siblingKustomizations(fs: FileSystem, files: readonly string[]): Promise<string[]> {
  const checked = new Set(files);
  const found: string[] = [];
  for (const folder of new Set(files.map((file) => dirname(file)))) {
    for (const name of kustomizationNames) {
      const path = join(folder, name);
      if (
        !checked.has(path) &&
        (await fs.fileSize(path).then(
          () => true,
          () => false,
        ))
      ) {
        found.push(path);
      }
    }
  }
  return found;
}

/** Whether `path` is a folder to scan; a folder that cannot be listed is unreadable input. */
async function isDirectory(fs: FileSystem, path: string, given: string): Promise<boolean> {
  try {
    await fs.listFiles(path);
    return true;
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'EACCES' || code === 'EPERM') {
      throw new InputError(`cannot read ${given}: ${describe(error)}`);
    }
    // Not a folder (or missing): the caller reads it as a file and reports what is wrong.
    return false;
  }
}

async function existingFile(fs: FileSystem, path: string, given: string): Promise<string> {
  try {
    await fs.fileSize(path);
    return path;
  } catch (error) {
    throw new InputError(`cannot read ${given}: ${describe(error)}`);
  }
}

function displayPath(cwd: string, path: string): string {
  return relative(cwd, path).split(sep).join('/');
}

function tooLarge(path: string, size: number, limit: number): ReportedFinding {
  return {
    path,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    severity: 'info',
    ruleId: 'file-too-large',
    message: `Skipped: the file has ${size} bytes, more than maxFileSize (${limit}).`,
  };
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') {
    return 'no such file or directory';
  }
  if (code === 'EACCES') {
    return 'permission denied';
  }
  if (error instanceof NotARegularFileError) {
    return 'not a regular file (a FIFO, device or socket would never finish reading)';
  }
  return error instanceof Error ? error.message : String(error);
}
