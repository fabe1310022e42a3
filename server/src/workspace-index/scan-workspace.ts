// Finds the manifest files of a workspace folder and decides which paths the index skips:
// `node_modules`, `.git`, the `templates/` folder of a Helm chart and the user's exclude globs.
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import type { FileSystem } from './file-system';

const skippedDirectories: ReadonlySet<string> = new Set(['node_modules', '.git']);

export interface ScanOptions {
  /** Globs relative to the workspace folder (`kubeStateful.exclude`). */
  readonly exclude: readonly string[];
}

/** True for the file names the index reads. */
export function isManifestName(name: string): boolean {
  return /\.ya?ml$/i.test(name) || name === 'Kustomization';
}

/** A matcher for the user's exclude globs, relative to `root`. */
export function createExcludeMatcher(
  root: string,
  exclude: readonly string[],
): (path: string) => boolean {
  if (exclude.length === 0) {
    return () => false;
  }
  const matches = picomatch([...exclude], { dot: true });
  return (path) => {
    const relativePath = relative(root, path).split(sep).join('/');
    return !relativePath.startsWith('..') && matches(relativePath);
  };
}

/**
 * Whether a path inside `root` is skipped because of a folder on its way: `node_modules`,
 * `.git`, or a Helm chart's `templates/` (Go templates, not manifests). Exclude globs are
 * checked separately. `hasChart` tells whether a folder holds a `Chart.yaml`.
 */
export async function isInSkippedFolder(
  root: string,
  path: string,
  hasChart: (folder: string) => Promise<boolean>,
): Promise<boolean> {
  const parts = relative(root, path).split(sep);
  if (parts[0] === '..') {
    return true;
  }
  let folder = root;
  for (const part of parts.slice(0, -1)) {
    if (skippedDirectories.has(part) || (part === 'templates' && (await hasChart(folder)))) {
      return true;
    }
    folder = join(folder, part);
  }
  return false;
}

/** Every manifest file under `root`, depth-first, skipping what the index never reads. */
export async function listManifestFiles(
  fs: FileSystem,
  root: string,
  options: ScanOptions,
): Promise<string[]> {
  const excluded = createExcludeMatcher(root, options.exclude);
  const files: string[] = [];
  const visit = async (directory: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.listFiles(directory);
    } catch {
      // An unreadable folder (permissions, removed meanwhile) is simply not indexed.
      return;
    }
    const isChart = entries.some((entry) => !entry.isDirectory && entry.name === 'Chart.yaml');
    for (const entry of [...entries].sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(directory, entry.name);
      if (entry.isDirectory) {
        const skip = skippedDirectories.has(entry.name) || (isChart && entry.name === 'templates');
        if (!skip && !excluded(path)) {
          await visit(path);
        }
      } else if (isManifestName(entry.name) && !excluded(path)) {
        files.push(path);
      }
    }
  };
  await visit(root);
  return files;
}
