// Reads the CustomResourceDefinitions named by `kubeStateful.crds` / `--crds`: files, folders
// (every YAML file below) or globs, usually outside the workspace. Shared by the server and CLI.
import { isAbsolute, resolve, sep } from 'node:path';
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
  const parts = absolute.split(sep);
  const firstGlob = parts.findIndex((part) => globCharacters.test(part));
  const root = parts.slice(0, firstGlob).join(sep) || sep;
  const matches = picomatch(absolute.split(sep).join('/'), { dot: true });
  const files = await listManifestFiles(fs, root, { exclude: [] });
  return files.filter((path) => matches(path.split(sep).join('/')));
}
