import { expect } from 'chai';
import { jsonText, numberText } from '../../../../local/engine/intrinsics/jsonText';

describe('Function: numberText', () => {
  // Java prints integers plainly and doubles as Double.toString does.
  const cases: Array<[number, string]> = [
    [0, '0'],
    [-0, '0'],
    [1, '1'],
    [-42, '-42'],
    [1.1, '1.1'],
    [-2.5, '-2.5'],
    [0.001, '0.001'],
    [0.0001, '1.0E-4'],
    [0.000123, '1.23E-4'],
    [9999999.5, '9999999.5'],
    [12345678.9, '1.23456789E7'],
    [10000000.5, '1.00000005E7'],
    [2 ** 53, '9007199254740992'],
    [1e21, '1000000000000000000000'],
  ];
  for (const [value, text] of cases) {
    it(`prints ${value} as ${text}`, () => {
      expect(numberText(value)).to.equal(text);
    });
  }
});

describe('Function: jsonText', () => {
  const cases: Array<[unknown, string]> = [
    [null, 'null'],
    [undefined, 'null'],
    [true, 'true'],
    ['a"b\\c\n', '"a\\"b\\\\c\\n"'],
    [[], '[]'],
    [{}, '{}'],
    [[1, 'x', null, [false]], '[1,"x",null,[false]]'],
    [{ z: 1, a: 2, m: { y: [0.5] } }, '{"z":1,"a":2,"m":{"y":[0.5]}}'],
    [{ kept: 1, dropped: undefined }, '{"kept":1}'],
    [{ tiny: 0.00001 }, '{"tiny":1.0E-5}'],
  ];
  for (const [value, text] of cases) {
    it(`writes ${text}`, () => {
      expect(jsonText(value)).to.equal(text);
    });
  }
});
