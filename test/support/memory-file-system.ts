// An in-memory FileSystem over a map of absolute paths to contents, for index and scanner tests.
import { sep } from 'node:path';
import type { DirectoryEntry, FileSystem } from '../../server/src/workspace-index/file-system';

export function createMemoryFileSystem(files: Record<string, string>): FileSystem & {
  readonly files: Map<string, string>;
} {
  const map = new Map(Object.entries(files));
  return {
    files: map,
    readFile(path) {
      const text = map.get(path);
      return text === undefined
        ? Promise.reject(new Error(`ENOENT: ${path}`))
        : Promise.resolve(text);
    },
    listFiles(directory) {
      const prefix = directory.endsWith(sep) ? directory : directory + sep;
      const entries = new Map<string, DirectoryEntry>();
      for (const path of map.keys()) {
        if (!path.startsWith(prefix)) {
          continue;
        }
        const rest = path.slice(prefix.length);
        const first = rest.split(sep)[0]!;
        entries.set(first, { name: first, isDirectory: rest.includes(sep) });
      }
      return Promise.resolve([...entries.values()]);
    },
    fileSize(path) {
      // Like Node's implementation, a folder or a missing path is not a regular file.
      const text = map.get(path);
      return text === undefined
        ? Promise.reject(new Error(`not a regular file: ${path}`))
        : Promise.resolve(text.length);
    },
  };
}
