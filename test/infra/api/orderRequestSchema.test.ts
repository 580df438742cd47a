/**
 * The API's request model must accept exactly the bodies the workflow can run: those the
 * Order codec decodes, whose order id is also a valid execution name.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { isRight } from 'fp-ts/Either';
import { EXECUTION_NAME_MAX_LENGTH, orderRequestSchema } from '../../../infra/api/orderRequestSchema';
import { codecToJsonSchema, UnsupportedCodecError } from '../../../infra/api/jsonSchema';
import { Order } from '../../../workflow/contracts';
import * as t from 'io-ts';
import { orderArb } from '../../workflow/orderArbitraries';
import { validateJsonSchema } from '../support/jsonSchemaDraft4';

const schema = orderRequestSchema();
const schemaAccepts = (value: unknown): boolean => validateJsonSchema(schema, value).length === 0;
const codecAccepts = (value: unknown): boolean => isRight(Order.decode(value));
/** Step Functions' execution-name rule, restated from its API reference. */
const FORBIDDEN_IN_NAMES = [...' <>{}[]?*"#%\\^|~`$&,;:/'];
const isExecutionName = (value: unknown): boolean => {
  if (typeof value !== 'string') return false;
  const chars = [...value];
  return (
    chars.length >= 1 &&
    chars.length <= EXECUTION_NAME_MAX_LENGTH &&
    chars.every((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      const control = code <= 0x1f || (code >= 0x7f && code <= 0x9f);
      return !control && !/\s/u.test(ch) && !FORBIDDEN_IN_NAMES.includes(ch);
    })
  );
};
const orderIdOf = (value: unknown): unknown =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.getOwnPropertyDescriptor(value, 'orderId')?.value : undefined;
/** What the API must accept: a decodable order whose id can name an execution. */
const runnable = (value: unknown): boolean => codecAccepts(value) && isExecutionName(orderIdOf(value));

const executionNameArb = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{1,80}$/),
  fc.string({ minLength: 1, maxLength: 80, unit: 'grapheme' }).filter(isExecutionName),
);
/** Orders as the API should accept them, through JSON (as they arrive). */
const validOrderArb = fc
  .tuple(orderArb, executionNameArb)
  .map(([order, orderId]): unknown => JSON.parse(JSON.stringify({ ...order, orderId })));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isObject = (value: unknown): value is { [key: string]: Json } =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Every path (as key lists) to a value inside a JSON value. */
const pathsOf = (value: Json, prefix: readonly (string | number)[] = []): (string | number)[][] => {
  const here = [[...prefix]];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, index) => pathsOf(item, [...prefix, index]))];
  if (isObject(value)) return [...here, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
  return here;
};

type Mutation = 'delete' | 'replace' | 'addProperty';

/** Applies one mutation at one path of a copy of the value. */
const mutate = (value: Json, path: readonly (string | number)[], mutation: Mutation, replacement: Json): Json => {
  if (path.length === 0) return mutation === 'replace' ? replacement : value;
  const copy: Json = JSON.parse(JSON.stringify(value));
  let parent: Json = copy;
  for (const key of path.slice(0, -1)) parent = Array.isArray(parent) ? (parent[Number(key)] ?? null) : isObject(parent) ? (parent[String(key)] ?? null) : null;
  const last = path[path.length - 1] ?? '';
  if (Array.isArray(parent)) {
    if (mutation === 'delete') parent.splice(Number(last), 1);
    else parent[Number(last)] = replacement;
  } else if (isObject(parent)) {
    if (mutation === 'delete') delete parent[String(last)];
    else if (mutation === 'replace') parent[String(last)] = replacement;
    else {
      const target = parent[String(last)];
      if (isObject(target)) target['extraField'] = replacement;
    }
  }
  return copy;
};

