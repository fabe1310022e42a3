// `npm run conformance`: runs the peers' fixtures (test/fixtures/peers/, copied byte-exact) through
// `kube-stateful lint --format json` and compares the findings with test/conformance/mapping.json.
// It prints agreement per peer and the disagreements, and fails when one of OUR expected outcomes
// in the mapping is violated (a regression), when a fixture is missing, or when an entry names a
// rule we do not have without a `pending` reason; deliberate disagreements keep it green.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const cli = join(repo, 'dist', 'cli.js');
const peersRoot = join(repo, 'test', 'fixtures', 'peers');
const rulesDoc = readFileSync(join(repo, 'docs', 'rules.md'), 'utf8');
const mapping = JSON.parse(readFileSync(join(repo, 'test', 'conformance', 'mapping.json'), 'utf8'));

if (!existsSync(peersRoot)) {
  console.error(`conformance: no peer fixtures at ${peersRoot}`);
  process.exit(1);
}
if (!existsSync(cli)) {
  console.error('conformance: dist/cli.js is missing; run `npm run build` first');
  process.exit(2);
}

/** Runs the CLI once; resolves to the parsed JSON report. Exit codes 0 and 1 are both fine. */
function lint(file, args) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [cli, 'lint', file, '--format', 'json', ...args], {
      cwd: repo,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 && code !== 1) {
        reject(new Error(`lint ${file} exited with ${code}: ${stderr.trim()}`));
        return;
      }
      resolvePromise(JSON.parse(stdout));
    });
  });
}

/** The rule ids the CLI knows, read from its SARIF driver (entries for others are pending). */
async function knownRules() {
  const child = spawn(process.execPath, [
    cli,
    'lint',
    '--format',
    'sarif',
    join(repo, 'package.json'),
  ]);
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  await new Promise((done) => child.on('close', done));
  return new Set(JSON.parse(stdout).runs[0].tool.driver.rules.map((rule) => rule.id));
}

/** Runs `tasks` (functions returning promises) two at a time: the machine is shared. */
async function inPool(tasks, width = 2) {
  const results = new Array(tasks.length);
  let next = 0;
  async function worker() {
    while (next < tasks.length) {
      const at = next++;
      results[at] = await tasks[at]();
    }
  }
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

function listFixtures(dir) {
  const files = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      files.push(...listFixtures(path));
    } else if (/\.ya?ml$/.test(entry)) {
      files.push(path);
    }
  }
  return files;
}

const rules = await knownRules();
const regressions = [];
const pending = [];
const lines = [];
let totalAgree = 0;
let totalCompared = 0;

for (const [peer, spec] of Object.entries(mapping.peers)) {
  const peerDir = join(peersRoot, peer);
  if (!existsSync(peerDir)) {
    regressions.push(`${peer}: no fixtures at ${peerDir}`);
    continue;
  }
  const entries = spec.entries;
  const runs = new Map();
  for (const entry of entries) {
    const args = entry.args ?? spec.args ?? [];
    const key = `${entry.fixture}\u0000${args.join(' ')}`;
    if (!runs.has(key)) {
      runs.set(key, { file: join(peerDir, entry.fixture), args });
    }
  }
  const keys = [...runs.keys()];
  const reports = await inPool(
    keys.map((key) => () => lint(runs.get(key).file, runs.get(key).args)),
  );
  const byKey = new Map(keys.map((key, index) => [key, reports[index]]));

  let agree = 0;
  let compared = 0;
  const disagreements = [];
  for (const entry of entries) {
    const args = entry.args ?? spec.args ?? [];
    const report = byKey.get(`${entry.fixture}\u0000${args.join(' ')}`);
    const label = `${entry.fixture}${args.length ? ` [${args.join(' ')}]` : ''} ${entry.check}`;
    if (!existsSync(join(peerDir, entry.fixture))) {
      regressions.push(`${peer} ${label}: the fixture file is missing`);
      continue;
    }
    const missingRules = entry.rules.filter((id) => !rules.has(id));
    if (missingRules.length > 0) {
      // A mapping to a rule we lack is only accepted when the mapping says why it waits.
      const message = `${peer} ${label}: rule(s) ${missingRules.join(', ')} not implemented`;
      if (typeof entry.pending === 'string' && entry.pending.trim() !== '') {
        pending.push(`${message} — ${entry.pending}`);
      } else {
        regressions.push(`${message}, and the entry has no "pending" reason`);
      }
      continue;
    }
    if (entry.pending !== undefined) {
      regressions.push(`${peer} ${label}: marked pending, but its rules exist now`);
    }
    const found = report.findings.filter((finding) => entry.rules.includes(finding.ruleId));
    const actual = found.length > 0 ? 'fail' : 'pass';
    if (actual !== entry.ours || (entry.count !== undefined && entry.count !== found.length)) {
      const detail =
        entry.count !== undefined ? ` (${found.length} findings, expected ${entry.count})` : '';
      regressions.push(
        `${peer} ${label}: expected ${entry.ours}, got ${actual}${detail} — ${entry.rules.join(', ')}`,
      );
    }
    const peerOutcome = entry.peer === 'skipped' ? 'pass' : entry.peer;
    compared++;
    if (peerOutcome === entry.ours) {
      agree++;
    } else {
      if (!entry.reason) {
        regressions.push(`${peer} ${label}: disagreement without a reason in the mapping`);
      }
      if (!rulesDoc.includes(`\`${entry.fixture}\``)) {
        regressions.push(`${peer} ${label}: disagreement not listed in docs/rules.md`);
      }
      disagreements.push(
        `  ${label}: ${peer} ${entry.peer}, we ${entry.ours} — ${entry.reason ?? '(no reason)'}`,
      );
    }
  }
  totalAgree += agree;
  totalCompared += compared;
  lines.push(`${peer}: ${agree}/${compared} agree`);
  lines.push(...disagreements);

  // Every fixture must be mapped or its checks listed as out of scope, so nothing is forgotten.
  const mapped = new Set([
    ...entries.map((entry) => entry.fixture),
    ...(spec.outOfScope ?? []).flatMap((item) => item.fixtures ?? []),
  ]);
  for (const file of listFixtures(peerDir)) {
    const name = relative(peerDir, file).split('\\').join('/');
    if (!mapped.has(name) && !(spec.ignoredFiles ?? []).includes(name)) {
      regressions.push(`${peer} ${name}: fixture is neither mapped nor listed as out of scope`);
    }
  }
  for (const item of spec.outOfScope ?? []) {
    if (!rulesDoc.includes(`\`${item.check}\``)) {
      regressions.push(`${peer} ${item.check}: out-of-scope check not listed in docs/rules.md`);
    }
    lines.push(`  out of scope: ${item.check} — ${item.reason}`);
  }
}

console.log(lines.join('\n'));
console.log(`\nall peers: ${totalAgree}/${totalCompared} agree`);
if (pending.length > 0) {
  console.log(`\npending (${pending.length}):\n  ${pending.join('\n  ')}`);
}
if (regressions.length > 0) {
  console.error(`\nregressions (${regressions.length}):\n  ${regressions.join('\n  ')}`);
  process.exit(1);
}
console.log('\nconformance: every expectation of ours holds');
