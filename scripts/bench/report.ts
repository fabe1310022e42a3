// The benchmark's results: each metric's samples with its target, summarized into the table on
// stdout and the JSON file. A metric with no samples was not supported by the server under test.
import type { Summary } from './stats';
import { summarize } from './stats';

/** What a metric's p95 must stay below, and for diagnostics a multiple of the parse floor. */
export interface Target {
  readonly p95Below: number;
  readonly floorMultiple?: number;
}

export interface Metric {
  readonly name: string;
  readonly unit: 'ms' | 'MB';
  readonly samples: readonly number[];
  readonly target?: Target;
  /** The floor metric (a parse of the same text) this figure is reported as a multiple of. */
  readonly floor?: string;
  /** Why there are no samples, or what the figure means. */
  readonly note?: string;
}

export interface MetricResult {
  readonly name: string;
  readonly unit: 'ms' | 'MB';
  readonly summary: Summary | undefined;
  readonly target: Target | undefined;
  /** p95 divided by the median (p50) of the metric's parse floor. */
  readonly floorRatio: number | undefined;
  /** Undefined when there is no target or no sample. */
  readonly met: boolean | undefined;
  readonly note: string | undefined;
}

/** Summarizes a metric and checks its target; `floors` holds each floor metric's median. */
export function evaluate(metric: Metric, floors: ReadonlyMap<string, number>): MetricResult {
  const summary = summarize(metric.samples);
  const floor = metric.floor === undefined ? undefined : floors.get(metric.floor);
  const floorRatio = summary && floor ? summary.p95 / floor : undefined;
  let met: boolean | undefined;
  if (summary && metric.target) {
    const { p95Below, floorMultiple } = metric.target;
    met =
      summary.p95 < p95Below &&
      (floorMultiple === undefined || (floorRatio !== undefined && floorRatio <= floorMultiple));
  }
  return {
    name: metric.name,
    unit: metric.unit,
    summary,
    target: metric.target,
    floorRatio,
    met,
    note: metric.note,
  };
}

function formatNumber(value: number | undefined, unit: string): string {
  if (value === undefined) {
    return '—';
  }
  const digits = value < 10 ? 2 : value < 100 ? 1 : 0;
  return `${value.toFixed(digits)} ${unit}`;
}

function formatTarget(target: Target | undefined, unit: string): string {
  if (!target) {
    return '';
  }
  const floor = target.floorMultiple ? ` and ≤ ${target.floorMultiple}× floor` : '';
  return `< ${target.p95Below} ${unit}${floor}`;
}

/** The results as a plain-text table: metric, n, p50, p95, max, × floor, target, met. */
export function formatTable(results: readonly MetricResult[]): string {
  const header = ['metric', 'n', 'p50', 'p95', 'max', '× floor', 'target (p95)', 'met?'];
  const rows = results.map((result) => [
    result.name,
    String(result.summary?.n ?? 0),
    formatNumber(result.summary?.p50, result.unit),
    formatNumber(result.summary?.p95, result.unit),
    formatNumber(result.summary?.max, result.unit),
    result.floorRatio === undefined ? '' : `${result.floorRatio.toFixed(1)}×`,
    formatTarget(result.target, result.unit),
    result.met === undefined ? (result.summary ? '' : 'n/a') : result.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  // Metrics that share a note (e.g. a feature the server lacks) are listed together under it.
  const byNote = new Map<string, string[]>();
  for (const result of results) {
    if (result.note) {
      byNote.set(result.note, [...(byNote.get(result.note) ?? []), result.name]);
    }
  }
  const notes = [...byNote].map(([note, names]) => `  ${names.join('; ')}: ${note}`);
  return [
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
    ...(notes.length > 0 ? ['', 'Notes:', ...notes] : []),
  ].join('\n');
}
