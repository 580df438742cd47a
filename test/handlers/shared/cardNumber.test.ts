import { expect } from 'chai';
import { containsCardNumber, isCardNumber, passesLuhn } from '../../../handlers/shared/cardNumber';
import { CARD_NUMBERS } from '../support/orders';

describe('Function: passesLuhn', () => {
  const cases: Array<[string, boolean]> = [
    ['4242424242424242', true],
    ['4242424242424241', false],
    ['79927398713', true],
    ['79927398710', false],
    ['0', true],
  ];
  for (const [digits, expected] of cases) {
    it(`${digits} → ${expected}`, () => expect(passesLuhn(digits)).to.equal(expected));
  }
});

describe('Function: containsCardNumber', () => {
  for (const card of CARD_NUMBERS) {
    it(`finds ${card.slice(0, 4)}… alone and inside text`, () => {
      expect(containsCardNumber(card)).to.equal(true);
      expect(containsCardNumber(`my card is ${card}, thanks`)).to.equal(true);
    });
  }
  it('finds a 13-digit card number with separators, and one after a longer non-card run', () => {
    // 4222222222222 is the shortest Visa test number (13 digits, Luhn-valid).
    expect(containsCardNumber('ref 4222-2222-2222-2 end')).to.equal(true);
    expect(containsCardNumber('12345678901234567890123 and 4242424242424242')).to.equal(true);
  });
  const clean = ['tok_visa', 'N1 9GU', '+44 20 7946 0958', '12 Analytical Row', '4242 4242', '4242424242424241', '', '422222222222', '42222222222222222222'];
  for (const value of clean) {
    it(`does not flag ${JSON.stringify(value)}`, () => expect(containsCardNumber(value)).to.equal(false));
  }
});

describe('Function: isCardNumber', () => {
  const cases: Array<[string, boolean]> = [
    ['4242424242424242', true],
    [' 4242 4242 4242 4242 ', true],
    ['ord-4242424242424242', false],
    ['ord-1732550000000', false],
    ['4242424242424241', false],
  ];
  for (const [value, expected] of cases) {
    it(`${JSON.stringify(value)} → ${expected}`, () => expect(isCardNumber(value)).to.equal(expected));
  }
});
