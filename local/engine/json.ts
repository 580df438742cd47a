import { textExceedsBytes } from '../common/utf8';

/** A JSON value, as state input, output, variables and task payloads are. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/** True for a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy, so a state can never mutate another state's data. */
export function cloneJson<T>(value: T): T {
  if (value === undefined) return value;
  return structuredCloneJson(value) as T;
}

function structuredCloneJson(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = structuredCloneJson(value[i]);
    return copy;
  }
  const out: Record<string, unknown> = {};
  const fields = value as Record<string, unknown>;
  // for-in with an own check, not Object.keys: no array of keys per object.
  for (const key in fields) if (Object.prototype.hasOwnProperty.call(fields, key)) out[key] = structuredCloneJson(fields[key]);
  return out;
}

/**
 * A value as JSON would carry it (what a task returns may hold undefined, functions, Dates or
 * shared references): a fresh plain copy, the same as JSON.parse(JSON.stringify(value)).
 */
export function toJsonValue(value: unknown): Json {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'object':
      break;
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt'); // as JSON.stringify does
    default:
      return null;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return JSON.parse(JSON.stringify(value)) as Json;
  if (Array.isArray(value)) {
    const out: Json[] = new Array<Json>(value.length);
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      out[i] = v === undefined || typeof v === 'function' || typeof v === 'symbol' ? null : toJsonValue(v);
    }
    return out;
  }
  const out: Record<string, Json> = {};
  const fields = value as Record<string, unknown>;
  for (const key in fields) {
    if (!Object.prototype.hasOwnProperty.call(fields, key)) continue; // own keys, as Object.keys (and JSON) take them
    const v = fields[key];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    out[key] = toJsonValue(v);
  }
  return out;
}

/** The UTF-8 size of a value's JSON text, which is what AWS's payload limits count. */
export function jsonByteSize(value: unknown): number {
  const text = JSON.stringify(value);
  return text === undefined ? 0 : Buffer.byteLength(text, 'utf8');
}

/**
 * Whether a value's JSON text is longer than `limit` UTF-8 bytes. Walks the value with an upper
 * bound (3 bytes a character) and serialises only when that bound is over the limit.
 */
export function exceedsByteSize(value: unknown, limit: number): boolean {
  if (upperBound(value, limit) <= limit) return false;
  const text = JSON.stringify(value);
  return text !== undefined && textExceedsBytes(text, limit);
}

function upperBound(value: unknown, limit: number): number {
  if (value === null || value === undefined) return 4;
  switch (typeof value) {
    case 'string':
      return value.length * 3 + 2;
    case 'number':
    case 'boolean':
      return 24;
    case 'object': {
      let total = 2;
      if (Array.isArray(value)) {
        for (const item of value) {
          total += upperBound(item, limit) + 1;
          if (total > limit) return total;
        }
        return total;
      }
      for (const key in value) {
        total += key.length * 3 + 4 + upperBound((value as Record<string, unknown>)[key], limit);
        if (total > limit) return total;
      }
      return total;
    }
    default:
      return 0;
  }
}

/** JSON text of a value; `undefined` becomes `null` as AWS reports it. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value);
}
