import { expect } from 'chai';
import { StatesError } from '../../../../local/engine/errors';
import { applyInputPath, applyOutputPath } from '../../../../local/engine/jsonpath';

const scope = (input: unknown) => ({ input, context: { Execution: { Input: { x: 1 } } }, variables: {} });
const INPUT = { comment: 'Example for InputPath.', dataset1: { val1: 1, val2: 2, val3: 3 }, dataset2: { val1: 'a', val2: 'b', val3: 'c' } };

describe('Function: applyInputPath / applyOutputPath', () => {
  const rows: [path: string | null | undefined, input: unknown, expected: unknown][] = [
    [undefined, INPUT, INPUT],
    ['$', INPUT, INPUT],
    [null, INPUT, {}],
    ['$.dataset2', INPUT, { val1: 'a', val2: 'b', val3: 'c' }],
    ['$.a[0:2]', { a: [1, 2, 3, 4] }, [1, 2]],
    ['$$.Execution.Input', {}, { x: 1 }],
  ];
  for (const [path, input, expected] of rows) {
    it(`${String(path)} selects ${JSON.stringify(expected)}`, () => {
      expect(applyInputPath(path, scope(input))).to.deep.equal(expected);
      expect(applyOutputPath(path, scope(input))).to.deep.equal(expected);
    });
  }

  it('fails with States.Runtime and Jayway\'s message when the path selects nothing', () => {
    // Act: the corpus's INVALID_JSONPATH_IN_INPUTPATH case
    let caught: unknown;
    try {
      applyInputPath('$.NoSuchInputPath', scope({ 'int-literal': 0 }));
    } catch (error) {
      caught = error;
    }
    // Assess
    expect(caught).to.be.instanceOf(StatesError);
    expect((caught as StatesError).error).to.equal('States.Runtime');
    expect((caught as StatesError).cause).to.equal("Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']");
  });
});
