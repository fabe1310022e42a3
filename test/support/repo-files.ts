// Lists the repository's own source files (no node_modules, build output or fixtures), for the
// checks that read the code itself: no skipped tests, layer fences, completeness.
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '..', '..', '..');

const skipped = new Set(['node_modules', 'out', 'dist', '.git', 'test-results', '.vscode-test']);

/** Paths relative to the repository root, with `/`, of files under `folder` ending in `suffix`. */
export function repoFiles(folder: string, suffix: string): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!skipped.has(entry.name)) {
          visit(join(dir, entry.name));
        }
      } else if (entry.name.endsWith(suffix)) {
        found.push(relative(repoRoot, join(dir, entry.name)).split('\\').join('/'));
      }
    }
  };
  visit(join(repoRoot, folder));
  return found.sort();
}
