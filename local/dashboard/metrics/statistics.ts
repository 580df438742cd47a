/** The statistics CloudWatch aggregates datapoints with, over plain numbers. */
import type { Statistic } from '../../../workflow/monitoring';

/** The q-th percentile (0 < q ≤ 100) by nearest rank; null for no values. */
export function percentile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((q / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

/** p50, p90 and p99 of some durations. */
export interface Percentiles {
  readonly count: number;
  readonly p50: number | null;
  readonly p90: number | null;
  readonly p99: number | null;
}

/** The percentiles the dashboard shows. */
export const percentiles = (values: readonly number[]): Percentiles => ({
  count: values.length,
  p50: percentile(values, 50),
  p90: percentile(values, 90),
  p99: percentile(values, 99),
});

/** Applies a statistic; a count-like statistic of nothing is 0, any other is null. */
export function aggregate(values: readonly number[], stat: Statistic): number | null {
  switch (stat) {
    case 'Sum':
      return values.reduce((a, b) => a + b, 0);
    case 'SampleCount':
      return values.length;
    case 'Average':
      return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
    case 'Maximum':
      return values.length === 0 ? null : Math.max(...values);
    case 'Minimum':
      return values.length === 0 ? null : Math.min(...values);
    case 'p50':
      return percentile(values, 50);
    case 'p90':
      return percentile(values, 90);
    case 'p99':
      return percentile(values, 99);
  }
}
