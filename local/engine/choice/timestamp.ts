/** An instant with nanosecond precision, as AWS compares Choice timestamps. */
export interface Instant {
  /** Whole seconds since 1970-01-01T00:00:00Z. */
  readonly epochSeconds: number;
  /** Nanoseconds within that second, 0 to 999999999. */
  readonly nanos: number;
}

/*
 * The ASL's timestamps: RFC 3339 with an uppercase "T" between date and time and an uppercase "Z"
 * when there is no numeric offset, e.g. 2016-03-14T01:59:00Z, 2016-03-14T01:59:00.123+01:00.
 */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:Z|([+-])(\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses an ASL timestamp; `undefined` for any string AWS would not take as one (wrong shape,
 * lowercase t or z, missing offset, out-of-range month, day, hour, minute or second).
 *
 * @example parseTimestamp('2012-10-09T19:00:55Z') // { epochSeconds: 1349809255, nanos: 0 }
 * @example parseTimestamp('2012-10-09T19:00:55') // undefined
 */
export function parseTimestamp(text: string): Instant | undefined {
  const m = TIMESTAMP.exec(text);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetSeconds = 0;
  if (m[8] !== undefined) {
    const offsetHours = Number(m[9]);
    const offsetMinutes = Number(m[10]);
    if (offsetHours > 18 || offsetMinutes > 59) return undefined;
    offsetSeconds = (m[8] === '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
  }
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear keeps them as written.
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  date.setUTCFullYear(year);
  const epochSeconds = date.getTime() / 1000 - offsetSeconds;
  const nanos = m[7] === undefined ? 0 : Number(m[7].padEnd(9, '0'));
  return { epochSeconds, nanos };
}

/** Negative, zero or positive as `a` is before, at or after `b`. */
export function compareInstants(a: Instant, b: Instant): number {
  return a.epochSeconds !== b.epochSeconds ? a.epochSeconds - b.epochSeconds : a.nanos - b.nanos;
}
