// Runs every compiled unit and protocol test under out/ (plus the plain-JS tests of the scripts
// under test/scripts/) with node --test. Node 20 has no glob form for --test, and a directory
// argument would also pick up the editor suite, so the files are listed here explicitly
// (test/suite and test/e2e run inside an editor instead). The terminal gets failures as they
// happen and a short summary (test-summary-reporter.mjs); the full TAP goes to test-results/.
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const excluded = [join('out', 'test', 'suite'), join('out', 'test', 'e2e')];

function collect(dir, suffix, files) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (excluded.some((prefix) => path.startsWith(prefix))) {
      continue;
    }
    if (statSync(path).isDirectory()) {
      collect(path, suffix, files);
    } else if (entry.endsWith(suffix)) {
      files.push(path);
    }
  }
  return files;
}

const filter = process.argv.slice(2);
const scriptTests = join('test', 'scripts');
// tsc never deletes what it emitted before: a compiled test whose TypeScript source is gone
// (deleted or renamed) would still run here, so only outputs with a source are taken.
const compiled = collect('out', '.test.js', []);
const current = compiled.filter((file) =>
  existsSync(file.slice('out'.length + 1).replace(/\.js$/, '.ts')),
);
for (const stale of compiled.filter((file) => !current.includes(file))) {
  process.stderr.write(`unit-files: not running ${stale}: its source file no longer exists\n`);
}
const files = [
  ...current,
  ...(existsSync(scriptTests) ? collect(scriptTests, '.test.mjs', []) : []),
].filter((file) => filter.length === 0 || filter.some((part) => file.includes(part)));
if (files.length === 0) {
  process.stderr.write('unit-files: no compiled test files found under out/\n');
  process.exit(1);
}
mkdirSync('test-results', { recursive: true });
const tap = join('test-results', 'unit.tap');
const result = spawnSync(
  process.execPath,
  [
    // Failures then point at the TypeScript source line, not the compiled file under out/.
    '--enable-source-maps',
    '--test',
    '--test-reporter',
    './scripts/test-summary-reporter.mjs',
    '--test-reporter-destination',
    'stdout',
    '--test-reporter',
    'tap',
    '--test-reporter-destination',
    tap,
    ...files,
  ],
  { stdio: 'inherit' },
);
process.stdout.write(`full TAP: ${tap}\n`);
process.exit(result.status ?? 1);
