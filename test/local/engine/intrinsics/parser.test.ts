import { expect } from 'chai';
import { StatesError } from '../../../../local/engine/errors';
import { parseIntrinsic } from '../../../../local/engine/intrinsics';

describe('Function: parseIntrinsic', () => {
  describe('arguments', () => {
    const cases: Array<{ expression: string; args: unknown[] }> = [
      { expression: 'States.UUID()', args: [] },
      { expression: 'States.Array( )', args: [] },
      { expression: 'States.Array(1, -1, 0.5, -2.25, 1e3)', args: [1, -1, 0.5, -2.25, 1000].map(literal) },
      { expression: 'States.Array(true, false, null)', args: [true, false, null].map(literal) },
      { expression: "States.Array('x', 'a b')", args: [text('x'), text('a b')] },
      { expression: 'States.Array($, $$, $$.Execution.Id, $.a.b, $var, $var.m)', args: ['$', '$$', '$$.Execution.Id', '$.a.b', '$var', '$var.m'].map(path) },
      { expression: 'States.Array($.a[0], $.a[1:2])', args: [path('$.a[0]'), path('$.a[1:2]')] },
      // From the AWS guide: field names outside member-name-shorthand use bracket notation.
      { expression: "States.Array($.abc.['def ghi'], $['a,b)'])", args: [path("$.abc.['def ghi']"), path("$['a,b)']")] },
      { expression: "States.Array($.items[?(@.n == 'a,b')])", args: [path("$.items[?(@.n == 'a,b')]")] },
      { expression: 'States.Array($.a ,$.b )', args: [path('$.a'), path('$.b')] },
      { expression: '  States.Array(1)  ', args: [literal(1)] },
      // Corpus 678: the JSON "\n" is a real newline inside the literal.
      { expression: "States.StringSplit('Hello\nWorld', '\n')", args: [text('Hello\nWorld'), text('\n')] },
    ];
    for (const { expression, args } of cases) {
      it(`parses ${JSON.stringify(expression)}`, () => {
        // Act
        const call = parseIntrinsic(expression);

        // Assess
        expect(call.args.map(withoutFormatParts)).to.deep.equal(args);
      });
    }
  });

  describe('escapes in string literals', () => {
    const cases: Array<{ literal: string; value: string; formatParts: string[] }> = [
      { literal: "'it\\'s'", value: "it's", formatParts: ["it's"] },
      { literal: "'\\{\\}'", value: '{}', formatParts: ['{}'] },
      { literal: "'back\\\\slash'", value: 'back\\slash', formatParts: ['back\\slash'] },
      { literal: "'a {} b {}'", value: 'a {} b {}', formatParts: ['a ', ' b ', ''] },
      { literal: "'\\{}'", value: '{}', formatParts: ['{}'] },
      { literal: "'{\\}'", value: '{}', formatParts: ['{}'] },
      { literal: "'\\\\{}'", value: '\\{}', formatParts: ['\\', ''] },
      { literal: "''", value: '', formatParts: [''] },
    ];
    for (const { literal: source, value, formatParts } of cases) {
      it(`reads ${source}`, () => {
        // Act
        const [arg] = parseIntrinsic(`States.Format(${source})`).args;

        // Assess
        expect(arg).to.deep.equal({ kind: 'string', value, formatParts });
      });
    }
  });

  it('parses nested calls', () => {
    // Act
    const call = parseIntrinsic("States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), 0)");

    // Assess
    expect(call).to.deep.equal({
      kind: 'call',
      name: 'States.ArrayGetItem',
      args: [
        {
          kind: 'call',
          name: 'States.StringSplit',
          args: [path('$$.StateMachine.Name'), { kind: 'string', value: '-', formatParts: ['-'] }],
        },
        literal(0),
      ],
    });
  });

  it('accepts the nine nested calls of the AWS guide', () => {
    // Prepare
    const expression =
      "States.Format('{}.{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 1))";

    // Act
    const call = parseIntrinsic(expression);

    // Assess
    expect(call.args).to.have.length(3);
  });

  describe('invalid calls', () => {
    const cases: Array<{ expression: string; problem: string }> = [
      { expression: "States.Nope('x')", problem: 'unknown intrinsic function States.Nope' },
      { expression: "States.format('x')", problem: 'unknown intrinsic function States.format' },
      { expression: 'States.Format()', problem: 'States.Format takes at least 1 argument, got 0' },
      { expression: 'States.UUID(1)', problem: 'States.UUID takes 0 arguments, got 1' },
      { expression: 'States.MathAdd(1)', problem: 'States.MathAdd takes 2 arguments, got 1' },
      { expression: 'States.MathRandom(1, 2, 3, 4)', problem: 'States.MathRandom takes 2 to 3 arguments, got 4' },
      { expression: 'States.JsonMerge($.a, $.b)', problem: 'States.JsonMerge takes 3 arguments, got 2' },
      { expression: "States.Format('a\\nb')", problem: 'open escape backslash' },
      { expression: "States.Format('a\\'", problem: 'unterminated string literal' },
      { expression: "States.Format('a\\", problem: 'open escape backslash' },
      { expression: "States.Format('abc", problem: 'unterminated string literal' },
      { expression: 'States.Array(1', problem: "missing ')'" },
      { expression: 'States.Array(1 2)', problem: "unexpected '2'" },
      { expression: 'States.Array(1) x', problem: "unexpected 'x'" },
      { expression: 'States.Array(1,)', problem: "invalid argument ')'" },
      { expression: 'States.Array(undefined)', problem: "invalid argument 'undefined)'" },
      { expression: 'States.Array(01)', problem: "invalid argument '01)'" },
      { expression: 'States.Array("x")', problem: 'invalid argument \'"x")\'' },
      { expression: 'States.Array (1)', problem: "expected '('" },
      { expression: 'States.', problem: 'expected an intrinsic function name' },
      {
        expression: `${'States.Array('.repeat(11)}${')'.repeat(11)}`,
        problem: 'more than 10 nested intrinsic functions',
      },
    ];
    for (const { expression, problem } of cases) {
      it(`rejects ${JSON.stringify(expression)}`, () => {
        // Act
        const error = catchError(() => parseIntrinsic(expression, 'out.$'));

        // Assess
        expect(error).to.be.instanceOf(StatesError);
        expect(error.error).to.equal('States.Runtime');
        expect(error.cause).to.equal(
          `The value for the field 'out.$' must be a valid JSONPath or a valid intrinsic function call: ${problem} in '${expression}'`,
        );
      });
    }
  });
});

function literal(value: unknown) {
  return { kind: 'literal', value };
}

function text(value: string) {
  return { kind: 'string', value };
}

function path(value: string) {
  return { kind: 'path', path: value };
}

function withoutFormatParts(arg: object): object {
  const { formatParts: _ignored, ...rest } = arg as { formatParts?: unknown };
  return rest;
}

function catchError(act: () => unknown): StatesError {
  try {
    act();
  } catch (error) {
    if (error instanceof StatesError) return error;
    throw error;
  }
  throw new Error('expected a StatesError');
}
