import { itEvaluates, itFails } from '../expectations';

describe('Function: States.StringToJson', () => {
  const call = 'States.StringToJson($.FunctionInput)';
  itEvaluates([
    { expression: call, input: { FunctionInput: '' }, expected: null, source: 'corpus 711' },
    { expression: call, input: { FunctionInput: ' ' }, expected: null, source: 'corpus 712' },
    { expression: call, input: { FunctionInput: 'null' }, expected: null, source: 'corpus 713' },
    { expression: call, input: { FunctionInput: '-0' }, expected: 0, source: 'corpus 714' },
    { expression: call, input: { FunctionInput: '1' }, expected: 1, source: 'corpus 715' },
    { expression: call, input: { FunctionInput: '1.1' }, expected: 1.1, source: 'corpus 716' },
    { expression: call, input: { FunctionInput: 'true' }, expected: true, source: 'corpus 717' },
    { expression: call, input: { FunctionInput: '[1, 2, "HelloWorld"]' }, expected: [1, 2, 'HelloWorld'], source: 'corpus 719' },
    { expression: call, input: { FunctionInput: '"HelloWorld"' }, expected: 'HelloWorld' },
    { expression: call, input: { FunctionInput: '{"Arg1": 1, "Arg2": []}' }, expected: { Arg1: 1, Arg2: [] } },
    { expression: 'States.StringToJson($.escapedJsonString)', input: { escapedJsonString: '{"foo": "bar"}' }, expected: { foo: 'bar' }, source: 'AWS guide' },
    { expression: "States.StringToJson('{\"a\": [1, {\"b\": null}]}')", expected: { a: [1, { b: null }] } },
  ]);
  itFails([
    { expression: 'States.StringToJson($.s)', input: { s: '{oops' }, cause: 'Invalid arguments in States.StringToJson: the string is not valid JSON: {oops' },
    { expression: 'States.StringToJson($.s)', input: { s: 1 }, cause: 'Invalid arguments in States.StringToJson: argument 1 must be a string, got 1' },
  ]);
});

describe('Function: States.JsonToString', () => {
  const call = 'States.JsonToString($.FunctionInput)';
  itEvaluates([
    { expression: call, input: { FunctionInput: 0 }, expected: '0', source: 'corpus 704' },
    { expression: call, input: { FunctionInput: 1 }, expected: '1', source: 'corpus 705' },
    { expression: call, input: { FunctionInput: [1, 2, 'HelloWorld'] }, expected: '[1,2,"HelloWorld"]', source: 'corpus 709' },
    { expression: call, input: { FunctionInput: '' }, expected: '""' },
    { expression: call, input: { FunctionInput: 'HelloWorld' }, expected: '"HelloWorld"' },
    { expression: call, input: { FunctionInput: null }, expected: 'null' },
    { expression: call, input: { FunctionInput: 1.1 }, expected: '1.1' },
    { expression: call, input: { FunctionInput: { Arg1: 1, Arg2: [] } }, expected: '{"Arg1":1,"Arg2":[]}' },
    { expression: call, input: { FunctionInput: { z: 1, a: { y: true, b: 'q"uote' } } }, expected: '{"z":1,"a":{"y":true,"b":"q\\"uote"}}' },
    { expression: 'States.JsonToString($.unescapedJson)', input: { unescapedJson: { foo: 'bar' } }, expected: '{"foo":"bar"}', source: 'AWS guide' },
  ]);
});

describe('Function: States.JsonMerge', () => {
  itEvaluates([
    {
      expression: 'States.JsonMerge($.FunctionInput.fst, $.FunctionInput.snd, false)',
      input: { FunctionInput: { fst: { a: { a1: 1, a2: 2 }, b: 2, d: 3 }, snd: { a: { a3: 1, a4: 2 }, c: 3, d: 4 } } },
      expected: { a: { a3: 1, a4: 2 }, b: 2, c: 3, d: 4 },
      source: 'corpus 701',
    },
    {
      expression: 'States.JsonMerge($.json1, $.json2, false)',
      input: { json1: { a: { a1: 1, a2: 2 }, b: 2 }, json2: { a: { a3: 1, a4: 2 }, c: 3 } },
      expected: { a: { a3: 1, a4: 2 }, b: 2, c: 3 },
      source: 'AWS guide',
    },
    { expression: "States.JsonMerge($.a, States.StringToJson('{\"k\": 2}'), false)", input: { a: { k: 1, j: 0 } }, expected: { k: 2, j: 0 } },
    { expression: 'States.JsonMerge($.a, $.b, false)', input: { a: {}, b: {} }, expected: {} },
  ]);
  itFails([
    { expression: 'States.JsonMerge($.a, $.b, true)', input: { a: {}, b: {} }, cause: 'Invalid arguments in States.JsonMerge: deep merging is not supported, the third argument must be false' },
    { expression: "States.JsonMerge($.a, $.b, 'false')", input: { a: {}, b: {} }, cause: 'Invalid arguments in States.JsonMerge: argument 3 must be a boolean, got "false"' },
    { expression: 'States.JsonMerge($.a, $.b, false)', input: { a: [], b: {} }, cause: 'Invalid arguments in States.JsonMerge: argument 1 must be a JSON object, got []' },
    { expression: 'States.JsonMerge($.a, $.b, false)', input: { a: {}, b: 'x' }, cause: 'Invalid arguments in States.JsonMerge: argument 2 must be a JSON object, got "x"' },
  ]);
});
