import { expect } from 'chai';
import { compareInstants, parseTimestamp } from '../../../../local/engine/choice';

describe('Function: parseTimestamp', () => {
  const valid: [text: string, epochSeconds: number, nanos: number][] = [
    ['2012-10-09T19:00:55Z', 1349809255, 0],
    ['2012-10-09T19:00:55+01:00', 1349805655, 0],
    ['2012-10-09T19:00:55-00:30', 1349811055, 0],
    ['2016-03-14T01:59:00Z', 1457920740, 0],
    ['2016-03-05T21:29:29.243167252Z', 1457213369, 243167252],
    ['2016-02-29T00:00:00.5Z', 1456704000, 500000000],
    ['1970-01-01T00:00:00Z', 0, 0],
  ];
  for (const [text, epochSeconds, nanos] of valid) {
    it(`reads ${text}`, () => {
      expect(parseTimestamp(text)).to.deep.equal({ epochSeconds, nanos });
    });
  }

  const invalid = [
    '2012-10-09T19:00:55',
    '2016-12-05 21:29:29Z',
    '2016-13-05T21:29:29Z',
    '2016-12-05T25:29:29Z',
    '05-12-2016T21:29:29Z',
    '2015-02-29T00:00:00Z',
    '2012-10-09t19:00:55z',
    '2023-02-24',
    '2023-02-24 12:15:56.832957',
    '',
  ];
  for (const text of invalid) {
    it(`rejects ${JSON.stringify(text)}`, () => {
      expect(parseTimestamp(text)).to.equal(undefined);
    });
  }
});

describe('Function: compareInstants', () => {
  it('orders by seconds, then nanoseconds', () => {
    const at = (text: string) => parseTimestamp(text) ?? { epochSeconds: NaN, nanos: 0 };
    expect(compareInstants(at('2012-10-09T19:00:55Z'), at('2012-10-09T19:00:56Z'))).to.be.lessThan(0);
    expect(compareInstants(at('2012-10-09T19:00:55.2Z'), at('2012-10-09T19:00:55.1Z'))).to.be.greaterThan(0);
    expect(compareInstants(at('2012-10-09T19:00:55+01:00'), at('2012-10-09T18:00:55Z'))).to.equal(0);
  });
});
