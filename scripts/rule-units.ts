// Reads the rules as units: each folder `server/src/rules/<rule-id>/` with a `rule.ts` (the Rule),
// a `docs.md` (its section of docs/rules.md), optional `fix.ts` and `cases/`; and the pieces of
// docs/rules.md that belong to no single rule (`server/src/rules/docs/NN-<name>.md`), whose
// `rules:` front matter lists a group's rules in run order. scripts/rule-docs.ts generates the
// registry, the fix dispatch and the docs from what this returns.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Rule } from '../server/src/rules/types';

export const repoRoot = resolve(__dirname, '..', '..');
export const rulesSource = 'server/src/rules';
/** The compiled rule folders (this file runs from out/scripts/). */
const compiledRules = resolve(__dirname, '..', 'server', 'src', 'rules');
export const docsPiecesFolder = `${rulesSource}/docs`;

/** A part of docs/rules.md that belongs to no single rule, with the rules documented after it. */
export interface DocsPiece {
  readonly file: string;
  /** The rule ids of this group, in run order (empty for prose only). */
  readonly rules: readonly string[];
  /** The markdown after the front matter, ending in one newline. */
  readonly body: string;
}

export interface RuleUnit {
  readonly id: string;
  /** The name `rule.ts` exports the Rule under, and the generated files import. */
  readonly exportName: string;
  readonly rule: Rule;
  readonly hasFix: boolean;
  /** The rule's own docs section, or undefined when it is documented in `sharedSectionOf`'s. */
  readonly docs: string | undefined;
  readonly sharedSectionOf: string | undefined;
}

export interface RuleUnits {
  readonly pieces: readonly DocsPiece[];
  /** Every rule, in run order: the pieces' `rules:` lists, one after the other. */
  readonly units: readonly RuleUnit[];
}

/** `zk-4lw-probe` → `zk4lwProbe`. */
export function exportNameOf(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

const sourcePath = (...parts: string[]): string => join(repoRoot, rulesSource, ...parts);

/** The rule folders (those holding a rule.ts), sorted. */
export function ruleFolders(): string[] {
  return readdirSync(sourcePath(), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(sourcePath(entry.name, 'rule.ts')))
    .map((entry) => entry.name)
    .sort();
}

const frontMatter = /^---\n([\s\S]*?)\n---\n+/;

/** The docs pieces in file-name order. Only a `rules:` list of `  - <id>` lines is read. */
export function readDocsPieces(): DocsPiece[] {
  const folder = join(repoRoot, docsPiecesFolder);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(folder, name), 'utf8');
      const header = frontMatter.exec(text);
      const rules = header
        ? [...header[1]!.matchAll(/^ {2}- ([a-z0-9-]+)$/gm)].map((m) => m[1]!)
        : [];
      return {
        file: `${docsPiecesFolder}/${name}`,
        rules,
        body: ensureNewline(text.slice(header?.[0].length ?? 0)),
      };
    });
}

const ensureNewline = (text: string): string => `${text.trimEnd()}\n`;
const sectionPointer = /^<!-- section: ([a-z0-9-]+) -->\s*$/;

/**
 * What keeps the rule folders from making a registry and docs, one line per gap: a folder in no
 * group's `rules:` list (or in two), a listed id without a folder, a folder without docs.md or
 * whose docs.md does not open with its `### \`<rule-id>\`` heading, a rule.ts that does not
 * export its Rule under the id's camelCase name.
 */
export function readRuleUnits(): { units: RuleUnits; gaps: string[] } {
  const pieces = readDocsPieces();
  const folders = ruleFolders();
  const gaps: string[] = [];
  const listedIn = new Map<string, string>();
  for (const piece of pieces) {
    for (const id of piece.rules) {
      const other = listedIn.get(id);
      if (other !== undefined) {
        gaps.push(`${id}: listed in the rules: of both ${other} and ${piece.file}`);
      }
      listedIn.set(id, piece.file);
      if (!folders.includes(id)) {
        gaps.push(`${id}: listed in ${piece.file} but ${rulesSource}/${id}/rule.ts does not exist`);
      }
    }
  }
  for (const id of folders) {
    if (!listedIn.has(id)) {
      gaps.push(
        `${id}: in no group: add \`  - ${id}\` to the rules: list of a ${docsPiecesFolder}/*.md ` +
          '(where it runs and where its docs section goes)',
      );
    }
  }
  const units: RuleUnit[] = [];
  for (const id of pieces.flatMap((piece) => piece.rules).filter((id) => folders.includes(id))) {
    const unit = readUnit(id, gaps);
    if (unit) {
      units.push(unit);
    }
  }
  for (const unit of units) {
    if (unit.sharedSectionOf === undefined) {
      continue;
    }
    const owner = units.find((other) => other.id === unit.sharedSectionOf);
    if (!owner?.docs?.split('\n')[0]!.includes(`\`${unit.id}\``)) {
      gaps.push(
        `${unit.id}: its docs.md points at ${unit.sharedSectionOf}, whose heading does not name it`,
      );
    }
  }
  return { units: { pieces, units }, gaps };
}

function readUnit(id: string, gaps: string[]): RuleUnit | undefined {
  const exportName = exportNameOf(id);
  // The folders are only known at run time, so the compiled rule modules are loaded by path.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = (require(join(compiledRules, id, 'rule.js')) as Record<string, Rule | undefined>)[
    exportName
  ];
  if (loaded?.id !== id) {
    gaps.push(
      `${id}: ${rulesSource}/${id}/rule.ts must export the Rule as \`${exportName}\` with id '${id}'`,
    );
    return undefined;
  }
  const hasFix = existsSync(sourcePath(id, 'fix.ts'));
  const docsPath = sourcePath(id, 'docs.md');
  if (!existsSync(docsPath)) {
    gaps.push(`${id}: no ${rulesSource}/${id}/docs.md (its section of docs/rules.md)`);
    return { id, exportName, rule: loaded, hasFix, docs: undefined, sharedSectionOf: undefined };
  }
  const text = readFileSync(docsPath, 'utf8');
  const pointer = sectionPointer.exec(text);
  if (pointer) {
    return { id, exportName, rule: loaded, hasFix, docs: undefined, sharedSectionOf: pointer[1]! };
  }
  if (!text.startsWith('### ') || !text.split('\n')[0]!.includes(`\`${id}\``)) {
    gaps.push(
      `${id}: ${rulesSource}/${id}/docs.md must open with a \`### \\\`${id}\\\` (severity)\` heading`,
    );
  }
  return {
    id,
    exportName,
    rule: loaded,
    hasFix,
    docs: ensureNewline(text),
    sharedSectionOf: undefined,
  };
}
