/** Reads the `since` / `until` of a request into a {@link TimeWindow}. */
import type { TimeWindow } from '../source';

/** A `since` or `until` the dashboard cannot read. */
export class InvalidTimeError extends Error {
  public constructor(value: string) {
    super(`not a time: '${value}' (use ISO-8601, epoch milliseconds, or a duration ago such as 15m, 2h, 30s)`);
    this.name = 'InvalidTimeError';
  }
}

const UNIT_MS: { readonly [unit: string]: number } = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** One bound: ISO-8601, epoch milliseconds, or a duration before `now` (`15m`, `-2h`). */
export function parseTime(value: string, now: number): number {
  const ago = /^-?(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(value.trim());
  if (ago !== null) return now - Number(ago[1]) * (UNIT_MS[ago[2] ?? 'ms'] ?? 1);
  if (/^\d+$/.test(value.trim())) return Number(value);
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) throw new InvalidTimeError(value);
  return parsed;
}

/** The window a request asks for. @default the last hour */
export function windowOf(params: URLSearchParams, now: number, defaultSpanMs = 3_600_000): TimeWindow {
  const since = params.get('since');
  const until = params.get('until');
  const end = until === null || until === '' ? now : parseTime(until, now);
  const start = since === null || since === '' ? end - defaultSpanMs : parseTime(since, now);
  if (start >= end) throw new InvalidTimeError(`${since ?? ''}..${until ?? ''}`);
  return { since: start, until: end };
}

/** True when the ISO time lies in the window. */
export const inWindow = (iso: string | undefined, window: TimeWindow): boolean => {
  if (iso === undefined) return false;
  const t = Date.parse(iso);
  return t >= window.since && t < window.until;
};
