import { expect } from 'chai';
import { StatesError } from '../../../../local/engine/errors';
import { applyResultPath } from '../../../../local/engine/jsonpath';

describe('Function: applyResultPath', () => {
  const INPUT = { comment: 'This is a test', details: 'Default example', who: 'Step Functions' };

  describe('placing the result', () => {
    const rows: [resultPath: string | null | undefined, input: unknown, result: unknown, expected: unknown][] = [
      [undefined, INPUT, 'Hello, Step Functions!', 'Hello, Step Functions!'],
      ['$', INPUT, 'Hello, Step Functions!', 'Hello, Step Functions!'],
      [null, INPUT, 'Hello, Step Functions!', INPUT],
      ['$.taskresult', INPUT, 'Hello, Step Functions!', { ...INPUT, taskresult: 'Hello, Step Functions!' }],
      ['$.a.b.c', { a: { x: 1 } }, 2, { a: { x: 1, b: { c: 2 } } }],
      ['$.a', { a: { old: true } }, { new: true }, { a: { new: true } }],
      ["$['a b']", {}, 1, { 'a b': 1 }],
      ['$.list[1]', { list: [0, 0] }, 9, { list: [0, 9] }],
      ['$.list[1].v', { list: [{}, {}] }, 9, { list: [{}, { v: 9 }] }],
    ];
    for (const [resultPath, input, result, expected] of rows) {
      it(`${String(resultPath)} over ${JSON.stringify(input)}`, () => {
        expect(applyResultPath(input, resultPath, result)).to.deep.equal(expected);
      });
    }
  });

  it('changes neither the input nor the result', () => {
    // Prepare
    const input = { a: { b: 1 } };
    const result = { r: [1] };
    // Act
    const output = applyResultPath(input, '$.a.c', result) as { a: { c: { r: number[] } } };
    output.a.c.r.push(2);
    // Assess
    expect(input).to.deep.equal({ a: { b: 1 } });
    expect(result).to.deep.equal({ r: [1] });
  });

  describe('paths the input cannot take', () => {
    const rows: [resultPath: string, input: unknown, cause: string][] = [
      ['$.r', 'text', 'Unable to apply ReferencePath $.r to input "text"'],
      ['$.a.b', { a: 'text' }, 'Unable to apply ReferencePath $.a.b to input {"a":"text"}'],
      ['$.r', [1, 2], 'Unable to apply ReferencePath $.r to input [1,2]'],
      ['$.list[5]', { list: [] }, 'Unable to apply ReferencePath $.list[5] to input {"list":[]}'],
    ];
    for (const [resultPath, input, cause] of rows) {
      it(`${resultPath} over ${JSON.stringify(input)} fails with States.ResultPathMatchFailure`, () => {
        let caught: unknown;
        try {
          applyResultPath(input, resultPath, 1);
        } catch (error) {
          caught = error;
        }
        expect(caught).to.be.instanceOf(StatesError);
        expect((caught as StatesError).error).to.equal('States.ResultPathMatchFailure');
        expect((caught as StatesError).cause).to.equal(cause);
      });
    }
  });
});
