// Reads manifest files from disk into the index: one file at a time (parse once, keep only the
// extracted facts) and whole folders in batches (reads in parallel, then parses) that yield to
// the event loop in between.
import { statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PathKind } from '../rules/index-view';
import { defaultSliceMs, parseFileInSlices, runInSlices, yieldToEventLoop } from '../model';
import { extractFactsSteps } from './extract-facts';
import type { FileSystem } from './file-system';
import { listManifestFiles } from './scan-workspace';
import type { IndexChange, WorkspaceIndex } from './workspace-index';

/** Files read from disk at once. */
const batchSize = 20;

/**
 * The longest the indexer parses before it lets other work (completion, diagnostics) run: a
 * request that arrives meanwhile waits at most about this long.
 */
const parseBudgetMs = defaultSliceMs;

export interface IndexFolderOptions {
  readonly exclude: readonly string[];
  /** Files above this many bytes are not read (the editor skips them too). */
  readonly maxFileSize: number;
  /** Open documents are indexed from the editor buffer, so the disk copy is skipped. */
  readonly isOpen: (uri: string) => boolean;
  readonly onProgress?: (done: number, total: number) => void;
  /** Checked between batches; a newer scan cancels an older one. */
  readonly isCancelled?: () => boolean;
  /**
   * Called as a file's read starts; the check it returns says, once the text is in, whether
   * that read is still the newest update of the file (a file event may have read it again).
   */
  readonly claim?: (uri: string) => () => boolean;
}

/** The canonical form of a file uri, so an editor's uri and one built from a path agree. */
export function canonicalUri(uri: string): string {
  if (!uri.startsWith('file:')) {
    return uri;
  }
  // Checking a file asks for the same uri once per document: parsing it as a URL each time
  // cost more than the rules of a document that had not changed.
  if (uri === lastCanonical.uri) {
    return lastCanonical.canonical;
  }
  let canonical: string;
  try {
    canonical = pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    canonical = uri;
  }
  lastCanonical = { uri, canonical };
  return canonical;
}

let lastCanonical = { uri: '', canonical: '' };

/**
 * What a `file:` uri is on the local disk (a stat call, no read), for the paths kustomizations
 * name; other schemes are `unknown`.
 */
export function statUri(uri: string): PathKind {
  let path: string;
  try {
    path = fileURLToPath(uri);
  } catch {
    return 'unknown';
  }
  try {
    const stats = statSync(path);
    return stats.isDirectory() ? 'folder' : 'file';
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unknown';
  }
}

export function uriOfPath(path: string): string {
  return pathToFileURL(path).href;
}

/** The text of a manifest on disk, or undefined when it is missing, unreadable or oversized. */
async function readManifest(
  fs: FileSystem,
  path: string,
  maxFileSize: number,
): Promise<string | undefined> {
  try {
    return (await fs.fileSize(path)) > maxFileSize ? undefined : await fs.readFile(path);
  } catch {
    return undefined;
  }
}

/**
 * Parses and extracts one file's text into the index; no text removes the file. A large file is
 * read in slices that let other requests in between; undefined when `isCurrent` turned false
 * meanwhile (a newer update of the file began), and nothing is written.
 */
async function indexText(
  index: WorkspaceIndex,
  uri: string,
  text: string | undefined,
  isCurrent: () => boolean,
): Promise<IndexChange | undefined> {
  if (text === undefined) {
    return isCurrent() ? index.remove(uri) : undefined;
  }
  const isStale = (): boolean => !isCurrent();
  // The model is dropped right after extraction: unopened files only cost their facts.
  const model = await parseFileInSlices(uri, 0, text, undefined, { isStale });
  const facts = model && (await runInSlices(extractFactsSteps(model), { isStale }));
  return facts && isCurrent() ? index.update(uri, facts) : undefined;
}

/**
 * Reads, parses and extracts one file; a missing or oversized file leaves the index. The read
 * takes time: when `isCurrent` says a newer update of the file began meanwhile (it was opened,
 * or read again), the result is dropped and undefined returned.
 */
export async function indexFileFromDisk(
  fs: FileSystem,
  index: WorkspaceIndex,
  path: string,
  maxFileSize: number,
  isCurrent: () => boolean = () => true,
): Promise<IndexChange | undefined> {
  const text = await readManifest(fs, path, maxFileSize);
  return isCurrent() ? indexText(index, uriOfPath(path), text, isCurrent) : undefined;
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
    const closed = files
      .slice(start, start + batchSize)
      .map((path) => ({ path, uri: uriOfPath(path) }))
      .filter(({ uri }) => !options.isOpen(uri))
      .map((file) => ({ ...file, isCurrent: options.claim?.(file.uri) ?? (() => true) }));
    // Reads wait on the disk, so a batch's reads run at once; one at a time they left the
    // server idle for about a third of the scan. Parsing then goes file by file.
    const texts = await Promise.all(
      closed.map(({ path }) => readManifest(fs, path, options.maxFileSize)),
    );
    let sliceStart = performance.now();
    for (const [i, { uri, isCurrent }] of closed.entries()) {
      // A file opened meanwhile is indexed from the editor buffer, which wins over the disk.
      if (!options.isOpen(uri) && isCurrent()) {
        await indexText(index, uri, texts[i], () => !options.isOpen(uri) && isCurrent());
      }
      if (performance.now() - sliceStart > parseBudgetMs) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }
    options.onProgress?.(Math.min(start + batchSize, files.length), files.length);
    await yieldToEventLoop();
  }
  return files.map(uriOfPath);
}
