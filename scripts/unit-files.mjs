// Runs every compiled unit and protocol test under out/ with node --test. Node 20 has no glob
// form for --test, and a directory argument would also pick up the editor suite, so the files
// are listed here explicitly (test/suite and test/e2e run inside an editor instead).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const excluded = [join('out', 'test', 'suite'), join('out', 'test', 'e2e')];

function collect(dir, files) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (excluded.some((prefix) => path.startsWith(prefix))) {
      continue;
    }
    if (statSync(path).isDirectory()) {
      collect(path, files);
    } else if (entry.endsWith('.test.js')) {
      files.push(path);
    }
  }
  return files;
}

const filter = process.argv.slice(2);
const files = collect('out', []).filter(
  (file) => filter.length === 0 || filter.some((part) => file.includes(part)),
);
if (files.length === 0) {
  process.stderr.write('unit-files: no compiled test files found under out/\n');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--test', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
