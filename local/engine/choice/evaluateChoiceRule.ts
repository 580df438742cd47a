import { JsonPathSyntaxError, PathNotFoundError, PathScope, invalidPath, readPath } from '../jsonpath';
import { invalidChoiceRule, invalidConditionPath } from './causes';
import { COMPARATORS, TYPE_TESTS, operatorOf } from './operators';

type Rule = Readonly<Record<string, unknown>>;

function isRule(value: unknown): value is Rule {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value a condition path selects, or `undefined` when it selects nothing. */
function readConditionPath(path: unknown, scope: PathScope): { found: true; value: unknown } | { found: false } {
  if (typeof path !== 'string') throw invalidChoiceRule(path);
  try {
    return { found: true, value: readPath(path, scope) };
  } catch (error) {
    if (error instanceof PathNotFoundError) return { found: false };
    if (error instanceof JsonPathSyntaxError) throw invalidPath(path, error.message);
    throw error;
  }
}

/** The value a condition path selects; fails as AWS does when it selects nothing. */
function requireConditionPath(path: unknown, scope: PathScope): unknown {
  const read = readConditionPath(path, scope);
  if (!read.found) throw invalidConditionPath(String(path));
  return read.value;
}

/**
 * Evaluates a JSONPath-mode Choice rule: `And`, `Or`, `Not`, or a comparison of `Variable`
 * (`$.x`, `$$.x` or `$var.x`) with any ASL operator. A comparison on a value of the wrong type
 * is false; `IsPresent` is false for a path that selects nothing.
 *
 * @example evaluateChoiceRule({ Variable: '$.n', NumericGreaterThan: 1 }, { input: { n: 2 }, context: {}, variables: {} }) // true
 * @throws StatesError States.Runtime "Invalid path '$.x': The choice state's condition path
 *   references an invalid value." when `Variable` (or a `...Path` operand) selects nothing.
 */
export function evaluateChoiceRule(rule: unknown, scope: PathScope): boolean {
  if (!isRule(rule)) throw invalidChoiceRule(rule);
  if (rule.And !== undefined) {
    if (!Array.isArray(rule.And)) throw invalidChoiceRule(rule);
    return rule.And.every((r) => evaluateChoiceRule(r, scope));
  }
  if (rule.Or !== undefined) {
    if (!Array.isArray(rule.Or)) throw invalidChoiceRule(rule);
    return rule.Or.some((r) => evaluateChoiceRule(r, scope));
  }
  if (rule.Not !== undefined) return !evaluateChoiceRule(rule.Not, scope);

  const operator = operatorOf(rule);
  if (operator === undefined || rule.Variable === undefined) throw invalidChoiceRule(rule);
  const operand = rule[operator];

  if (operator === 'IsPresent') return readConditionPath(rule.Variable, scope).found === operand;

  const value = requireConditionPath(rule.Variable, scope);
  const typeTest = Object.prototype.hasOwnProperty.call(TYPE_TESTS, operator) ? TYPE_TESTS[operator] : undefined;
  if (typeTest !== undefined) return typeTest(value) === operand;

  if (Object.prototype.hasOwnProperty.call(COMPARATORS, operator)) return COMPARATORS[operator](value, operand);
  const compare = COMPARATORS[operator.slice(0, -'Path'.length)];
  return compare(value, requireConditionPath(operand, scope));
}
