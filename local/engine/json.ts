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
  if (Array.isArray(value)) return value.map(structuredCloneJson);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = structuredCloneJson((value as Record<string, unknown>)[key]);
  return out;
}

/** The UTF-8 size of a value's JSON text, which is what AWS's payload limits count. */
export function jsonByteSize(value: unknown): number {
  const text = JSON.stringify(value);
  return text === undefined ? 0 : Buffer.byteLength(text, 'utf8');
}

/** JSON text of a value; `undefined` becomes `null` as AWS reports it. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value);
}