/** Near-valid bodies: a valid order with one thing removed, replaced or added anywhere. */
const mutatedOrderArb = fc
  .tuple(validOrderArb, fc.nat(), fc.constantFrom<Mutation>('delete', 'replace', 'addProperty'), fc.jsonValue())
  .map(([order, pick, mutation, replacement]) => {
    const json: Json = JSON.parse(JSON.stringify(order));
    const paths = pathsOf(json);
    const path = paths[pick % paths.length] ?? [];
    return mutate(json, path, mutation, JSON.parse(JSON.stringify(replacement)));
  });

describe('Function: orderRequestSchema', () => {
  it('is a draft-4 schema titled Order that requires every field of the order', () => {
    expect(schema.$schema).to.equal('http://json-schema.org/draft-04/schema#');
    expect(schema.type).to.equal('object');
    expect(schema.required).to.have.members(['orderId', 'customer', 'items', 'currency', 'total', 'paymentToken', 'shippingAddress']);
  });

  it('accepts every valid order (property)', () => {
    fc.assert(
      fc.property(validOrderArb, (order) => {
        expect(validateJsonSchema(schema, order)).to.deep.equal([]);
        expect(codecAccepts(order)).to.equal(true);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the Order codec on near-valid bodies (property)', () => {
    fc.assert(
      fc.property(mutatedOrderArb, (body) => {
        expect(schemaAccepts(body), JSON.stringify(body)).to.equal(runnable(body));
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with the Order codec on arbitrary JSON (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        expect(schemaAccepts(body)).to.equal(runnable(body));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects order ids that Step Functions cannot use as an execution name, which the codec accepts', () => {
    const cases = ['', 'has space', 'tab\there', 'a/b', 'a:b', 'a"b', 'a#b', 'x'.repeat(81), 'a*b', 'a{b}', 'nbsp\u00a0'];
    fc.assert(
      fc.property(validOrderArb, fc.constantFrom(...cases), (order, orderId) => {
        const body = { ...(isObject(order) ? order : {}), orderId };
        expect(codecAccepts(body)).to.equal(true);
        expect(schemaAccepts(body)).to.equal(false);
      }),
      { numRuns: 50 },
    );
  });

  it('names the failing field in its problems', () => {
    // Prepare
    const [order] = fc.sample(validOrderArb, { numRuns: 1, seed: 7 });
    const body = { ...(isObject(order) ? order : {}), total: '12.00' };
    // Act
    const problems = validateJsonSchema(schema, body);
    // Assess
    expect(problems).to.deep.equal(['$.total: expected number']);
  });
});

describe('Function: codecToJsonSchema', () => {
  const cases: readonly { name: string; codec: t.Mixed; expected: object }[] = [
    { name: 'string', codec: t.string, expected: { type: 'string' } },
    { name: 'number', codec: t.number, expected: { type: 'number' } },
    { name: 'boolean', codec: t.boolean, expected: { type: 'boolean' } },
    { name: 'keyof', codec: t.keyof({ A: null, B: null }), expected: { type: 'string', enum: ['A', 'B'] } },
    { name: 'literal', codec: t.literal('X'), expected: { enum: ['X'] } },
    { name: 'array', codec: t.array(t.number), expected: { type: 'array', items: { type: 'number' } } },
    {
      name: 'strict and partial',
      codec: t.intersection([t.strict({ a: t.string }), t.exact(t.partial({ b: t.number }))]),
      expected: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'number' } }, required: ['a'] },
    },
    {
      name: 'union',
      codec: t.union([t.string, t.number]),
      expected: { anyOf: [{ type: 'string' }, { type: 'number' }] },
    },
  ];
  for (const { name, codec, expected } of cases) {
    it(`derives ${name}`, () => {
      expect(codecToJsonSchema(codec)).to.deep.equal(expected);
    });
  }

  it('refuses a codec it cannot express', () => {
    expect(() => codecToJsonSchema(t.unknown)).to.throw(UnsupportedCodecError);
  });
});
