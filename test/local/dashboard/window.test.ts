import { expect } from 'chai';
import { InvalidTimeError, parseTime, windowOf } from '../../../local/dashboard/metrics/window';

describe('Function: parseTime', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  const cases: Array<[string, number]> = [
    ['15m', now - 15 * 60_000],
    ['-2h', now - 2 * 3_600_000],
    ['30s', now - 30_000],
    ['1d', now - 86_400_000],
    ['250ms', now - 250],
    ['1767225600000', 1_767_225_600_000],
    ['2026-01-01T11:00:00Z', Date.parse('2026-01-01T11:00:00Z')],
  ];
  for (const [text, want] of cases) {
    it(`reads '${text}'`, () => {
      expect(parseTime(text, now)).to.equal(want);
    });
  }
  for (const bad of ['yesterday', '15 minutes', '']) {
    it(`refuses '${bad}'`, () => {
      expect(() => parseTime(bad, now)).to.throw(InvalidTimeError);
    });
  }
});

describe('Function: windowOf', () => {
  const now = 1_000_000_000;
  it('defaults to the last hour', () => {
    expect(windowOf(new URLSearchParams(), now)).to.deep.equal({ since: now - 3_600_000, until: now });
  });
  it('reads since and until', () => {
    expect(windowOf(new URLSearchParams({ since: '10m', until: '5m' }), now)).to.deep.equal({ since: now - 600_000, until: now - 300_000 });
  });
  it('refuses a window that ends before it starts', () => {
    expect(() => windowOf(new URLSearchParams({ since: '5m', until: '10m' }), now)).to.throw(InvalidTimeError);
  });
});
