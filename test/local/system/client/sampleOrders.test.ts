import { expect } from 'chai';
import { Order } from '../../../../workflow/contracts';
import { generatedOrder, kindAt, ORDER_KINDS, parseMix, sampleOrder, type OrderKind } from '../../../../local/system/client/sampleOrders';

describe('Function: sampleOrder', () => {
  for (const kind of ORDER_KINDS) {
    it(`reads examples/orders/${kind}.json as an Order`, () => {
      const order = sampleOrder(kind);
      expect(Order.is(order)).to.equal(true);
      expect(order.orderId).to.equal(`ord-example-${kind}`);
    });
  }

  it('generates the same content under a fresh orderId', () => {
    const [a, b] = [generatedOrder('declined'), generatedOrder('declined')];
    expect(a.orderId).to.not.equal(b.orderId);
    expect({ ...a, orderId: 'x' }).to.deep.equal({ ...sampleOrder('declined'), orderId: 'x' });
  });
});

describe('Function: parseMix', () => {
  const valid: Array<[string, Partial<Record<OrderKind, number>>]> = [
    ['success=1', { success: 1 }],
    ['success=85, declined=5,out-of-stock=5,rejected=5', { success: 85, declined: 5, 'out-of-stock': 5, rejected: 5 }],
    ['declined=0.5,rejected=0', { declined: 0.5, rejected: 0 }],
  ];
  for (const [text, mix] of valid) it(`parses '${text}'`, () => expect(parseMix(text)).to.deep.equal(mix));

  const invalid = ['', 'success', 'unknown=1', 'success=-1', 'success=abc', 'success=0,declined=0'];
  for (const text of invalid) it(`refuses '${text}'`, () => expect(() => parseMix(text)).to.throw(RangeError));
});

describe('Function: kindAt', () => {
  it('follows the weights over a run', () => {
    const counts: Record<string, number> = {};
    for (let i = 0; i < 1000; i++) counts[kindAt({ success: 70, declined: 20, rejected: 10 }, i)] = (counts[kindAt({ success: 70, declined: 20, rejected: 10 }, i)] ?? 0) + 1;
    expect(counts.success).to.be.within(690, 710);
    expect(counts.declined).to.be.within(190, 210);
    expect(counts.rejected).to.be.within(90, 110);
    expect(counts['out-of-stock']).to.equal(undefined);
  });
});
