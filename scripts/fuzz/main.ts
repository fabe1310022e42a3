// Entry point of `npm run fuzz -- --seed N --ops K`: one seeded run against the built server,
// printing progress and the figures, and exiting 1 with the reproducing seed on a failure.
import { parseArgs } from 'node:util';
import { runFuzz } from './fuzz';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      ops: { type: 'string', default: '5000' },
      'limit-ms': { type: 'string', default: '2000' },
      'rss-mb': { type: 'string', default: '600' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const number = (name: 'seed' | 'ops' | 'limit-ms' | 'rss-mb'): number => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 0) {
      throw new Error(`--${name} must be a whole number`);
    }
    return value;
  };
  const seed = number('seed');
  const result = await runFuzz({
    seed,
    ops: number('ops'),
    requestLimitMs: number('limit-ms'),
    rssLimitMb: number('rss-mb'),
    log: values.quiet ? undefined : (line) => process.stdout.write(`seed ${seed}: ${line}\n`),
  });
  process.stdout.write(
    `seed ${seed}: ${result.ops} operations (${result.edits} edits, ${result.requests} requests, ` +
      `${result.freshChecks} fresh-open checks) in ${result.seconds.toFixed(1)} s; slowest request ` +
      `${result.slowestRequestMs.toFixed(0)} ms (${result.slowestRequest}); peak RSS ${result.peakRssMb.toFixed(0)} MB\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
