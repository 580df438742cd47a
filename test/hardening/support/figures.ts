/**
 * The figures the hardening suite measures: recorded by each test under `hardening.*`, printed
 * at the end of the run and merged into `bench-results.json` (other keys are kept).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where the benchmark figures are kept (repository root, gitignored). */
export const BENCH_RESULTS_FILE = path.resolve(__dirname, '../../../bench-results.json');

const recorded = new Map<string, number>();

/** Records a figure; `name` is relative to `hardening.` (e.g. `fuzz.requests`). */
export function recordFigure(name: string, value: number): void {
  recorded.set(`hardening.${name}`, Number.isFinite(value) ? Math.round(value * 100) / 100 : value);
}

/** The figures recorded so far, by full name. */
export function recordedFigures(): ReadonlyMap<string, number> {
  return recorded;
}

/** Merges `figures` into the JSON object in `file` (created if missing), keys sorted. */
export function mergeFigures(file: string, figures: ReadonlyMap<string, number>): Record<string, unknown> {
  let existing: Record<string, unknown> = {};
  if (existsSync(file)) {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) existing = parsed as Record<string, unknown>;
  }
  const merged: Record<string, unknown> = { ...existing, ...Object.fromEntries(figures) };
  const sorted = Object.fromEntries(Object.keys(merged).sort().map((key) => [key, merged[key]]));
  writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
  return sorted;
}
