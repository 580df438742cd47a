import { expect } from 'chai';
import { evaluateChoiceRule } from '../../../../local/engine/choice';
import { StatesError } from '../../../../local/engine/errors';

type Row = [operator: string, operand: unknown, input: Record<string, unknown>, expected: boolean];

/*
 * Every single-comparison Choice case of the AWS-recorded corpus (test_<operator>__cases_N):
 * the rule is { Variable: '$.Variable', <operator>: <operand> } over the input shown, and the
 * expected value is whether AWS took the rule's Next.
 */
const RECORDED: Row[] = [
  ['BooleanEquals', true, {"Variable":null,"Value":true}, false],
  ['BooleanEquals', false, {"Variable":null,"Value":false}, false],
  ['BooleanEquals', true, {"Variable":0,"Value":true}, false],
  ['BooleanEquals', true, {"Variable":1,"Value":true}, false],
  ['BooleanEquals', true, {"Variable":1.1,"Value":true}, false],
  ['BooleanEquals', true, {"Variable":"","Value":true}, false],
  ['BooleanEquals', true, {"Variable":" ","Value":true}, false],
  ['BooleanEquals', true, {"Variable":"2012-10-09T19:00:55Z","Value":true}, false],
  ['BooleanEquals', true, {"Variable":"2012-10-09T19:00:55+01:00","Value":true}, false],
  ['BooleanEquals', false, {"Variable":"2012-10-09T19:00:55+01:00","Value":false}, false],
  ['BooleanEquals', true, {"Variable":"2023-02-24","Value":true}, false],
  ['BooleanEquals', false, {"Variable":"2023-02-24","Value":false}, false],
  ['BooleanEquals', true, {"Variable":[""],"Value":true}, false],
  ['BooleanEquals', false, {"Variable":[""],"Value":false}, false],
  ['BooleanEquals', true, {"Variable":{"A":0},"Value":true}, false],
  ['BooleanEquals', false, {"Variable":{"A":0},"Value":false}, false],
  ['BooleanEquals', true, {"Variable":true,"Value":true}, true],
  ['BooleanEquals', true, {"Variable":false,"Value":true}, false],
  ['BooleanEqualsPath', "$.Value", {"Variable":null,"Value":false}, false],
  ['BooleanEqualsPath', "$.Value", {"Variable":0,"Value":false}, false],
  ['BooleanEqualsPath', "$.Value", {"Variable":0.0,"Value":false}, false],
  ['BooleanEqualsPath', "$.Value", {"Variable":1,"Value":true}, false],
  ['BooleanEqualsPath', "$.Value", {"Variable":1,"Value":false}, false],
  ['BooleanEqualsPath', "$.Value", {"Variable":1.1,"Value":false}, false],
  ['BooleanEqualsPath', "$.Value", {"Variable":"","Value":true}, false],
  ['BooleanEqualsPath', "$.Value", {"Variable":" ","Value":false}, false],
  ['BooleanEqualsPath', "$.Value", {"Variable":"HelloWorld","Value":false}, false],
  ['BooleanEqualsPath', "$.Value", {"Variable":"2012-10-09T19:00:55Z","Value":true}, false],
  ['BooleanEqualsPath', "$.Value", {"Variable":"2012-10-09T19:00:55Z","Value":false}, false],
  ['BooleanEqualsPath', "$.Value", {"Variable":"2012-10-09T19:00:55+01:00","Value":true}, false],
  ['BooleanEqualsPath', "$.Value", {"Variable":"2012-10-09T19:00:55+01:00","Value":false}, false],
  ['BooleanEqualsPath', "$.Value", {"Variable":"2023-02-24","Value":true}, false],
  ['BooleanEqualsPath', "$.Value", {"Variable":[],"Value":true}, false],
  ['BooleanEqualsPath', "$.Value", {"Variable":{},"Value":true}, false],
  ['BooleanEqualsPath', "$.Value", {"Variable":{},"Value":false}, false],
  ['BooleanEqualsPath', "$.Value", {"Variable":{"A":0},"Value":true}, false],
  ['BooleanEqualsPath', "$.Value", {"Variable":true,"Value":true}, true],
  ['IsBoolean', true, {"Variable":null,"Value":true}, false],
  ['IsBoolean', true, {"Variable":0,"Value":true}, false],
  ['IsBoolean', true, {"Variable":0.0,"Value":true}, false],
  ['IsBoolean', false, {"Variable":0.0,"Value":false}, true],
  ['IsBoolean', true, {"Variable":1,"Value":true}, false],
  ['IsBoolean', true, {"Variable":1.1,"Value":true}, false],
  ['IsBoolean', true, {"Variable":"","Value":true}, false],
  ['IsBoolean', true, {"Variable":" ","Value":true}, false],
  ['IsBoolean', true, {"Variable":"2012-10-09T19:00:55","Value":true}, false],
  ['IsBoolean', true, {"Variable":"2012-10-09T19:00:55+01:00","Value":true}, false],
  ['IsBoolean', false, {"Variable":"2023-02-24","Value":false}, true],
  ['IsBoolean', false, {"Variable":[],"Value":false}, true],
  ['IsBoolean', false, {"Variable":{},"Value":false}, true],
  ['IsBoolean', false, {"Variable":{"A":0},"Value":false}, true],
  ['IsBoolean', true, {"Variable":true,"Value":true}, true],
  ['IsBoolean', true, {"Variable":false,"Value":true}, true],
  ['IsBoolean', true, {"Variable":false,"Value":true}, true],
  ['IsBoolean', false, {"Variable":false,"Value":false}, false],
  ['IsNull', true, {"Variable":null,"Value":true}, true],
  ['IsNull', false, {"Variable":null,"Value":false}, false],
  ['IsNull', true, {"Variable":0.0,"Value":true}, false],
  ['IsNull', true, {"Variable":1,"Value":true}, false],
  ['IsNull', false, {"Variable":1,"Value":false}, true],
  ['IsNull', false, {"Variable":1.1,"Value":false}, true],
  ['IsNull', true, {"Variable":"","Value":true}, false],
  ['IsNull', true, {"Variable":" ","Value":true}, false],
  ['IsNull', false, {"Variable":" ","Value":false}, true],
  ['IsNull', true, {"Variable":"HelloWorld","Value":true}, false],
  ['IsNull', false, {"Variable":"HelloWorld","Value":false}, true],
  ['IsNull', false, {"Variable":"2012-10-09T19:00:55","Value":false}, true],
  ['IsNull', false, {"Variable":"2012-10-09T19:00:55Z","Value":false}, true],
  ['IsNull', true, {"Variable":"2012-10-09T19:00:55+01:00","Value":true}, false],
  ['IsNull', false, {"Variable":"2012-10-09T19:00:55+01:00","Value":false}, true],
  ['IsNull', true, {"Variable":"2023-02-24","Value":true}, false],
  ['IsNull', true, {"Variable":[],"Value":true}, false],
  ['IsNull', false, {"Variable":[],"Value":false}, true],
  ['IsNull', true, {"Variable":[""],"Value":true}, false],
  ['IsNull', true, {"Variable":{},"Value":true}, false],
  ['IsNull', false, {"Variable":{"A":0},"Value":false}, true],
  ['IsNull', true, {"Variable":true,"Value":true}, false],
  ['IsNull', true, {"Variable":false,"Value":true}, false],
  ['IsNumeric', false, {"Variable":null,"Value":false}, true],
  ['IsNumeric', false, {"Variable":0,"Value":false}, false],
  ['IsNumeric', false, {"Variable":0.0,"Value":false}, false],
  ['IsNumeric', true, {"Variable":1,"Value":true}, true],
  ['IsNumeric', false, {"Variable":1,"Value":false}, false],
  ['IsNumeric', true, {"Variable":1.1,"Value":true}, true],
  ['IsNumeric', false, {"Variable":1.1,"Value":false}, false],
  ['IsNumeric', false, {"Variable":"","Value":false}, true],
  ['IsNumeric', true, {"Variable":" ","Value":true}, false],
  ['IsNumeric', false, {"Variable":" ","Value":false}, true],
  ['IsNumeric', true, {"Variable":"HelloWorld","Value":true}, false],
  ['IsNumeric', false, {"Variable":"2012-10-09T19:00:55","Value":false}, true],
  ['IsNumeric', true, {"Variable":"2012-10-09T19:00:55Z","Value":true}, false],
  ['IsNumeric', false, {"Variable":"2012-10-09T19:00:55Z","Value":false}, true],
  ['IsNumeric', true, {"Variable":"2012-10-09T19:00:55+01:00","Value":true}, false],
  ['IsNumeric', false, {"Variable":"2012-10-09T19:00:55+01:00","Value":false}, true],
  ['IsNumeric', false, {"Variable":"2023-02-24","Value":false}, true],
  ['IsNumeric', false, {"Variable":[],"Value":false}, true],
  ['IsNumeric', true, {"Variable":[""],"Value":true}, false],
  ['IsNumeric', true, {"Variable":{},"Value":true}, false],
  ['IsNumeric', false, {"Variable":{},"Value":false}, true],
  ['IsNumeric', true, {"Variable":{"A":0},"Value":true}, false],
  ['IsNumeric', false, {"Variable":{"A":0},"Value":false}, true],
  ['IsNumeric', true, {"Variable":false,"Value":true}, false],
  ['IsNumeric', true, {"Variable":false,"Value":true}, false],
  ['IsNumeric', false, {"Variable":false,"Value":false}, true],
  ['IsPresent', true, {"Variable":null,"Value":true}, true],
  ['IsPresent', false, {"Variable":null,"Value":false}, false],
  ['IsPresent', true, {"Variable":0,"Value":true}, true],
  ['IsPresent', false, {"Variable":0,"Value":false}, false],
  ['IsPresent', true, {"Variable":0.0,"Value":true}, true],
  ['IsPresent', true, {"Variable":1,"Value":true}, true],
  ['IsPresent', true, {"Variable":1.1,"Value":true}, true],
  ['IsPresent', false, {"Variable":1.1,"Value":false}, false],
  ['IsPresent', true, {"Variable":"","Value":true}, true],
  ['IsPresent', false, {"Variable":"","Value":false}, false],
  ['IsPresent', true, {"Variable":" ","Value":true}, true],
  ['IsPresent', false, {"Variable":" ","Value":false}, false],
  ['IsPresent', true, {"Variable":"2012-10-09T19:00:55","Value":true}, true],
  ['IsPresent', false, {"Variable":"2012-10-09T19:00:55","Value":false}, false],
  ['IsPresent', true, {"Variable":"2012-10-09T19:00:55+01:00","Value":true}, true],
  ['IsPresent', false, {"Variable":"2012-10-09T19:00:55+01:00","Value":false}, false],
  ['IsPresent', false, {"Variable":"2023-02-24","Value":false}, false],
  ['IsPresent', true, {"Variable":[],"Value":true}, true],
  ['IsPresent', true, {"Variable":[""],"Value":true}, true],
  ['IsPresent', false, {"Variable":[""],"Value":false}, false],
  ['IsPresent', true, {"Variable":{},"Value":true}, true],
  ['IsPresent', false, {"Variable":{},"Value":false}, false],
  ['IsPresent', true, {"Variable":{"A":0},"Value":true}, true],
  ['IsPresent', false, {"Variable":{"A":0},"Value":false}, false],
  ['IsPresent', true, {"Variable":true,"Value":true}, true],
  ['IsPresent', true, {"Variable":false,"Value":true}, true],
  ['IsPresent', false, {"Variable":false,"Value":false}, false],
  ['IsString', true, {"Variable":null,"Value":true}, false],
  ['IsString', false, {"Variable":null,"Value":false}, true],
  ['IsString', false, {"Variable":0,"Value":false}, true],
  ['IsString', true, {"Variable":0.0,"Value":true}, false],
  ['IsString', false, {"Variable":0.0,"Value":false}, true],
  ['IsString', true, {"Variable":1,"Value":true}, false],
  ['IsString', false, {"Variable":1,"Value":false}, true],
  ['IsString', true, {"Variable":1.1,"Value":true}, false],
  ['IsString', false, {"Variable":1.1,"Value":false}, true],
  ['IsString', false, {"Variable":"","Value":false}, false],
  ['IsString', true, {"Variable":" ","Value":true}, true],
  ['IsString', false, {"Variable":" ","Value":false}, false],
  ['IsString', true, {"Variable":"HelloWorld","Value":true}, true],
  ['IsString', false, {"Variable":"2012-10-09T19:00:55Z","Value":false}, false],
  ['IsString', false, {"Variable":"2012-10-09T19:00:55+01:00","Value":false}, false],
  ['IsString', true, {"Variable":[],"Value":true}, false],
  ['IsString', true, {"Variable":[""],"Value":true}, false],
  ['IsString', false, {"Variable":[""],"Value":false}, true],
  ['IsString', true, {"Variable":{},"Value":true}, false],
  ['IsString', true, {"Variable":{"A":0},"Value":true}, false],
  ['IsString', true, {"Variable":true,"Value":true}, false],
  ['IsString', true, {"Variable":false,"Value":true}, false],
  ['IsString', true, {"Variable":false,"Value":true}, false],
  ['IsString', false, {"Variable":false,"Value":false}, true],
  ['NumericEquals', 0, {"Variable":null,"Value":0}, false],
  ['NumericEquals', 1, {"Variable":null,"Value":1}, false],
  ['NumericEquals', 1.0, {"Variable":null,"Value":1.0}, false],
  ['NumericEquals', 0, {"Variable":0,"Value":0}, true],
  ['NumericEquals', 1, {"Variable":0,"Value":1}, false],
  ['NumericEquals', 0.0, {"Variable":0.0,"Value":0.0}, true],
  ['NumericEquals', 1, {"Variable":0.0,"Value":1}, false],
  ['NumericEquals', 1.0, {"Variable":0.0,"Value":1.0}, false],
  ['NumericEquals', 0.0, {"Variable":1,"Value":0.0}, false],
  ['NumericEquals', 1, {"Variable":1,"Value":1}, true],
  ['NumericEquals', 0, {"Variable":1.1,"Value":0}, false],
  ['NumericEquals', 1, {"Variable":1.1,"Value":1}, false],
  ['NumericEquals', 1.0, {"Variable":1.1,"Value":1.0}, false],
  ['NumericEquals', 0, {"Variable":"","Value":0}, false],
  ['NumericEquals', 0.0, {"Variable":"","Value":0.0}, false],
  ['NumericEquals', 1, {"Variable":"","Value":1}, false],
  ['NumericEquals', 0, {"Variable":" ","Value":0}, false],
  ['NumericEquals', 0.0, {"Variable":" ","Value":0.0}, false],
  ['NumericEquals', 1, {"Variable":" ","Value":1}, false],
  ['NumericEquals', 1.0, {"Variable":" ","Value":1.0}, false],
  ['NumericEquals', 0.0, {"Variable":[],"Value":0.0}, false],
  ['NumericEquals', 1, {"Variable":[],"Value":1}, false],
  ['NumericEquals', 1.0, {"Variable":[],"Value":1.0}, false],
  ['NumericEquals', 0, {"Variable":[""],"Value":0}, false],
  ['NumericEquals', 0.0, {"Variable":[""],"Value":0.0}, false],
  ['NumericEquals', 0, {"Variable":{},"Value":0}, false],
  ['NumericEquals', 0.0, {"Variable":{},"Value":0.0}, false],
  ['NumericEquals', 1.0, {"Variable":{},"Value":1.0}, false],
  ['NumericEquals', 0.0, {"Variable":{"A":0},"Value":0.0}, false],
  ['NumericEquals', 1.0, {"Variable":{"A":0},"Value":1.0}, false],
  ['NumericEquals', 0, {"Variable":false,"Value":0}, false],
  ['NumericEquals', 0.0, {"Variable":false,"Value":0.0}, false],
  ['NumericEquals', 1.0, {"Variable":false,"Value":1.0}, false],
  ['NumericEquals', 1.0, {"Variable":true,"Value":1.0}, false],
  ['NumericEquals', 0, {"Variable":0,"Value":0}, true],
  ['NumericEquals', 2.22, {"Variable":2.22,"Value":2.22}, true],
  ['NumericEqualsPath', "$.Value", {"Variable":null,"Value":0.0}, false],
  ['NumericEqualsPath', "$.Value", {"Variable":null,"Value":1.0}, false],
  ['NumericEqualsPath', "$.Value", {"Variable":0,"Value":0.0}, true],
  ['NumericEqualsPath', "$.Value", {"Variable":0,"Value":1.0}, false],
  ['NumericEqualsPath', "$.Value", {"Variable":0.0,"Value":0}, true],
  ['NumericEqualsPath', "$.Value", {"Variable":0.0,"Value":1}, false],
  ['NumericEqualsPath', "$.Value", {"Variable":1,"Value":0}, false],
  ['NumericEqualsPath', "$.Value", {"Variable":1,"Value":1}, true],
  ['NumericEqualsPath', "$.Value", {"Variable":1,"Value":1.0}, true],
  ['NumericEqualsPath', "$.Value", {"Variable":"","Value":0}, false],
  ['NumericEqualsPath', "$.Value", {"Variable":"","Value":0.0}, false],
  ['NumericEqualsPath', "$.Value", {"Variable":" ","Value":0}, false],
  ['NumericEqualsPath', "$.Value", {"Variable":" ","Value":1.0}, false],
  ['NumericEqualsPath', "$.Value", {"Variable":[],"Value":0}, false],
  ['NumericEqualsPath', "$.Value", {"Variable":[],"Value":1}, false],
  ['NumericEqualsPath', "$.Value", {"Variable":[],"Value":1.0}, false],
  ['NumericEqualsPath', "$.Value", {"Variable":[""],"Value":0}, false],
  ['NumericEqualsPath', "$.Value", {"Variable":[""],"Value":0.0}, false],
  ['NumericEqualsPath', "$.Value", {"Variable":[""],"Value":1}, false],
  ['NumericEqualsPath', "$.Value", {"Variable":{},"Value":0.0}, false],
  ['NumericEqualsPath', "$.Value", {"Variable":{"A":0},"Value":0}, false],
  ['NumericEqualsPath', "$.Value", {"Variable":{"A":0},"Value":1}, false],
  ['NumericEqualsPath', "$.Value", {"Variable":false,"Value":0}, false],
  ['NumericEqualsPath', "$.Value", {"Variable":false,"Value":1}, false],
  ['NumericEqualsPath', "$.Value", {"Variable":false,"Value":1.0}, false],
  ['NumericEqualsPath', "$.Value", {"Variable":true,"Value":0.0}, false],
  ['NumericEqualsPath', "$.Value", {"Variable":true,"Value":1}, false],
  ['NumericEqualsPath', "$.Value", {"Variable":true,"Value":1.0}, false],
  ['NumericEqualsPath', "$.Value", {"Variable":0,"Value":0}, true],
  ['NumericEqualsPath', "$.Value", {"Variable":0.0,"Value":0}, true],
  ['NumericGreaterThan', 0, {"Variable":0,"Value":0}, false],
  ['NumericGreaterThan', 0, {"Variable":0.0,"Value":0}, false],
  ['NumericGreaterThan', 1, {"Variable":0,"Value":1}, false],
  ['NumericGreaterThanEquals', 0, {"Variable":0,"Value":0}, true],
  ['NumericGreaterThanEquals', 0, {"Variable":0.0,"Value":0}, true],
  ['NumericGreaterThanEquals', 1, {"Variable":0,"Value":1}, false],
  ['NumericGreaterThanEqualsPath', "$.Value", {"Variable":0,"Value":0}, true],
  ['NumericGreaterThanEqualsPath', "$.Value", {"Variable":1,"Value":0}, true],
  ['NumericGreaterThanPath', "$.Value", {"Variable":0,"Value":0}, false],
  ['NumericGreaterThanPath', "$.Value", {"Variable":0,"Value":1}, false],
  ['NumericGreaterThanPath', "$.Value", {"Variable":0,"Value":1}, false],
  ['NumericLessThan', 0, {"Variable":0,"Value":0}, false],
  ['NumericLessThan', 1, {"Variable":1,"Value":1}, false],
  ['NumericLessThan', 0, {"Variable":1,"Value":0}, false],
  ['NumericLessThanEquals', 0, {"Variable":0,"Value":0}, true],
  ['NumericLessThanEquals', 0, {"Variable":0.0,"Value":0}, true],
  ['NumericLessThanEquals', 1, {"Variable":0,"Value":1}, true],
  ['NumericLessThanEquals', 1, {"Variable":1,"Value":1}, true],
  ['NumericLessThanEquals', 0, {"Variable":1,"Value":0}, false],
  ['NumericLessThanEquals', 1, {"Variable":0,"Value":1}, true],
  ['NumericLessThanEqualsPath', "$.Value", {"Variable":0,"Value":0}, true],
  ['NumericLessThanEqualsPath', "$.Value", {"Variable":0,"Value":1}, true],
  ['NumericLessThanEqualsPath', "$.Value", {"Variable":1,"Value":1}, true],
  ['NumericLessThanEqualsPath', "$.Value", {"Variable":1,"Value":0}, false],
  ['NumericLessThanPath', "$.Value", {"Variable":0,"Value":0}, false],
  ['NumericLessThanPath', "$.Value", {"Variable":0.0,"Value":0}, false],
  ['NumericLessThanPath', "$.Value", {"Variable":1,"Value":1}, false],
  ['NumericLessThanPath', "$.Value", {"Variable":1,"Value":0}, false],
  ['NumericLessThanPath', "$.Value", {"Variable":0,"Value":1}, true],
  ['StringEquals', "HelloWorld", {"Variable":null,"Value":"HelloWorld"}, false],
  ['StringEquals', "HelloWorld", {"Variable":0,"Value":"HelloWorld"}, false],
  ['StringEquals', "HelloWorld", {"Variable":1,"Value":"HelloWorld"}, false],
  ['StringEquals', "HelloWorld", {"Variable":1.1,"Value":"HelloWorld"}, false],
  ['StringEquals', "HelloWorld", {"Variable":"","Value":"HelloWorld"}, false],
  ['StringEquals', "HelloWorld", {"Variable":[],"Value":"HelloWorld"}, false],
  ['StringEquals', "HelloWorld", {"Variable":[""],"Value":"HelloWorld"}, false],
  ['StringEquals', "HelloWorld", {"Variable":{},"Value":"HelloWorld"}, false],
  ['StringEquals', "HelloWorld", {"Variable":false,"Value":"HelloWorld"}, false],
  ['StringEquals', "HelloWorld", {"Variable":true,"Value":"HelloWorld"}, false],
  ['StringEquals', "\t\r\n", {"Variable":"\t\n","Value":"\t\r\n"}, false],
  ['StringEqualsPath', "$.Value", {"Variable":" ","Value":"     "}, false],
  ['StringEqualsPath', "$.Value", {"Variable":"\t\n","Value":"\t\r\n"}, false],
  ['StringEqualsPath', "$.Value", {"Variable":"Hello","Value":"Hello"}, true],
  ['StringGreaterThan', "A ", {"Variable":"A","Value":"A "}, false],
  ['StringGreaterThan', "A\t\n\r", {"Variable":"A","Value":"A\t\n\r"}, false],
  ['StringGreaterThan', "ABC", {"Variable":"AB","Value":"ABC"}, false],
  ['StringGreaterThanEquals', "", {"Variable":"","Value":""}, true],
  ['StringGreaterThanEquals', "AB", {"Variable":"A","Value":"AB"}, false],
  ['StringGreaterThanEquals', "A", {"Variable":"AB","Value":"A"}, true],
  ['StringGreaterThanEqualsPath', "$.Value", {"Variable":"","Value":""}, true],
  ['StringGreaterThanEqualsPath', "$.Value", {"Variable":"A","Value":"AB"}, false],
  ['StringGreaterThanPath', "$.Value", {"Variable":"A","Value":"A "}, false],
  ['StringGreaterThanPath', "$.Value", {"Variable":"A","Value":"A\t\n\r"}, false],
  ['StringGreaterThanPath', "$.Value", {"Variable":"AB","Value":"ABC"}, false],
  ['StringLessThan', "", {"Variable":"","Value":""}, false],
  ['StringLessThanEquals', "AB", {"Variable":"A","Value":"AB"}, true],
  ['StringLessThanEqualsPath', "$.Value", {"Variable":"","Value":""}, true],
  ['StringLessThanEqualsPath', "$.Value", {"Variable":"AB","Value":"A"}, false],
  ['StringLessThanPath', "$.Value", {"Variable":"","Value":""}, false],
  ['StringLessThanPath', "$.Value", {"Variable":"A","Value":"AB"}, true],
  ['TimestampEquals', "2012-10-09T19:00:55Z", {"Variable":0,"Value":"2012-10-09T19:00:55Z"}, false],
  ['TimestampEquals', "2012-10-09T19:00:55Z", {"Variable":1,"Value":"2012-10-09T19:00:55Z"}, false],
  ['TimestampEquals', "2012-10-09T19:00:55Z", {"Variable":1.1,"Value":"2012-10-09T19:00:55Z"}, false],
  ['TimestampEquals', "2012-10-09T19:00:55Z", {"Variable":"2023-02-24 12:15:56.832957","Value":"2012-10-09T19:00:55Z"}, false],
  ['TimestampEquals', "2012-10-09T19:00:55Z", {"Variable":[],"Value":"2012-10-09T19:00:55Z"}, false],
  ['TimestampEquals', "2012-10-09T19:00:55Z", {"Variable":[""],"Value":"2012-10-09T19:00:55Z"}, false],
  ['TimestampEquals', "2012-10-09T19:00:55Z", {"Variable":{},"Value":"2012-10-09T19:00:55Z"}, false],
  ['TimestampEquals', "2012-10-09T19:00:55Z", {"Variable":{"A":0},"Value":"2012-10-09T19:00:55Z"}, false],
  ['TimestampEquals', "2012-10-09T19:00:55Z", {"Variable":false,"Value":"2012-10-09T19:00:55Z"}, false],
  ['TimestampEquals', "2012-10-09T19:00:55Z", {"Variable":true,"Value":"2012-10-09T19:00:55Z"}, false],
  ['TimestampEquals', "2012-10-09T19:00:56Z", {"Variable":"2012-10-09T19:00:55Z","Value":"2012-10-09T19:00:56Z"}, false],
  ['TimestampEquals', "2012-10-09T19:00:55Z", {"Variable":"2012-10-09T19:00:56Z","Value":"2012-10-09T19:00:55Z"}, false],
  ['TimestampEqualsPath', "$.Value", {"Variable":"2012-10-09T19:00:55Z","Value":"2012-10-09T19:00:55Z"}, true],
  ['TimestampEqualsPath', "$.Value", {"Variable":"2012-10-09T19:00:55Z","Value":"2012-10-09T19:00:56Z"}, false],
  ['TimestampGreaterThan', "2012-10-09T19:00:56Z", {"Variable":"2012-10-09T19:00:55Z","Value":"2012-10-09T19:00:56Z"}, false],
  ['TimestampGreaterThanEquals', "2012-10-09T19:00:56Z", {"Variable":"2012-10-09T19:00:55Z","Value":"2012-10-09T19:00:56Z"}, false],
  ['TimestampGreaterThanEqualsPath', "$.Value", {"Variable":"2012-10-09T19:00:55Z","Value":"2012-10-09T19:00:56Z"}, false],
  ['TimestampLessThan', "2012-10-09T19:00:55Z", {"Variable":"2012-10-09T19:00:55Z","Value":"2012-10-09T19:00:55Z"}, false],
  ['TimestampLessThan', "2012-10-09T19:00:56Z", {"Variable":"2012-10-09T19:00:55Z","Value":"2012-10-09T19:00:56Z"}, true],
  ['TimestampLessThanEquals', "2012-10-09T19:00:56Z", {"Variable":"2012-10-09T19:00:55Z","Value":"2012-10-09T19:00:56Z"}, true],
  ['TimestampLessThanEqualsPath', "$.Value", {"Variable":"2012-10-09T19:00:56Z","Value":"2012-10-09T19:00:55Z"}, false],
];

