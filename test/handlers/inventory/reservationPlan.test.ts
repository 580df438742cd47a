import { expect } from 'chai';
import { InvalidReservationError } from '../../../handlers/errors';
import { mergeLines, planReservation, stockLine } from '../../../handlers/inventory/reservationPlan';

describe('Function: mergeLines', () => {
  it('merges lines of one SKU and sorts by SKU', () => {
    expect(
      mergeLines([
        { sku: 'B', quantity: 1 },
        { sku: 'A', quantity: 2 },
        { sku: 'B', quantity: 3 },
      ]),
    ).to.deep.equal([
      { sku: 'A', quantity: 2 },
      { sku: 'B', quantity: 4 },
    ]);
  });

  const invalid: Array<[string, Array<{ sku: string; quantity: number }>, string]> = [
    ['no lines', [], 'a reservation needs at least one line'],
    ['an empty SKU', [{ sku: '', quantity: 1 }], 'items[0].sku is empty'],
    ['a zero quantity', [{ sku: 'A', quantity: 0 }], 'items[0].quantity must be a positive whole number'],
    [
      'a fractional quantity',
      [
        { sku: 'A', quantity: 1 },
        { sku: 'B', quantity: 0.5 },
      ],
      'items[1].quantity must be a positive whole number',
    ],
    ['a negative quantity', [{ sku: 'A', quantity: -3 }], 'items[0].quantity must be a positive whole number'],
  ];
  for (const [name, items, message] of invalid) {
    it(`rejects ${name}`, () => {
      expect(() => mergeLines(items)).to.throw(InvalidReservationError, message);
    });
  }
});

describe('Function: planReservation', () => {
  it('sets the expiry from the clock and the TTL', () => {
    const plan = planReservation({ orderId: 'o', items: [{ sku: 'A', quantity: 1 }] }, new Date('2030-01-01T00:00:00Z'), 'res-1', 60);
    expect(plan).to.deep.equal({
      orderId: 'o',
      reservationId: 'res-1',
      lines: [{ sku: 'A', quantity: 1 }],
      expiresAt: '2030-01-01T00:01:00.000Z',
    });
  });
});

describe('Function: stockLine', () => {
  const cases: Array<[number | undefined, string]> = [
    [undefined, 'UNKNOWN_SKU'],
    [0, 'INSUFFICIENT'],
    [2, 'INSUFFICIENT'],
    [3, 'AVAILABLE'],
    [9, 'AVAILABLE'],
  ];
  for (const [available, status] of cases) {
    it(`3 requested, ${available} available → ${status}`, () => expect(stockLine('A', 3, available).status).to.equal(status));
  }
});
