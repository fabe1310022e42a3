// Writes a set of generated files into a folder all at once or not at all: an unwritable folder,
// a full disk or a folder in the way of a file leaves the target exactly as it was.
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FileToWrite {
  /** Relative to the target folder; a plain file name. */
  readonly path: string;
  readonly content: string;
}

/** Why the files could not be written; nothing was written. */
export class WriteError extends Error {}

/**
 * Writes every file into `folder` (created when missing), or none of them. Each file is first
 * written under a temporary name beside its target; only when all are on disk are they renamed
 * into place, which replaces a file atomically. On a failure the temporary files and the folders
 * this call created are removed again.
 */
export function writeAllOrNothing(folder: string, files: readonly FileToWrite[]): void {
  for (const file of files) {
    const target = join(folder, file.path);
    if (existsAsNonFile(target)) {
      throw new WriteError(`${target} exists and is not a file.`);
    }
  }
  let createdFolder: string | undefined;
  const staged: { temporary: string; target: string }[] = [];
  try {
    createdFolder = mkdirSync(folder, { recursive: true });
    for (const file of files) {
      const target = join(folder, file.path);
      const temporary = join(folder, `.${file.path}.${process.pid}.kube-stateful-tmp`);
      writeFileSync(temporary, file.content, { flag: 'wx' });
      staged.push({ temporary, target });
    }
  } catch (error) {
    for (const { temporary } of staged) {
      rmSync(temporary, { force: true });
    }
    if (createdFolder !== undefined) {
      rmSync(createdFolder, { recursive: true, force: true });
    }
    throw new WriteError(`cannot write to ${folder}: ${describeWriteError(error)}.`);
  }
  for (const { temporary, target } of staged) {
    renameSync(temporary, target);
  }
}

function existsAsNonFile(path: string): boolean {
  try {
    return !statSync(path).isFile();
  } catch {
    return false;
  }
}

function describeWriteError(error: unknown): string {
  switch ((error as { code?: unknown } | null)?.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
