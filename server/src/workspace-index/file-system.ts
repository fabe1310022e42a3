// The file access the index needs, behind an interface so tests can use an in-memory map and
// the server and CLI use Node's fs. Paths are absolute, with the platform's separators.
import { readdir, readFile, stat } from 'node:fs/promises';

export interface DirectoryEntry {
  readonly name: string;
  readonly isDirectory: boolean;
}

export interface FileSystem {
  readFile(path: string): Promise<string>;
  /** The entries of one directory (not recursive); the scanner decides what to descend into. */
  listFiles(directory: string): Promise<readonly DirectoryEntry[]>;
  /** The file's size in bytes, so oversized files are skipped before they are read. */
  fileSize(path: string): Promise<number>;
}

export const nodeFileSystem: FileSystem = {
  readFile: (path) => readFile(path, 'utf8'),
  async listFiles(directory) {
    const entries = await readdir(directory, { withFileTypes: true });
    // Symbolic links are not followed: they can form cycles and usually point out of the tree.
    return entries
      .filter((entry) => entry.isFile() || entry.isDirectory())
      .map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() }));
  },
  fileSize: async (path) => (await stat(path)).size,
};
