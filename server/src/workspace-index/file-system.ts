// The file access the index needs, behind an interface so tests can use an in-memory map and
// the server and CLI use Node's fs. Paths are absolute, with the platform's separators.
import { readdir, readFile, stat } from 'node:fs/promises';

export interface DirectoryEntry {
  readonly name: string;
  readonly isDirectory: boolean;
}

export interface FileSystem {
  /** The file's text; UTF-8, or UTF-16 when the file starts with a UTF-16 byte order mark. */
  readFile(path: string): Promise<string>;
  /** The entries of one directory (not recursive); the scanner decides what to descend into. */
  listFiles(directory: string): Promise<readonly DirectoryEntry[]>;
  /**
   * The file's size in bytes, so oversized files are skipped before they are read. Rejects with
   * NotARegularFileError for FIFOs, devices and sockets, which could block a read forever.
   */
  fileSize(path: string): Promise<number>;
}

/** A path that exists but is no regular file (a FIFO, a device such as /dev/zero, a socket). */
export class NotARegularFileError extends Error {
  constructor(readonly path: string) {
    super(`${path} is not a regular file`);
  }
}

export const nodeFileSystem: FileSystem = {
  readFile: async (path) => decodeText(await readFile(path)),
  async listFiles(directory) {
    const entries = await readdir(directory, { withFileTypes: true });
    // Symbolic links are not followed: they can form cycles and usually point out of the tree.
    return entries
      .filter((entry) => entry.isFile() || entry.isDirectory())
      .map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() }));
  },
  async fileSize(path) {
    const stats = await stat(path);
    if (!stats.isFile()) {
      throw new NotARegularFileError(path);
    }
    return stats.size;
  },
};

/**
 * Decodes file bytes as UTF-8, or as UTF-16 when a byte order mark says so (Windows tools such
 * as PowerShell's `>` write UTF-16, and Kubernetes' YAML reader accepts it). The BOM is dropped.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return bytes.subarray(2).toString('utf16le');
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    // swap16 needs whole code units; a stray last byte of a truncated file is dropped.
    const swapped = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return bytes.toString('utf8');
}
