import { stringMatches } from './stringMatches';
import { compareInstants, parseTimestamp } from './timestamp';

/*
 * The comparison operators of JSONPath-mode Choice rules. A comparison whose variable (or
 * operand) is not of the operator's type is false, never an error: AWS takes the Default.
 */

/** Tests the Variable's value against the operand (the literal, or what its *Path selected). */
export type Comparator = (value: unknown, operand: unknown) => boolean;

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number';

function strings(test: (a: string, b: string) => boolean): Comparator {
  return (value, operand) => isString(value) && isString(operand) && test(value, operand);
}

function numbers(test: (a: number, b: number) => boolean): Comparator {
  return (value, operand) => isNumber(value) && isNumber(operand) && test(value, operand);
}

function timestamps(test: (order: number) => boolean): Comparator {
  return (value, operand) => {
    if (!isString(value) || !isString(operand)) return false;
    const a = parseTimestamp(value);
    const b = parseTimestamp(operand);
    return a !== undefined && b !== undefined && test(compareInstants(a, b));
  };
}

/** Comparisons that have a `...Path` twin reading the operand from a reference path. */
export const COMPARATORS: Readonly<Record<string, Comparator>> = {
  StringEquals: strings((a, b) => a === b),
  StringLessThan: strings((a, b) => a < b),
  StringGreaterThan: strings((a, b) => a > b),
  StringLessThanEquals: strings((a, b) => a <= b),
  StringGreaterThanEquals: strings((a, b) => a >= b),
  StringMatches: strings(stringMatches),
  NumericEquals: numbers((a, b) => a === b),
  NumericLessThan: numbers((a, b) => a < b),
  NumericGreaterThan: numbers((a, b) => a > b),
  NumericLessThanEquals: numbers((a, b) => a <= b),
  NumericGreaterThanEquals: numbers((a, b) => a >= b),
  BooleanEquals: (value, operand) => typeof value === 'boolean' && value === operand,
  TimestampEquals: timestamps((o) => o === 0),
  TimestampLessThan: timestamps((o) => o < 0),
  TimestampGreaterThan: timestamps((o) => o > 0),
  TimestampLessThanEquals: timestamps((o) => o <= 0),
  TimestampGreaterThanEquals: timestamps((o) => o >= 0),
};

/** Type tests: the rule holds when the test's result equals the rule's `true` / `false`. */
export const TYPE_TESTS: Readonly<Record<string, (value: unknown) => boolean>> = {
  IsNull: (v) => v === null,
  IsNumeric: isNumber,
  IsString: isString,
  IsBoolean: (v) => typeof v === 'boolean',
  IsTimestamp: (v) => isString(v) && parseTimestamp(v) !== undefined,
};

function has(table: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(table, key);
}

/** The operator key of a rule (`StringEquals`, `NumericLessThanPath`, `IsPresent`...), if any. */
export function operatorOf(rule: Readonly<Record<string, unknown>>): string | undefined {
  // for-in over own keys (Object.keys' order) rather than Object.keys().find: runs on every rule.
  for (const key in rule) {
    if (!has(rule, key)) continue;
    if (key === 'IsPresent' || has(TYPE_TESTS, key) || has(COMPARATORS, key) || (key.endsWith('Path') && has(COMPARATORS, key.slice(0, -'Path'.length)))) {
      return key;
    }
  }
  return undefined;
}
