import { expect } from 'chai';
import { StatesError } from '../../../../local/engine/errors';
import { evaluateIntrinsic, intrinsicFunctionNames, isIntrinsicCall } from '../../../../local/engine/intrinsics';
import { catchStatesError } from './expectations';
import { inputScope } from './inputScope';

describe('Function: isIntrinsicCall', () => {
  const cases: Array<[string, boolean]> = [
    ["States.Format('{}', $.a)", true],
    ['States.UUID()', true],
    ['$.a', false],
    ['$$.Execution.Id', false],
    ['$var', false],
    ['{% $x %}', false],
    ['states.Format()', false],
    [' States.UUID()', false],
  ];
  for (const [expression, expected] of cases) {
    it(`says ${expected} for ${JSON.stringify(expression)}`, () => {
      expect(isIntrinsicCall(expression)).to.equal(expected);
    });
  }
});

describe('Function: evaluateIntrinsic', () => {
  it('offers the 18 intrinsic functions of AWS Step Functions', () => {
    expect(intrinsicFunctionNames().sort()).to.deep.equal(
      [
        'States.Array', 'States.ArrayContains', 'States.ArrayGetItem', 'States.ArrayLength', 'States.ArrayPartition',
        'States.ArrayRange', 'States.ArrayUnique', 'States.Base64Decode', 'States.Base64Encode', 'States.Format',
        'States.Hash', 'States.JsonMerge', 'States.JsonToString', 'States.MathAdd', 'States.MathRandom',
        'States.StringSplit', 'States.StringToJson', 'States.UUID',
      ].sort(),
    );
  });

  it('hands path, context and variable arguments to the scope as written, left to right', () => {
    // Prepare
    const scope = inputScope({ a: 'x' }, { context: { Execution: { Id: 'id-1' } }, variables: { v: { m: 2 } } });

    // Act
    const result = evaluateIntrinsic("States.Array($.a, $$.Execution.Id, $v.m, States.Array($['a']))", {
      ...scope,
      resolvePath: (path) => (path === "$['a']" ? scope.resolvePath('$.a') : scope.resolvePath(path)),
    });

    // Assess
    expect(result).to.deep.equal(['x', 'id-1', 2, ['x']]);
    expect(scope.resolved).to.deep.equal(['$.a', '$$.Execution.Id', '$v.m', '$.a']);
  });

  it('formats with a template held in a variable and a Map item from the context (corpus 026)', () => {
    // Prepare
    const scope = inputScope({}, { variables: { AnswerTemplate: "It's {}!" }, context: { Map: { Item: { Value: 'Pikachu' } } } });

    // Act
    const result = evaluateIntrinsic('States.Format($AnswerTemplate, $$.Map.Item.Value)', scope);

    // Assess
    expect(result).to.equal("It's Pikachu!");
  });

  it('lets the error of an unresolvable path through unchanged', () => {
    // Prepare
    const pathError = new StatesError('States.Runtime', "The JSONPath '$.missing' specified for the field 'out.$' could not be found");
    const scope = {
      resolvePath: () => {
        throw pathError;
      },
    };

    // Act
    const error = catchStatesError(() => evaluateIntrinsic("States.Format('{}', $.missing)", scope));

    // Assess
    expect(error).to.equal(pathError);
  });

  it('names the field in the error of an invalid call, and resolves no path', () => {
    // Prepare
    const scope = inputScope({ a: 1 }, { fieldName: 'greeting.$' });

    // Act
    const error = catchStatesError(() => evaluateIntrinsic('States.Format($.a', scope));

    // Assess
    expect({ error: error.error, cause: error.cause }).to.deep.equal({
      error: 'States.Runtime',
      cause: "The value for the field 'greeting.$' must be a valid JSONPath or a valid intrinsic function call: missing ')' in 'States.Format($.a'",
    });
    expect(scope.resolved).to.deep.equal([]);
  });

  it('reports a failing inner call, not the outer one', () => {
    // Act
    const error = catchStatesError(() => evaluateIntrinsic("States.Format('{}', States.ArrayGetItem($.a, 5))", inputScope({ a: [] })));

    // Assess
    expect(error.cause).to.equal('Invalid arguments in States.ArrayGetItem: the index 5 is out of bounds for an array of 0 items');
  });
});
