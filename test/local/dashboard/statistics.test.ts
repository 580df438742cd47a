import { expect } from 'chai';
import type { Statistic } from '../../../workflow/monitoring';
import { aggregate, percentile, percentiles } from '../../../local/dashboard/metrics/statistics';

describe('Function: percentile', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
  const cases: Array<[string, number[], number, number | null]> = [
    ['no values', [], 50, null],
    ['one value', [7], 99, 7],
    ['p50 of 1..100 (nearest rank)', hundred, 50, 50],
    ['p90 of 1..100', hundred, 90, 90],
    ['p99 of 1..100', hundred, 99, 99],
    ['p50 of an even count, unsorted', [40, 10, 30, 20], 50, 20],
    ['p99 of a few values is the largest', [3, 1, 2], 99, 3],
  ];
  for (const [name, values, q, want] of cases) {
    it(`gives ${String(want)} for ${name}`, () => {
      expect(percentile(values, q)).to.equal(want);
    });
  }

  it('counts the values it summarises', () => {
    expect(percentiles([5, 1, 9])).to.deep.equal({ count: 3, p50: 5, p90: 9, p99: 9 });
  });
});

describe('Function: aggregate', () => {
  const values = [4, 1, 10, 5];
  const cases: Array<[Statistic, number[], number | null]> = [
    ['Sum', values, 20],
    ['SampleCount', values, 4],
    ['Average', values, 5],
    ['Maximum', values, 10],
    ['Minimum', values, 1],
    ['p50', values, 4],
    ['p90', values, 10],
    ['Sum', [], 0],
    ['SampleCount', [], 0],
    ['Average', [], null],
    ['Maximum', [], null],
    ['p99', [], null],
  ];
  for (const [stat, input, want] of cases) {
    it(`${stat} of [${input.join(', ')}] is ${String(want)}`, () => {
      expect(aggregate(input, stat)).to.equal(want);
    });
  }
});
