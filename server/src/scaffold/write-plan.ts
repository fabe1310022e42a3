// Deciding what to write when some generated files already exist. Pure and dependency-free so
// the CLI and the editor client (which imports it by path) make the same decisions.
import type { ScaffoldFile } from '../protocol';

/** What to do with files that already exist: replace them, leave them, or write nothing at all. */
export type ConflictChoice = 'overwrite' | 'skip' | 'cancel';

export interface WritePlan {
  /** Files that do not exist yet. */
  readonly create: readonly ScaffoldFile[];
  /** Existing files that will be replaced. */
  readonly overwrite: readonly ScaffoldFile[];
  /** Existing files left as they are. */
  readonly skip: readonly string[];
}

/** The generated paths that already exist, in the order of the files. */
export function existingPaths(
  files: readonly ScaffoldFile[],
  exists: (path: string) => boolean,
): string[] {
  return files.map((file) => file.path).filter(exists);
}

/**
 * The writes for a choice about the existing files; undefined on `cancel` (nothing is written).
 * Without conflicts the choice does not matter and every file is created.
 */
export function planWrites(
  files: readonly ScaffoldFile[],
  existing: readonly string[],
  choice: ConflictChoice,
): WritePlan | undefined {
  const taken = new Set(existing);
  const create = files.filter((file) => !taken.has(file.path));
  if (taken.size === 0) {
    return { create, overwrite: [], skip: [] };
  }
  switch (choice) {
    case 'cancel':
      return undefined;
    case 'overwrite':
      return { create, overwrite: files.filter((file) => taken.has(file.path)), skip: [] };
    case 'skip':
      return { create, overwrite: [], skip: files.map((f) => f.path).filter((p) => taken.has(p)) };
  }
}

/** A one-line summary for a notification or the CLI: what was written and what was left. */
export function describePlan(plan: WritePlan, folder: string): string {
  const written = plan.create.length + plan.overwrite.length;
  const parts = [`Wrote ${written} file${written === 1 ? '' : 's'} to ${folder}`];
  if (plan.overwrite.length > 0) {
    parts.push(`replaced ${plan.overwrite.length}`);
  }
  if (plan.skip.length > 0) {
    parts.push(`kept ${plan.skip.length} existing (${plan.skip.join(', ')})`);
  }
  return `${parts.join('; ')}.`;
}
