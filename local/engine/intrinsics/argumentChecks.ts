import type { StatesError } from '../errors';
import type { JsonObject } from '../json';
import { isJsonObject } from '../json';
import { invalidIntrinsicArguments } from './errors';
import { jsonText } from './jsonText';

/*
 * Argument checks shared by the functions. Positions are 1-based in the texts, as a reader counts
 * the arguments of a call.
 */

export function expectString(fn: string, args: readonly unknown[], index: number): string {
  const value = args[index];
  if (typeof value !== 'string') throw wrongType(fn, index, 'a string', value);
  return value;
}

export function expectArray(fn: string, args: readonly unknown[], index: number): unknown[] {
  const value = args[index];
  if (!Array.isArray(value)) throw wrongType(fn, index, 'an array', value);
  return value;
}

export function expectObject(fn: string, args: readonly unknown[], index: number): JsonObject {
  const value = args[index];
  if (!isJsonObject(value)) throw wrongType(fn, index, 'a JSON object', value);
  return value;
}

export function expectNumber(fn: string, args: readonly unknown[], index: number): number {
  const value = args[index];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType(fn, index, 'a number', value);
  return value;
}

/**
 * A number rounded to the nearest integer, halves up (AWS: "Step Functions will round it off to
 * the nearest integer"; its recorded results show 1.5 → 2, -1.5 → -1, -0.5 → 0).
 */
export function expectRoundedInteger(fn: string, args: readonly unknown[], index: number): number {
  return roundHalfUp(expectNumber(fn, args, index));
}

/** Java's Math.round: the nearest integer, halves toward positive infinity; never -0. */
export function roundHalfUp(value: number): number {
  // Math.round, unlike Math.floor(value + 0.5), keeps 0.49999999999999994 at 0 as Java does.
  return Math.round(value) + 0;
}

export function wrongType(fn: string, index: number, expected: string, value: unknown): StatesError {
  return invalidIntrinsicArguments(fn, `argument ${index + 1} must be ${expected}, got ${describe(value)}`);
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : jsonText(value);
}
