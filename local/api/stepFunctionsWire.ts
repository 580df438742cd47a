/** Values as AWS's JSON 1.0 protocol writes them: dates as epoch seconds, absent members left out. */
import { toEpochSeconds } from './epochSeconds';

/** Converts a response to its wire form. Only plain objects, arrays and dates are walked. */
export function toWire(value: unknown): unknown {
  if (value instanceof Date) return toEpochSeconds(value);
  if (Array.isArray(value)) return value.map(toWire);
  if (typeof value === 'object' && value !== null) {
    // fromEntries defines own properties, so even a `__proto__` key stays plain data.
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, member]) => member !== undefined)
        .map(([key, member]) => [key, toWire(member)]),
    );
  }
  return value;
}
