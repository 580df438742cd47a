import type { ExactlyOne } from './exclusive';
import type { JsonObject, JsonValue } from './json';

/** Every comparison of a JSONPath data-test expression, with the type of its operand. */
export interface ComparisonOperators {
  StringEquals: string;
  StringEqualsPath: string;
  StringLessThan: string;
  StringLessThanPath: string;
  StringGreaterThan: string;
  StringGreaterThanPath: string;
  StringLessThanEquals: string;
  StringLessThanEqualsPath: string;
  StringGreaterThanEquals: string;
  StringGreaterThanEqualsPath: string;
  StringMatches: string;
  NumericEquals: number;
  NumericEqualsPath: string;
  NumericLessThan: number;
  NumericLessThanPath: string;
  NumericGreaterThan: number;
  NumericGreaterThanPath: string;
  NumericLessThanEquals: number;
  NumericLessThanEqualsPath: string;
  NumericGreaterThanEquals: number;
  NumericGreaterThanEqualsPath: string;
  BooleanEquals: boolean;
  BooleanEqualsPath: string;
  TimestampEquals: string;
  TimestampEqualsPath: string;
  TimestampLessThan: string;
  TimestampLessThanPath: string;
  TimestampGreaterThan: string;
  TimestampGreaterThanPath: string;
  TimestampLessThanEquals: string;
  TimestampLessThanEqualsPath: string;
  TimestampGreaterThanEquals: string;
  TimestampGreaterThanEqualsPath: string;
  IsNull: boolean;
  IsPresent: boolean;
  IsNumeric: boolean;
  IsString: boolean;
  IsBoolean: boolean;
  IsTimestamp: boolean;
}

/** The name of a comparison operator. */
export type ComparisonOperator = keyof ComparisonOperators;

type NoBoolean = { And?: never; Or?: never; Not?: never };
type NoComparison = { Variable?: never } & { [K in ComparisonOperator]?: never };

/** `{ Variable, <one operator> }`. */
export type DataTestExpression = { Variable: string } & ExactlyOne<ComparisonOperators> & NoBoolean;

/** `And`, `Or` (non-empty lists) or `Not` over nested rules. */
export type BooleanExpression = NoComparison &
  ExactlyOne<{ And: [ChoiceExpression, ...ChoiceExpression[]]; Or: [ChoiceExpression, ...ChoiceExpression[]]; Not: ChoiceExpression }>;

/** A nested JSONPath rule: no `Next`. */
export type ChoiceExpression = (DataTestExpression | BooleanExpression) & { Next?: never; Comment?: string };

/** A top-level JSONPath choice rule. */
export type JsonPathChoiceRule = (DataTestExpression | BooleanExpression) & {
  Next: string;
  Comment?: string;
  Assign?: JsonObject;
  Condition?: never;
};

/** A top-level JSONata choice rule: a `Condition` expression. */
export interface JsonataChoiceRule {
  Condition: string;
  Next: string;
  Comment?: string;
  Output?: JsonValue;
  Assign?: JsonObject;
  Variable?: never;
}
