// From the modules, not the jsonpath index: a call through a re-export is slow under tsx.
import { invalidPath } from '../jsonpath/causes';
import { JsonPathSyntaxError, PathNotFoundError } from '../jsonpath/errors';
import * as readPathModule from '../jsonpath/readPath';
import { PathScope } from '../jsonpath/readPath';
import { invalidChoiceRule, invalidConditionPath } from './causes';
import * as operatorsModule from './operators';

// Bound once at load: under tsx (esbuild) every use of a named import is a call to a getter.
const { selectNode } = readPathModule;
const { COMPARATORS, TYPE_TESTS, operatorOf } = operatorsModule;

type Rule = Readonly<Record<string, unknown>>;

function isRule(value: unknown): value is Rule {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a condition path reads when it selects nothing. */
const NOT_FOUND = Symbol('not found');

/**
 * The value a condition path selects, or NOT_FOUND when it selects nothing. Not a copy: rules
 * only compare it.
 */
function readConditionPath(path: unknown, scope: PathScope): unknown {
  if (typeof path !== 'string') throw invalidChoiceRule(path);
  try {
    return selectNode(path, scope);
  } catch (error) {
    if (error instanceof PathNotFoundError) return NOT_FOUND;
    if (error instanceof JsonPathSyntaxError) throw invalidPath(path, error.message);
    throw error;
  }
}

/** The value a condition path selects; fails as AWS does when it selects nothing. */
function requireConditionPath(path: unknown, scope: PathScope): unknown {
  const value = readConditionPath(path, scope);
  if (value === NOT_FOUND) throw invalidConditionPath(String(path));
  return value;
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
    for (const r of rule.And) if (!evaluateChoiceRule(r, scope)) return false;
    return true;
  }
  if (rule.Or !== undefined) {
    if (!Array.isArray(rule.Or)) throw invalidChoiceRule(rule);
    for (const r of rule.Or) if (evaluateChoiceRule(r, scope)) return true;
    return false;
  }
  if (rule.Not !== undefined) return !evaluateChoiceRule(rule.Not, scope);

  const operator = operatorOf(rule);
  if (operator === undefined || rule.Variable === undefined) throw invalidChoiceRule(rule);
  const operand = rule[operator];

  if (operator === 'IsPresent') return (readConditionPath(rule.Variable, scope) !== NOT_FOUND) === operand;

  const value = requireConditionPath(rule.Variable, scope);
  const typeTest = Object.prototype.hasOwnProperty.call(TYPE_TESTS, operator) ? TYPE_TESTS[operator] : undefined;
  if (typeTest !== undefined) return typeTest(value) === operand;

  if (Object.prototype.hasOwnProperty.call(COMPARATORS, operator)) return COMPARATORS[operator](value, operand);
  const compare = COMPARATORS[operator.slice(0, -'Path'.length)];
  return compare(value, requireConditionPath(operand, scope));
}
