import { expect } from 'chai';
import type { ChoiceExpression } from '../../../workflow/asl';
import { describeRule, Workflow, type Rule, type Rules } from '../../../workflow/dsl';
import type { ShopData } from './fixtures';

type Case = { rule: ($: Rules<ShopData>) => Rule<ShopData>; expression: ChoiceExpression; text: string };

/** Every operator the DSL offers, the ASL it renders and how the Mermaid label reads it. */
const CASES: Case[] = [
  { rule: ($) => $.stringEquals('$.payment.status', 'APPROVED'), expression: { Variable: '$.payment.status', StringEquals: 'APPROVED' }, text: "payment.status == 'APPROVED'" },
  { rule: ($) => $.stringEqualsPath('$.orderId', '$.createdAt'), expression: { Variable: '$.orderId', StringEqualsPath: '$.createdAt' }, text: 'orderId == createdAt' },
  { rule: ($) => $.stringLessThan('$.orderId', 'm'), expression: { Variable: '$.orderId', StringLessThan: 'm' }, text: "orderId < 'm'" },
  { rule: ($) => $.stringLessThanPath('$.orderId', '$.createdAt'), expression: { Variable: '$.orderId', StringLessThanPath: '$.createdAt' }, text: 'orderId < createdAt' },
  { rule: ($) => $.stringGreaterThan('$.orderId', 'm'), expression: { Variable: '$.orderId', StringGreaterThan: 'm' }, text: "orderId > 'm'" },
  { rule: ($) => $.stringGreaterThanPath('$.orderId', '$.createdAt'), expression: { Variable: '$.orderId', StringGreaterThanPath: '$.createdAt' }, text: 'orderId > createdAt' },
  { rule: ($) => $.stringLessThanEquals('$.orderId', 'm'), expression: { Variable: '$.orderId', StringLessThanEquals: 'm' }, text: "orderId <= 'm'" },
  { rule: ($) => $.stringLessThanEqualsPath('$.orderId', '$.createdAt'), expression: { Variable: '$.orderId', StringLessThanEqualsPath: '$.createdAt' }, text: 'orderId <= createdAt' },
  { rule: ($) => $.stringGreaterThanEquals('$.orderId', 'm'), expression: { Variable: '$.orderId', StringGreaterThanEquals: 'm' }, text: "orderId >= 'm'" },
  { rule: ($) => $.stringGreaterThanEqualsPath('$.orderId', '$.createdAt'), expression: { Variable: '$.orderId', StringGreaterThanEqualsPath: '$.createdAt' }, text: 'orderId >= createdAt' },
  { rule: ($) => $.stringMatches('$.orderId', 'ord-*'), expression: { Variable: '$.orderId', StringMatches: 'ord-*' }, text: "orderId matches 'ord-*'" },
  { rule: ($) => $.numericEquals('$.total', 3), expression: { Variable: '$.total', NumericEquals: 3 }, text: 'total == 3' },
  { rule: ($) => $.numericEqualsPath('$.total', '$.limit'), expression: { Variable: '$.total', NumericEqualsPath: '$.limit' }, text: 'total == limit' },
  { rule: ($) => $.numericLessThan('$.total', 3), expression: { Variable: '$.total', NumericLessThan: 3 }, text: 'total < 3' },
  { rule: ($) => $.numericLessThanPath('$.total', '$.limit'), expression: { Variable: '$.total', NumericLessThanPath: '$.limit' }, text: 'total < limit' },
  { rule: ($) => $.numericGreaterThan('$.total', 3), expression: { Variable: '$.total', NumericGreaterThan: 3 }, text: 'total > 3' },
  { rule: ($) => $.numericGreaterThanPath('$.total', '$.limit'), expression: { Variable: '$.total', NumericGreaterThanPath: '$.limit' }, text: 'total > limit' },
  { rule: ($) => $.numericLessThanEquals('$.total', 3), expression: { Variable: '$.total', NumericLessThanEquals: 3 }, text: 'total <= 3' },
  { rule: ($) => $.numericLessThanEqualsPath('$.total', '$.limit'), expression: { Variable: '$.total', NumericLessThanEqualsPath: '$.limit' }, text: 'total <= limit' },
  { rule: ($) => $.numericGreaterThanEquals('$.total', 3), expression: { Variable: '$.total', NumericGreaterThanEquals: 3 }, text: 'total >= 3' },
  { rule: ($) => $.numericGreaterThanEqualsPath('$.total', '$.limit'), expression: { Variable: '$.total', NumericGreaterThanEqualsPath: '$.limit' }, text: 'total >= limit' },
  { rule: ($) => $.booleanEquals('$.payment.captured', false), expression: { Variable: '$.payment.captured', BooleanEquals: false }, text: 'payment.captured == false' },
  { rule: ($) => $.booleanEqualsPath('$.payment.captured', '$.payment.captured'), expression: { Variable: '$.payment.captured', BooleanEqualsPath: '$.payment.captured' }, text: 'payment.captured == payment.captured' },
  { rule: ($) => $.timestampEquals('$.createdAt', '2024-01-01T00:00:00Z'), expression: { Variable: '$.createdAt', TimestampEquals: '2024-01-01T00:00:00Z' }, text: "createdAt == '2024-01-01T00:00:00Z'" },
  { rule: ($) => $.timestampEqualsPath('$.createdAt', '$.payment.at'), expression: { Variable: '$.createdAt', TimestampEqualsPath: '$.payment.at' }, text: 'createdAt == payment.at' },
  { rule: ($) => $.timestampLessThan('$.createdAt', '2024-01-01T00:00:00Z'), expression: { Variable: '$.createdAt', TimestampLessThan: '2024-01-01T00:00:00Z' }, text: "createdAt < '2024-01-01T00:00:00Z'" },
  { rule: ($) => $.timestampLessThanPath('$.createdAt', '$.payment.at'), expression: { Variable: '$.createdAt', TimestampLessThanPath: '$.payment.at' }, text: 'createdAt < payment.at' },
  { rule: ($) => $.timestampGreaterThan('$.createdAt', '2024-01-01T00:00:00Z'), expression: { Variable: '$.createdAt', TimestampGreaterThan: '2024-01-01T00:00:00Z' }, text: "createdAt > '2024-01-01T00:00:00Z'" },
  { rule: ($) => $.timestampGreaterThanPath('$.createdAt', '$.payment.at'), expression: { Variable: '$.createdAt', TimestampGreaterThanPath: '$.payment.at' }, text: 'createdAt > payment.at' },
  { rule: ($) => $.timestampLessThanEquals('$.createdAt', '2024-01-01T00:00:00Z'), expression: { Variable: '$.createdAt', TimestampLessThanEquals: '2024-01-01T00:00:00Z' }, text: "createdAt <= '2024-01-01T00:00:00Z'" },
  { rule: ($) => $.timestampLessThanEqualsPath('$.createdAt', '$.payment.at'), expression: { Variable: '$.createdAt', TimestampLessThanEqualsPath: '$.payment.at' }, text: 'createdAt <= payment.at' },
  { rule: ($) => $.timestampGreaterThanEquals('$.createdAt', '2024-01-01T00:00:00Z'), expression: { Variable: '$.createdAt', TimestampGreaterThanEquals: '2024-01-01T00:00:00Z' }, text: "createdAt >= '2024-01-01T00:00:00Z'" },
  { rule: ($) => $.timestampGreaterThanEqualsPath('$.createdAt', '$.payment.at'), expression: { Variable: '$.createdAt', TimestampGreaterThanEqualsPath: '$.payment.at' }, text: 'createdAt >= payment.at' },
  { rule: ($) => $.isNull('$.payment.note'), expression: { Variable: '$.payment.note', IsNull: true }, text: 'payment.note is null' },
  { rule: ($) => $.isPresent('$.payment.note', false), expression: { Variable: '$.payment.note', IsPresent: false }, text: 'payment.note is not present' },
  { rule: ($) => $.isNumeric('$.total'), expression: { Variable: '$.total', IsNumeric: true }, text: 'total is numeric' },
  { rule: ($) => $.isString('$.orderId'), expression: { Variable: '$.orderId', IsString: true }, text: 'orderId is string' },
  { rule: ($) => $.isBoolean('$.payment.captured'), expression: { Variable: '$.payment.captured', IsBoolean: true }, text: 'payment.captured is boolean' },
  { rule: ($) => $.isTimestamp('$.createdAt'), expression: { Variable: '$.createdAt', IsTimestamp: true }, text: 'createdAt is timestamp' },
  {
    rule: ($) => $.and($.isPresent('$.payment'), $.or($.numericLessThan('$.total', 1), $.not($.stringEquals('$.payment.status', 'DECLINED')))),
    expression: {
      And: [
        { Variable: '$.payment', IsPresent: true },
        { Or: [{ Variable: '$.total', NumericLessThan: 1 }, { Not: { Variable: '$.payment.status', StringEquals: 'DECLINED' } }] },
      ],
    },
    text: "payment is present and (total < 1 or (not payment.status == 'DECLINED'))",
  },
];

describe('Type: Rules', () => {
  for (const { rule, expression, text } of CASES) {
    const op = Object.keys(expression).find((k) => k !== 'Variable');
    it(`renders ${op} as ASL and describes it as "${text}"`, () => {
      // Prepare
      const s = new Workflow().states<ShopData>();
      // Act
      const choice = s.choice('C').when(rule, s.succeed('Done'));
      const rendered = choice.start.choices[0]?.expression;
      // Assess
      expect(rendered).to.deep.equal(expression);
      expect(describeRule(rendered as ChoiceExpression)).to.equal(text);
    });
  }

  it('offers every comparison operator of ASL', () => {
    const operators = new Set(CASES.flatMap((c) => JSON.stringify(c.expression).match(/"(String|Numeric|Boolean|Timestamp|Is)\w*"/g) ?? []));
    expect(operators.size).to.equal(33 + 6);
  });
});
