import { expect } from 'chai';
import { checkFaultInjection, faultInjector } from '../../../local/system/faultInjection';
import type { TaskHandler } from '../../../handlers/shared/lazyHandler';

/** A handler that counts its calls and answers `ok`. */
function countingHandler(): { handler: TaskHandler<unknown>; calls: () => number } {
  let calls = 0;
  return {
    handler: async () => {
      calls += 1;
      return 'ok';
    },
    calls: () => calls,
  };
}

/** Each call's outcome: `ok`, or the error's name. */
async function outcomes(handler: TaskHandler<unknown>, orderIds: readonly string[]): Promise<string[]> {
  const seen: string[] = [];
  for (const orderId of orderIds) seen.push(await handler({ orderId }).then(String, (error: Error) => error.name));
  return seen;
}

const ORDER_IDS = Array.from({ length: 400 }, (_, i) => `ord-${i}`);

describe('Function: faultInjector', () => {
  it('leaves a handler alone when the rate is 0 or the function is not an inventory one', () => {
    const { handler } = countingHandler();
    expect(faultInjector('reserveInventory', {})(handler)).to.equal(handler);
    expect(faultInjector('chargePayment', { inventoryTransientRate: 0.5 })(handler)).to.equal(handler);
    expect(faultInjector('notifyCustomer', { inventoryTransientRate: 1 })(handler)).to.equal(handler);
  });

  it('fails every call with InventoryUnavailable at rate 1, half of them after doing the work', async () => {
    // Prepare
    const { handler, calls } = countingHandler();
    const faulty = faultInjector('releaseInventory', { inventoryTransientRate: 1 })(handler);

    // Act
    const seen = await outcomes(faulty, ORDER_IDS);

    // Assess
    expect(new Set(seen)).to.deep.equal(new Set(['InventoryUnavailable']));
    expect(calls()).to.be.within(ORDER_IDS.length * 0.4, ORDER_IDS.length * 0.6);
  });

  it('fails about the configured share of calls, the same ones for the same seed', async () => {
    const run = (seed: number): Promise<string[]> => outcomes(faultInjector('reserveInventory', { inventoryTransientRate: 0.3, seed })(countingHandler().handler), ORDER_IDS);
    const [first, again, other] = [await run(1), await run(1), await run(2)];
    expect(first.filter((o) => o !== 'ok').length / ORDER_IDS.length).to.be.within(0.2, 0.4);
    expect(again).to.deep.equal(first);
    expect(other).to.not.deep.equal(first);
  });

  it('draws each attempt of an order afresh, so a retry can succeed', async () => {
    const faulty = faultInjector('reserveInventory', { inventoryTransientRate: 0.5, seed: 3 })(countingHandler().handler);
    const attempts = await outcomes(faulty, Array.from({ length: 20 }, () => 'ord-retried'));
    expect(attempts).to.include('ok');
    expect(attempts).to.include('InventoryUnavailable');
  });

  it('counts attempts per order across the environments of a function', async () => {
    // Prepare: one injector, a new handler (environment) for every attempt
    const inject = faultInjector('reserveInventory', { inventoryTransientRate: 0.5, seed: 3 });
    const oneEnvironmentEach: string[] = [];
    for (let i = 0; i < 20; i++) oneEnvironmentEach.push(...(await outcomes(inject(countingHandler().handler), ['ord-retried'])));

    // Assess: the same draws as one environment making all 20 attempts
    const sameEnvironment = await outcomes(faultInjector('reserveInventory', { inventoryTransientRate: 0.5, seed: 3 })(countingHandler().handler), Array.from({ length: 20 }, () => 'ord-retried'));
    expect(oneEnvironmentEach).to.deep.equal(sameEnvironment);
  });
});

describe('Function: checkFaultInjection', () => {
  for (const rate of [-0.1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
    it(`refuses a rate of ${rate}`, () => {
      expect(() => checkFaultInjection({ inventoryTransientRate: rate })).to.throw(RangeError);
    });
  }
  for (const rate of [0, 0.3, 1]) {
    it(`accepts a rate of ${rate}`, () => {
      expect(checkFaultInjection({ inventoryTransientRate: rate })).to.deep.equal({ inventoryTransientRate: rate });
    });
  }
});
