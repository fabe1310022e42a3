// Generates what the docs say about the rule registry, so it cannot drift: the table of all rules
// in docs/rules.md and the rule counts in README.md, each between `<!-- generated:NAME -->` and
// `<!-- /generated:NAME -->` markers. `npm test` checks them (test/completeness/rule-docs.test.ts);
// `npm run docs:rules` (this file with --write) rewrites them after a rule or fixer is added.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { allRules } from '../server/src/rules/registry';
import { rulesWithoutDisable, rulesWithQuickFixes } from '../server/src/features/code-actions';

const repoRoot = resolve(__dirname, '..', '..');

export const regenerateCommand = 'npm run docs:rules';

/** One markdown table with columns padded as Prettier pads them. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(3, title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}

/** The generated blocks, by marker name. */
export function generatedBlocks(): Record<string, string> {
  const fixed = new Set(rulesWithQuickFixes);
  const rows = allRules.map((rule) => [
    `\`${rule.id}\``,
    rule.defaultSeverity,
    fixed.has(rule.id) ? 'yes' : '',
    rule.description.replace(/\|/g, '\\|'),
  ]);
  const withFix = allRules.filter((rule) => fixed.has(rule.id)).length;
  const without = rulesWithoutDisable.map((id) => `\`${id}\``).join(', ');
  return {
    'rule-table': table(['rule', 'default', 'quick fix', 'what it catches'], rows),
    'rule-count': `${allRules.length} rules`,
    'quick-fix-count':
      `${withFix} of the ${allRules.length} rules have a quick fix, and every rule except ` +
      `${without} (a file kubectl cannot read either) has "Disable for this line"`,
  };
}

/** The files that carry generated blocks, relative to the repository root. */
export const generatedFiles = ['docs/rules.md', 'README.md'] as const;

const markers = /(<!-- generated:([a-z-]+) -->)([\s\S]*?)(<!-- \/generated:\2 -->)/g;

/** The text with every generated block replaced by its current content. */
export function regenerate(text: string, blocks: Record<string, string>): string {
  return text.replace(markers, (_match, open: string, name: string, old: string, close: string) => {
    const content = blocks[name];
    if (content === undefined) {
      throw new Error(`unknown generated block '${name}'`);
    }
    // Block content (a table) sits on its own lines; inline content stays inline.
    return old.startsWith('\n') ? `${open}\n\n${content}\n\n${close}` : `${open}${content}${close}`;
  });
}

/** The names of the generated blocks in `text`. */
export function blockNames(text: string): string[] {
  return [...text.matchAll(markers)].map((match) => match[2]!);
}

export function readRepoFile(path: string): string {
  return readFileSync(join(repoRoot, path), 'utf8');
}

if (require.main === module) {
  const write = process.argv.includes('--write');
  const blocks = generatedBlocks();
  let stale = 0;
  for (const path of generatedFiles) {
    const text = readRepoFile(path);
    const next = regenerate(text, blocks);
    if (next !== text) {
      stale++;
      if (write) {
        writeFileSync(join(repoRoot, path), next);
      }
      process.stdout.write(`${write ? 'rewrote' : 'stale:'} ${path}\n`);
    }
  }
  process.exitCode = stale > 0 && !write ? 1 : 0;
}
