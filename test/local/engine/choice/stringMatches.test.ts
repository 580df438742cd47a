import { expect } from 'chai';
import { stringMatches } from '../../../../local/engine/choice';

describe('Function: stringMatches', () => {
  const rows: [value: string, pattern: string, expected: boolean][] = [
    ['log-2024.txt', 'log-*.txt', true],
    ['log-.txt', 'log-*.txt', true],
    ['log-2024.csv', 'log-*.txt', false],
    ['anything', '*', true],
    ['', '*', true],
    ['', '', true],
    ['abc', 'abc', true],
    ['abcd', 'abc', false],
    ['a*b', 'a\\*b', true],
    ['axb', 'a\\*b', false],
    ['a\\b', 'a\\\\b', true],
    ['(x).+?', '(x).+?', true],
    ['xx', '(x).+?', false],
    ['line1\nline2', 'line1*', true],
    ['AbC', 'abc', false],
  ];
  for (const [value, pattern, expected] of rows) {
    it(`${JSON.stringify(value)} against ${JSON.stringify(pattern)} is ${expected}`, () => {
      expect(stringMatches(value, pattern)).to.equal(expected);
    });
  }
});
