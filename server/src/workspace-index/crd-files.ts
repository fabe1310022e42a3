// Reads the CustomResourceDefinitions named by `kubeStateful.crds` / `--crds`: files, folders
// (every YAML file below) or globs, usually outside the workspace. Shared by the server and CLI.
import { basename, dirname, isAbsolute, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { parseFile } from '../model';
import { readCrd } from '../schema/custom-resources';
import type { CrdDeclaration } from '../schema/custom-resources';
import type { FileSystem } from './file-system';
import { uriOfPath } from './index-files';
import { listManifestFiles } from './scan-workspace';

/** What reading the configured CRDs found, and what it could not read (for a log line). */
export interface CrdFiles {
  readonly declarations: readonly CrdDeclaration[];
  readonly problems: readonly string[];
}

/** Files larger than this are not CRDs anyone wrote by hand; skip them like the index does. */
const maxCrdFileSize = 10_000_000;

/** Expands the entries (relative ones against `base`) and reads every CRD in them. */
export async function readCrdFiles(
  fs: FileSystem,
  entries: readonly string[],
  base: string,
): Promise<CrdFiles> {
  const problems: string[] = [];
  const paths = new Set<string>();
  for (const entry of entries) {
    const found = await expandEntry(fs, entry, base);
    if (found.length === 0) {
      problems.push(`${entry}: no YAML file found`);
    }
    found.forEach((path) => paths.add(path));
  }
  const declarations: CrdDeclaration[] = [];
  for (const path of paths) {
    try {
      if ((await fs.fileSize(path)) > maxCrdFileSize) {
        problems.push(`${path}: larger than ${maxCrdFileSize} bytes, skipped`);
        continue;
      }
      const uri = uriOfPath(path);
      const model = parseFile(uri, 0, await fs.readFile(path));
      for (const document of model.documents) {
        const declaration = readCrd(uri, document);
        if (declaration) {
          declarations.push(declaration);
        }
      }
    } catch (error) {
      problems.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { declarations, problems };
}

const globCharacters = /[*?[\]{}]/;

async function expandEntry(fs: FileSystem, entry: string, base: string): Promise<string[]> {
  const absolute = isAbsolute(entry) ? entry : resolve(base, entry);
  if (!globCharacters.test(absolute)) {
    try {
      await fs.fileSize(absolute);
      return [absolute];
    } catch {
      // Not a regular file: a folder, or nothing.
      return listManifestFiles(fs, absolute, { exclude: [] });
    }
  }
  // A glob: list the folder before its first wildcard, then match the whole path.
  const { root } = splitGlob(absolute);
  const matches = picomatch(toSlashes(absolute), { dot: true });
  const files = await listManifestFiles(fs, root, { exclude: [] });
  return files.filter((path) => matches(toSlashes(path)));
}

/**
 * What to watch for one `kubeStateful.crds` entry: a folder and a glob relative to it, the shape
 * of an LSP relative pattern. A file is watched by its own name in its folder, a folder by every
 * YAML file below it, a glob by the part after its last fixed folder.
 */
export interface CrdWatch {
  readonly folder: string;
  readonly pattern: string;
}

/** The watches for the entries (relative ones against `base`); a file or folder is told by `fs`. */
export async function crdWatches(
  fs: FileSystem,
  entries: readonly string[],
  base: string,
): Promise<CrdWatch[]> {
  const watches: CrdWatch[] = [];
  for (const entry of entries) {
    const absolute = isAbsolute(entry) ? entry : resolve(base, entry);
    if (globCharacters.test(absolute)) {
      const { root, rest } = splitGlob(absolute);
      watches.push({ folder: root, pattern: rest });
      continue;
    }
    const isFile = await fs.fileSize(absolute).then(
      () => true,
      () => false,
    );
    // A path that does not exist yet is watched as a folder: it may be created later, and
    // creating a file there then arrives as an event.
    watches.push(
      isFile
        ? { folder: dirname(absolute), pattern: basename(absolute) }
        : { folder: absolute, pattern: '**/*.{yaml,yml}' },
    );
  }
  return watches;
}

/**
 * Whether a changed path is one the entries read: the same file, a YAML file below a named
 * folder, or a path the glob matches. The server reloads the configured CRDs when it is.
 */
export function createCrdPathMatcher(
  entries: readonly string[],
  base: string,
): (path: string) => boolean {
  const tests = entries.map((entry): ((path: string) => boolean) => {
    const absolute = isAbsolute(entry) ? entry : resolve(base, entry);
    if (globCharacters.test(absolute)) {
      const matches = picomatch(toSlashes(absolute), { dot: true });
      return (path) => matches(toSlashes(path));
    }
    const below = absolute.endsWith(sep) ? absolute : absolute + sep;
    return (path) => path === absolute || (path.startsWith(below) && /\.ya?ml$/i.test(path));
  });
  return (path) => tests.some((test) => test(path));
}

function toSlashes(path: string): string {
  return path.split(sep).join('/');
}

/** A glob's fixed folder (the parts before the first wildcard) and the rest, slash-separated. */
function splitGlob(absolute: string): { root: string; rest: string } {
  const parts = absolute.split(sep);
  const firstGlob = parts.findIndex((part) => globCharacters.test(part));
  return {
    root: parts.slice(0, firstGlob).join(sep) || sep,
    rest: parts.slice(firstGlob).join('/'),
  };
}
