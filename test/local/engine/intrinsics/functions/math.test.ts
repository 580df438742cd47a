import { expect } from 'chai';
import { evaluateIntrinsic } from '../../../../../local/engine/intrinsics';
import { itEvaluates, itFails } from '../expectations';
import { inputScope } from '../inputScope';

const add = 'States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)';
function pair(fst: unknown, snd: unknown) {
  return { FunctionInput: { fst, snd } };
}

describe('Function: States.MathAdd', () => {
  // AWS rounds each argument to the nearest integer, halves toward +infinity, then adds.
  itEvaluates([
    { expression: add, input: pair(1.49, 1.5), expected: 3, source: 'corpus 729' },
    { expression: add, input: pair(1.49, -1.49), expected: 0, source: 'corpus 734' },
    { expression: add, input: pair(1.5, 0), expected: 2, source: 'corpus 735' },
    { expression: add, input: pair(1.51, 0), expected: 2, source: 'corpus 736' },
    { expression: add, input: pair(-1.5, 0), expected: -1, source: 'corpus 738' },
    { expression: add, input: pair(0.5, 0), expected: 1, source: 'corpus 740' },
    { expression: add, input: pair(3.5, 0), expected: 4, source: 'corpus 743' },
    { expression: add, input: pair(-0.5, 0.5), expected: 1, source: 'corpus 744' },
    { expression: add, input: pair(-2.5, 0), expected: -2, source: 'corpus 747' },
    { expression: add, input: pair(-3.5, 0), expected: -3, source: 'corpus 748' },
    { expression: add, input: pair(-9, 3), expected: -6 },
    { expression: add, input: pair(-1.49, -1.499999999999), expected: -2 },
    { expression: add, input: pair(1.5, -1.5), expected: 1 },
    { expression: add, input: pair(0.49999999999999994, 0), expected: 0 },
    { expression: add, input: pair(2147483647, 0), expected: 2147483647 },
    { expression: add, input: pair(-2147483648, 0), expected: -2147483648 },
    { expression: 'States.MathAdd($.value1, $.step)', input: { value1: 111, step: -1 }, expected: 110, source: 'AWS guide' },
    { expression: 'States.MathAdd(States.MathAdd(States.MathAdd($.y, $.x), $.z), $.bias)', input: { x: 9, y: 44, z: 6, bias: 4.3 }, expected: 63, source: 'corpus 022' },
    { expression: 'States.MathAdd(States.ArrayLength($.a), -1)', input: { a: [1, 2, 3] }, expected: 2 },
  ]);
  it('never answers -0', () => {
    // Act
    const result = evaluateIntrinsic(add, inputScope(pair(-0.5, 0)));

    // Assess
    expect(Object.is(result, 0)).to.equal(true);
  });
  itFails([
    { expression: add, input: pair(2147483648, 0), cause: 'Invalid arguments in States.MathAdd: argument 1 (2147483648) is outside the range -2147483648 to 2147483647' },
    { expression: add, input: pair(0, -2147483649), cause: 'Invalid arguments in States.MathAdd: argument 2 (-2147483649) is outside the range -2147483648 to 2147483647' },
    { expression: add, input: pair('1', 2), cause: 'Invalid arguments in States.MathAdd: argument 1 must be a number, got "1"' },
    { expression: add, input: pair(1, null), cause: 'Invalid arguments in States.MathAdd: argument 2 must be a number, got null' },
  ]);
});

describe('Function: States.MathRandom', () => {
  const cases: Array<{ start: number; end: number; values: number[] }> = [
    { start: 1, end: 999, values: [] },
    { start: 0, end: 1, values: [0] },
    { start: -5, end: 5, values: [] },
    { start: 1.5, end: 3.4, values: [2] },
  ];
  for (const { start, end, values } of cases) {
    it(`stays within [${start}, ${end}) rounded`, () => {
      // Prepare
      const low = Math.floor(start + 0.5);
      const high = Math.floor(end + 0.5);

      // Act
      const results = Array.from({ length: 200 }, () => evaluateIntrinsic('States.MathRandom($.start, $.end)', inputScope({ start, end })));

      // Assess
      for (const result of results) {
        expect(Number.isInteger(result)).to.equal(true);
        expect(result).to.be.at.least(low).and.below(high);
      }
      if (values.length > 0) expect([...new Set(results)]).to.deep.equal(values);
    });
  }

  it('repeats its number for the same seed', () => {
    // Act
    const results = [1, 2, 3].map(() => evaluateIntrinsic('States.MathRandom(1, 1000, 42)', inputScope({})));

    // Assess
    expect(new Set(results).size).to.equal(1);
  });

  // java.util.Random(42).nextInt(10) is 0, a value well known from Java programs.
  itEvaluates([
    { expression: 'States.MathRandom(0, 10, 42)', expected: 0 },
    { expression: 'States.MathRandom(100, 110, 42)', expected: 100 },
  ]);

  itFails([
    { expression: 'States.MathRandom(5, 5)', cause: 'Invalid arguments in States.MathRandom: the end (5) must be greater than the start (5)' },
    { expression: 'States.MathRandom(9, 1)', cause: 'Invalid arguments in States.MathRandom: the end (1) must be greater than the start (9)' },
    { expression: "States.MathRandom(1, 9, 'seed')", cause: 'Invalid arguments in States.MathRandom: argument 3 must be a number, got "seed"' },
  ]);
});
