// Reads manifest files from disk into the index: one file at a time (parse once, keep only the
// extracted facts) and whole folders in batches that yield to the event loop in between.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseFile } from '../model';
import { extractFacts } from './extract-facts';
import type { FileSystem } from './file-system';
import { listManifestFiles } from './scan-workspace';
import type { IndexChange, WorkspaceIndex } from './workspace-index';

/** Files per batch before the indexer lets other work (completion, diagnostics) run. */
const batchSize = 20;

export interface IndexFolderOptions {
  readonly exclude: readonly string[];
  /** Files above this many bytes are not read (the editor skips them too). */
  readonly maxFileSize: number;
  /** Open documents are indexed from the editor buffer, so the disk copy is skipped. */
  readonly isOpen: (uri: string) => boolean;
  readonly onProgress?: (done: number, total: number) => void;
  /** Checked between batches; a newer scan cancels an older one. */
  readonly isCancelled?: () => boolean;
}

/** The canonical form of a file uri, so an editor's uri and one built from a path agree. */
export function canonicalUri(uri: string): string {
  if (!uri.startsWith('file:')) {
    return uri;
  }
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

export function uriOfPath(path: string): string {
  return pathToFileURL(path).href;
}

/** Reads, parses and extracts one file; a missing or oversized file leaves the index. */
export async function indexFileFromDisk(
  fs: FileSystem,
  index: WorkspaceIndex,
  path: string,
  maxFileSize: number,
): Promise<IndexChange> {
  const uri = uriOfPath(path);
  let text: string;
  try {
    if ((await fs.fileSize(path)) > maxFileSize) {
      return index.remove(uri);
    }
    text = await fs.readFile(path);
  } catch {
    return index.remove(uri);
  }
  // The model is dropped right after extraction: unopened files only cost their facts.
  return index.update(uri, extractFacts(parseFile(uri, 0, text)));
}

/**
 * Indexes every manifest under the folders, yielding between batches. Returns the uris of the
 * files it found, so the caller can drop entries of files that no longer exist.
 */
export async function indexFolders(
  fs: FileSystem,
  index: WorkspaceIndex,
  roots: readonly string[],
  options: IndexFolderOptions,
): Promise<string[]> {
  const files: string[] = [];
  for (const root of roots) {
    files.push(...(await listManifestFiles(fs, root, { exclude: options.exclude })));
  }
  options.onProgress?.(0, files.length);
  for (let start = 0; start < files.length; start += batchSize) {
    if (options.isCancelled?.()) {
      break;
    }
    for (const path of files.slice(start, start + batchSize)) {
      if (!options.isOpen(uriOfPath(path))) {
        await indexFileFromDisk(fs, index, path, options.maxFileSize);
      }
    }
    options.onProgress?.(Math.min(start + batchSize, files.length), files.length);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return files.map(uriOfPath);
}