const scopeOf = (input: unknown, variables: Record<string, unknown> = {}, context: unknown = {}) => ({ input, context, variables });

describe('Function: evaluateChoiceRule', () => {
  describe('AWS-recorded comparisons', () => {
    for (const [operator, operand, input, expected] of RECORDED) {
      it(`${operator} ${JSON.stringify(operand)} over ${JSON.stringify(input)} is ${expected}`, () => {
        // Act
        const result = evaluateChoiceRule({ Variable: '$.Variable', [operator]: operand, Next: 'X' }, scopeOf(input));
        // Assess
        expect(result).to.equal(expected);
      });
    }
  });

  describe('operators the recorded cases do not cover', () => {
    const rows: Row[] = [
      ['StringMatches', 'log-*.txt', { Variable: 'log-2024.txt' }, true],
      ['StringMatches', 'log-*.txt', { Variable: 'log-2024.csv' }, false],
      ['StringMatches', '*', { Variable: '' }, true],
      ['StringMatches', 'a\\*b', { Variable: 'a*b' }, true],
      ['StringMatches', 'a\\*b', { Variable: 'axxb' }, false],
      ['StringMatches', 'a*', { Variable: 1 }, false],
      ['StringLessThan', 'b', { Variable: 'a' }, true],
      ['StringLessThanEquals', 'a', { Variable: 'a' }, true],
      ['StringGreaterThan', 'a', { Variable: 1 }, false],
      ['NumericLessThan', 1, { Variable: '0' }, false],
      ['NumericGreaterThanEquals', 1.5, { Variable: 1.5 }, true],
      ['IsTimestamp', true, { Variable: '2012-10-09T19:00:55Z' }, true],
      ['IsTimestamp', true, { Variable: '2012-10-09T19:00:55+01:00' }, true],
      ['IsTimestamp', true, { Variable: '2016-03-05T21:29:29.243167252Z' }, true],
      ['IsTimestamp', true, { Variable: '2012-10-09T19:00:55' }, false],
      ['IsTimestamp', true, { Variable: '2023-02-24' }, false],
      ['IsTimestamp', true, { Variable: '2023-02-24 12:15:56.832957' }, false],
      ['IsTimestamp', true, { Variable: '2016-13-05T21:29:29Z' }, false],
      ['IsTimestamp', false, { Variable: 5 }, true],
      ['TimestampEquals', '2012-10-09T18:00:55Z', { Variable: '2012-10-09T19:00:55+01:00' }, true],
      ['TimestampLessThan', '2012-10-09T19:00:55.000000001Z', { Variable: '2012-10-09T19:00:55Z' }, true],
      ['TimestampGreaterThan', 'not a timestamp', { Variable: '2012-10-09T19:00:55Z' }, false],
    ];
    for (const [operator, operand, input, expected] of rows) {
      it(`${operator} ${JSON.stringify(operand)} over ${JSON.stringify(input)} is ${expected}`, () => {
        expect(evaluateChoiceRule({ Variable: '$.Variable', [operator]: operand }, scopeOf(input))).to.equal(expected);
      });
    }
  });

  describe('And, Or, Not', () => {
    const input = { type: 'Private', value: 22 };
    const rows: [rule: unknown, expected: boolean][] = [
      [{ Not: { Variable: '$.type', StringEquals: 'Private' } }, false],
      [{ And: [{ Variable: '$.value', NumericGreaterThanEquals: 20 }, { Variable: '$.value', NumericLessThan: 30 }] }, true],
      [{ And: [{ Variable: '$.value', NumericGreaterThanEquals: 20 }, { Variable: '$.value', NumericLessThan: 21 }] }, false],
      [{ Or: [{ Variable: '$.value', NumericEquals: 0 }, { Variable: '$.type', StringEquals: 'Private' }] }, true],
      [{ Or: [{ Variable: '$.value', NumericEquals: 0 }, { Not: { Variable: '$.type', IsPresent: true } }] }, false],
    ];
    for (const [rule, expected] of rows) {
      it(`${JSON.stringify(rule)} is ${expected}`, () => {
        expect(evaluateChoiceRule(rule, scopeOf(input))).to.equal(expected);
      });
    }

    it('stops at the first false of And, so a later missing path does not fail', () => {
      const rule = { And: [{ Variable: '$.value', NumericEquals: 0 }, { Variable: '$.missing', NumericEquals: 0 }] };
      expect(evaluateChoiceRule(rule, scopeOf(input))).to.equal(false);
    });
  });

  describe('where the Variable points', () => {
    it('reads the context object with $$', () => {
      // Prepare: the corpus's CONTEXT_OBJECT_VARIABLE case
      const context = { Execution: { Input: { 'input-value': 0 } } };
      const rule = { Variable: '$$.Execution.Input.input-value', NumericLessThanEquals: 0 };
      // Act / Assess
      expect(evaluateChoiceRule(rule, scopeOf({ 'input-value': 0 }, {}, context))).to.equal(true);
    });

    it('reads Assign variables with $name and $name.field', () => {
      const scope = scopeOf({}, { guess: 42, answer: { value: 42 } });
      expect(evaluateChoiceRule({ Variable: '$guess', NumericEqualsPath: '$answer.value' }, scope)).to.equal(true);
      expect(evaluateChoiceRule({ Variable: '$answer.value', NumericEquals: 41 }, scope)).to.equal(false);
    });

    it('gives IsPresent false, not an error, for a missing path or variable', () => {
      expect(evaluateChoiceRule({ Variable: '$.nope', IsPresent: false }, scopeOf({}))).to.equal(true);
      expect(evaluateChoiceRule({ Variable: '$.a.b', IsPresent: true }, scopeOf({ a: 1 }))).to.equal(false);
      expect(evaluateChoiceRule({ Variable: '$nope', IsPresent: true }, scopeOf({}))).to.equal(false);
    });
  });

  describe('paths that select nothing', () => {
    const rows: [rule: Record<string, unknown>, path: string][] = [
      [{ Variable: '$.type', StringEquals: 'Private' }, '$.type'],
      [{ Variable: '$.type', IsNull: true }, '$.type'],
      [{ Variable: '$.type', IsString: false }, '$.type'],
      [{ Variable: '$.value', NumericLessThanPath: '$.right' }, '$.right'],
    ];
    for (const [rule, path] of rows) {
      it(`${JSON.stringify(rule)} fails with States.Runtime naming ${path}`, () => {
        // Act
        let caught: unknown;
        try {
          evaluateChoiceRule(rule, scopeOf({ value: 8 }));
        } catch (error) {
          caught = error;
        }
        // Assess
        expect(caught).to.be.instanceOf(StatesError);
        expect((caught as StatesError).error).to.equal('States.Runtime');
        expect((caught as StatesError).cause).to.equal(
          `Invalid path '${path}': The choice state's condition path references an invalid value.`,
        );
      });
    }
  });
});
