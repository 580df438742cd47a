import type { ChoiceExpression, ComparisonOperator, ComparisonOperators } from '../asl';
import type { PathOf, PathTo, TypeAt } from './paths';

/** A Choice rule over data of type `T`, ready to render. */
export interface Rule<T> {
  readonly expression: ChoiceExpression;
  /** Phantom: the data type the rule reads. */
  readonly __data?: (data: T) => void;
}

/** The string literal values at `P` when it holds a literal union, else any string. */
type StringValueAt<T, P extends string> = Extract<TypeAt<T, P>, string>;

type StringOperator = 'StringLessThan' | 'StringGreaterThan' | 'StringLessThanEquals' | 'StringGreaterThanEquals';
type NumericOperator =
  | 'NumericEquals'
  | 'NumericLessThan'
  | 'NumericGreaterThan'
  | 'NumericLessThanEquals'
  | 'NumericGreaterThanEquals';
type TimestampOperator =
  | 'TimestampEquals'
  | 'TimestampLessThan'
  | 'TimestampGreaterThan'
  | 'TimestampLessThanEquals'
  | 'TimestampGreaterThanEquals';
type TypeTest = 'IsNull' | 'IsPresent' | 'IsNumeric' | 'IsString' | 'IsBoolean' | 'IsTimestamp';

type Method<Op extends string> = Op extends `${infer Head}${infer Rest}` ? `${Lowercase<Head>}${Rest}` : never;

type Compare<T, V, Op extends string> = {
  [M in Method<Op>]: (path: PathTo<T, V>, value: V) => Rule<T>;
} & {
  [M in `${Method<Op>}Path`]: (path: PathTo<T, V>, otherPath: PathTo<T, V>) => Rule<T>;
};

/**
 * The Choice rules over data of type `T`: every comparison of ASL (and its `…Path` variant),
 * the `Is…` type tests, `And`, `Or` and `Not`. Paths must exist in `T` and hold the
 * operator's type; `stringEquals` on a literal-union field only accepts its members.
 */
export type Rules<T> = Compare<T, number, NumericOperator> &
  Compare<T, string, StringOperator | TimestampOperator> &
  Compare<T, boolean, 'BooleanEquals'> & {
    stringEquals<P extends PathTo<T, string>>(path: P, value: StringValueAt<T, P>): Rule<T>;
    stringEqualsPath(path: PathTo<T, string>, otherPath: PathTo<T, string>): Rule<T>;
    /** `*` matches any run of characters; `\\*` a literal star. */
    stringMatches(path: PathTo<T, string>, pattern: string): Rule<T>;
  } & {
    [M in Method<TypeTest>]: (path: PathOf<T>, expected?: boolean) => Rule<T>;
  } & {
    and(...rules: [Rule<T>, ...Rule<T>[]]): Rule<T>;
    or(...rules: [Rule<T>, ...Rule<T>[]]): Rule<T>;
    not(rule: Rule<T>): Rule<T>;
  };

const COMPARISONS: readonly ComparisonOperator[] = [
  'StringEquals', 'StringEqualsPath', 'StringLessThan', 'StringLessThanPath', 'StringGreaterThan',
  'StringGreaterThanPath', 'StringLessThanEquals', 'StringLessThanEqualsPath', 'StringGreaterThanEquals',
  'StringGreaterThanEqualsPath', 'StringMatches', 'NumericEquals', 'NumericEqualsPath', 'NumericLessThan',
  'NumericLessThanPath', 'NumericGreaterThan', 'NumericGreaterThanPath', 'NumericLessThanEquals',
  'NumericLessThanEqualsPath', 'NumericGreaterThanEquals', 'NumericGreaterThanEqualsPath', 'BooleanEquals',
  'BooleanEqualsPath', 'TimestampEquals', 'TimestampEqualsPath', 'TimestampLessThan', 'TimestampLessThanPath',
  'TimestampGreaterThan', 'TimestampGreaterThanPath', 'TimestampLessThanEquals', 'TimestampLessThanEqualsPath',
  'TimestampGreaterThanEquals', 'TimestampGreaterThanEqualsPath',
];
const TYPE_TESTS: readonly TypeTest[] = ['IsNull', 'IsPresent', 'IsNumeric', 'IsString', 'IsBoolean', 'IsTimestamp'];

/** `{ Variable, [op]: operand }`: one data-test expression. */
function dataTest<Op extends ComparisonOperator>(variable: string, op: Op, operand: ComparisonOperators[Op]): ChoiceExpression {
  // The computed key widens to an index type; `Op` is one operator, so this is the one-key variant.
  return { Variable: variable, [op]: operand } as unknown as ChoiceExpression;
}

const methodName = (op: string): string => op.charAt(0).toLowerCase() + op.slice(1);

/** The untyped implementation behind {@link Rules}. */
function buildRules(): Record<string, (...args: never[]) => Rule<unknown>> {
  const rules: Record<string, (...args: never[]) => Rule<unknown>> = {};
  for (const op of COMPARISONS) {
    rules[methodName(op)] = ((path: string, operand: ComparisonOperators[typeof op]) => ({
      expression: dataTest(path, op, operand),
    })) as (...args: never[]) => Rule<unknown>;
  }
  for (const op of TYPE_TESTS) {
    rules[methodName(op)] = ((path: string, expected = true) => ({ expression: dataTest(path, op, expected) })) as (
      ...args: never[]
    ) => Rule<unknown>;
  }
  const list = (rs: Rule<unknown>[]) => rs.map((r) => r.expression) as [ChoiceExpression, ...ChoiceExpression[]];
  rules.and = ((...rs: Rule<unknown>[]) => ({ expression: { And: list(rs) } })) as (...args: never[]) => Rule<unknown>;
  rules.or = ((...rs: Rule<unknown>[]) => ({ expression: { Or: list(rs) } })) as (...args: never[]) => Rule<unknown>;
  rules.not = ((r: Rule<unknown>) => ({ expression: { Not: r.expression } })) as (...args: never[]) => Rule<unknown>;
  return rules;
}

const RULES = buildRules();

/** The rule builder for data of type `T` (one shared object: rules carry no state). */
export function rulesFor<T>(): Rules<T> {
  return RULES as unknown as Rules<T>;
}
