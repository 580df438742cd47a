import { expect } from 'chai';
import { StatesError } from '../../../../local/engine/errors';
import { evaluatePayloadTemplate } from '../../../../local/engine/jsonpath';

const CONTEXT = { Execution: { Id: 'exec-1', Input: { a: 1 } }, Map: { Item: { Index: 0, Value: 'Charizard' } } };
const VARIABLES = { AnswerTemplate: "It's {}!", Question: "Who's that Pokemon?", varname: 'input_value_literal' };
const scope = (input: unknown) => ({ input, context: CONTEXT, variables: VARIABLES });

function failureOf(act: () => unknown): StatesError {
  try {
    act();
  } catch (error) {
    if (error instanceof StatesError) return error;
    throw error;
  }
  throw new Error('expected a StatesError');
}

describe('Function: evaluatePayloadTemplate', () => {
  describe('values', () => {
    const rows: [title: string, template: unknown, input: unknown, expected: unknown][] = [
      ['a path field', { 'item.$': '$.items[0]' }, { items: [{ item_key: 0 }] }, { item: { item_key: 0 } }],
      ['a filter field', { 'FromInput.$': '$.users[?(@.status == 0)]' }, { users: [{ year: 1997, status: 0 }, { year: 1998, status: 1 }] }, { FromInput: [{ year: 1997, status: 0 }] }],
      ['a slice over nothing', { 'item.$': '$.item.items[1:5]' }, {}, { item: [] }],
      ['the whole input', { 'in.$': '$' }, { a: 1 }, { in: { a: 1 } }],
      ['a context path', { 'id.$': '$$.Execution.Id', 'v.$': '$$.Map.Item.Value' }, {}, { id: 'exec-1', v: 'Charizard' }],
      ['a variable', { 'Question.$': '$Question' }, {}, { Question: "Who's that Pokemon?" }],
      [
        'an intrinsic call over a variable and the context',
        { 'AnnouncePokemon.$': 'States.Format($AnswerTemplate, $$.Map.Item.Value)' },
        {},
        { AnnouncePokemon: "It's Charizard!" },
      ],
      ['an intrinsic call over the input', { 'f.$': "States.Format('Format Func {}', $.v)" }, { v: 7 }, { f: 'Format Func 7' }],
      [
        'literals, kept as written even when they look like paths',
        { constant_str_path: '$.no.such.path', constant_var: '$noSuchVar', n: null, list: [0, 0.1, true, '$$'], obj: {} },
        {},
        { constant_str_path: '$.no.such.path', constant_var: '$noSuchVar', n: null, list: [0, 0.1, true, '$$'], obj: {} },
      ],
      ['nested objects and arrays', { a: { 'b.$': '$.x' }, c: [{ 'd.$': '$.y' }, 1] }, { x: 1, y: 2 }, { a: { b: 1 }, c: [{ d: 2 }, 1] }],
      ['a template that is not an object', 'plain', {}, 'plain'],
    ];
    for (const [title, template, input, expected] of rows) {
      it(`evaluates ${title}`, () => {
        expect(evaluatePayloadTemplate(template, scope(input))).to.deep.equal(expected);
      });
    }
  });

  describe('paths that select nothing', () => {
    it('fails with States.Runtime naming the field and printing the input', () => {
      // Act: the corpus's INVALID_JSONPATH_IN_STRING_EXPR_JSONPATH case
      const failure = failureOf(() => evaluatePayloadTemplate({ 'value.$': '$.no_such_jsonpath' }, scope({ 'int-literal': 0 })));
      // Assess
      expect(failure.error).to.equal('States.Runtime');
      expect(failure.cause).to.equal(
        "The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{\"int-literal\":0}'",
      );
    });

    it('names the nested field that failed', () => {
      const failure = failureOf(() => evaluatePayloadTemplate({ outer: { 'address.$': '$.application.address' } }, scope({ flagged: false })));
      expect(failure.cause).to.equal(
        "The JSONPath '$.application.address' specified for the field 'address.$' could not be found in the input '{\"flagged\":false}'",
      );
    });

    it('prints the context object for a context path', () => {
      const failure = failureOf(() => evaluatePayloadTemplate({ 'x.$': '$$.Nope' }, scope({})));
      expect(failure.cause).to.equal(
        `The JSONPath '$$.Nope' specified for the field 'x.$' could not be found in the input '${JSON.stringify(CONTEXT)}'`,
      );
    });

    it('fails the same way for a path inside an intrinsic call', () => {
      const failure = failureOf(() => evaluatePayloadTemplate({ 'f.$': "States.Format('{}', $.missing)" }, scope({ a: 1 })));
      expect(failure.error).to.equal('States.Runtime');
      expect(failure.cause).to.equal(
        "The JSONPath '$.missing' specified for the field 'f.$' could not be found in the input '{\"a\":1}'",
      );
    });
  });

  it('rejects a .$ field that is neither a path nor an intrinsic call', () => {
    const failure = failureOf(() => evaluatePayloadTemplate({ 'x.$': 'hello' }, scope({})));
    expect(failure.error).to.equal('States.Runtime');
  });
});
