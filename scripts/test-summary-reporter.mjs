// A node:test reporter for `npm test`: prints each failure as it happens (name, file:line and the
// error), then a short summary with the counts per folder of test files and the list of failures.
// The full TAP goes to test-results/unit.tap (see unit-files.mjs) for anyone who wants every line.
import { relative, dirname, sep } from 'node:path';
import { inspect } from 'node:util';

function where(data) {
  if (!data.file) {
    return '(unknown file)';
  }
  const file = relative(process.cwd(), data.file).split(sep).join('/');
  return data.line ? `${file}:${data.line}` : file;
}

/** Compiled tests run from out/; the group names the source folder a person edits. */
function group(data) {
  if (!data.file) {
    return '(unknown)';
  }
  const file = relative(process.cwd(), data.file).split(sep).join('/');
  return dirname(file.replace(/^out\//, ''));
}

function errorText(error) {
  // node:test wraps the failure; the assertion or thrown error is its cause.
  const cause = error?.cause ?? error;
  const text = cause instanceof Error ? (cause.stack ?? cause.message) : inspect(cause);
  return text
    .split('\n')
    .filter((line) => !/node:internal|node:async_hooks/.test(line))
    .slice(0, 20)
    .map((line) => `    ${line}`)
    .join('\n');
}

export default async function* summaryReporter(source) {
  const groups = new Map();
  const failures = [];
  const started = Date.now();
  for await (const event of source) {
    const { type, data } = event;
    if (type === 'test:stdout' || type === 'test:stderr') {
      yield data.message;
      continue;
    }
    if (type !== 'test:pass' && type !== 'test:fail') {
      continue;
    }
    // Suites (describe) report too; count only the tests, as node's own summary does.
    if (data.details?.type === 'suite' && type === 'test:pass') {
      continue;
    }
    const name = group(data);
    const counts = groups.get(name) ?? { pass: 0, fail: 0, skipped: 0, todo: 0 };
    groups.set(name, counts);
    if (data.skip !== undefined) {
      counts.skipped += 1;
    } else if (data.todo !== undefined) {
      counts.todo += 1;
    } else if (type === 'test:pass') {
      counts.pass += 1;
    } else {
      counts.fail += 1;
      const failure = { name: data.name, where: where(data) };
      failures.push(failure);
      yield `\n✖ ${failure.name}\n  at ${failure.where}\n${errorText(data.details?.error)}\n`;
    }
  }
  const total = { pass: 0, fail: 0, skipped: 0, todo: 0 };
  const rows = [...groups].sort(([a], [b]) => a.localeCompare(b));
  const width = Math.max(10, ...rows.map(([name]) => name.length));
  let text = `\nTest summary (${((Date.now() - started) / 1000).toFixed(1)} s)\n`;
  for (const [name, counts] of rows) {
    for (const key of Object.keys(total)) {
      total[key] += counts[key];
    }
    const extra = [
      counts.fail ? `${counts.fail} failed` : '',
      counts.skipped ? `${counts.skipped} skipped` : '',
      counts.todo ? `${counts.todo} todo` : '',
    ].filter(Boolean);
    text += `  ${name.padEnd(width)}  ${String(counts.pass).padStart(5)} passed${extra.length ? `, ${extra.join(', ')}` : ''}\n`;
  }
  if (failures.length > 0) {
    text += `\nFailed:\n${failures.map((failure) => `  ✖ ${failure.where}  ${failure.name}\n`).join('')}`;
  }
  const tests = total.pass + total.fail + total.skipped + total.todo;
  text += `\n# tests ${tests}, pass ${total.pass}, fail ${total.fail}, skipped ${total.skipped}, todo ${total.todo}\n`;
  yield text;
}
