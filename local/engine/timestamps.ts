const ISO_OFFSET_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses an ISO-8601 extended offset date-time as AWS accepts it in Wait and timestamp
 * comparisons (uppercase T, Z or a numeric offset, up to nanoseconds). Returns epoch
 * milliseconds, or undefined when the text is not one.
 */
export function parseIsoOffsetDateTime(text: string): number | undefined {
  const m = ISO_OFFSET_DATE_TIME.exec(text);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return undefined;
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0${m[7]}`) * 1000);
  let offsetMinutes = 0;
  if (m[8] !== 'Z') {
    const sign = m[8].startsWith('-') ? -1 : 1;
    offsetMinutes = sign * (Number(m[8].slice(1, 3)) * 60 + Number(m[8].slice(4, 6)));
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
}

let lastMillis = NaN;
let lastText = '';

/**
 * `new Date(millis).toISOString()`, remembered for the latest millisecond: history events,
 * start and stop dates of all executions read the clock many times within one millisecond, and
 * toISOString is not cheap.
 */
export function isoTimestamp(millis: number): string {
  if (millis !== lastMillis) {
    lastMillis = millis;
    lastText = new Date(millis).toISOString();
  }
  return lastText;
}

const parsedDates = new Map<string, number>();

/**
 * `new Date(text)` for the engine's own ISO-8601 dates, with the parsing remembered for the dates
 * seen lately: executions started or stopped together share the same few milliseconds, and
 * parsing costs far more than a lookup.
 */
export function dateOf(text: string): Date {
  let millis = parsedDates.get(text);
  if (millis === undefined) {
    if (parsedDates.size >= 256) parsedDates.clear();
    millis = Date.parse(text);
    parsedDates.set(text, millis);
  }
  return new Date(millis);
}
