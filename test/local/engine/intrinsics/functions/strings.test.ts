import { expect } from 'chai';
import { evaluateIntrinsic } from '../../../../../local/engine/intrinsics';
import { itEvaluates, itFails } from '../expectations';
import { inputScope } from '../inputScope';

describe('Function: States.StringSplit', () => {
  const call = 'States.StringSplit($.FunctionInput.fst, $.FunctionInput.snd)';
  const csv = "Value1,Value2,Value3\nValue4,Value5,Value6\n,,,\ntrue,1,'HelloWorld'\nNull,None,\n   \n";
  itEvaluates([
    { expression: call, input: { FunctionInput: { fst: ', , ,', snd: ',' } }, expected: [' ', ' '], source: 'corpus 752' },
    { expression: call, input: { FunctionInput: { fst: '1,2,3,4,5', snd: ',' } }, expected: ['1', '2', '3', '4', '5'], source: 'corpus 754' },
    { expression: "States.StringSplit('Hello\nWorld', '\n')", expected: ['Hello', 'World'], source: 'corpus 678' },
    {
      expression: "States.StringSplit($.FunctionInput, ',')",
      input: { FunctionInput: csv },
      expected: ['Value1', 'Value2', 'Value3\nValue4', 'Value5', 'Value6\n', '\ntrue', '1', "'HelloWorld'\nNull", 'None', '\n   \n'],
      source: 'corpus 757',
    },
    // Every character of the second argument is a delimiter (AWS guide).
    { expression: 'States.StringSplit($.inputString, $.splitter)', input: { inputString: 'This.is+a,test=string', splitter: '.+,=' }, expected: ['This', 'is', 'a', 'test', 'string'], source: 'AWS guide' },
    { expression: "States.StringSplit('', ',')", expected: [] },
    { expression: "States.StringSplit(',,,', ',')", expected: [] },
    { expression: "States.StringSplit('abc', '')", expected: ['abc'] },
    { expression: "States.StringSplit('a-b', ',')", expected: ['a-b'] },
    { expression: "States.StringSplit('a😀b😀c', '😀')", expected: ['a', 'b', 'c'] },
  ]);
  itFails([
    { expression: "States.StringSplit($.n, ',')", input: { n: 12 }, cause: 'Invalid arguments in States.StringSplit: argument 1 must be a string, got 12' },
    { expression: "States.StringSplit('a', $.n)", input: { n: null }, cause: 'Invalid arguments in States.StringSplit: argument 2 must be a string, got null' },
  ]);
});

describe('Function: States.UUID', () => {
  it('returns distinct version 4 UUIDs', () => {
    // Act
    const ids = Array.from({ length: 20 }, () => evaluateIntrinsic('States.UUID()', inputScope({})));

    // Assess
    for (const id of ids) expect(id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).to.equal(ids.length);
  });
});
