import { expect } from 'chai';
import { InvalidEventError } from '../../../handlers/errors';
import { createReleaseInventoryHandler } from '../../../handlers/inventory/releaseHandler';
import { createReserveInventoryHandler } from '../../../handlers/inventory/reserveHandler';
import type { Runtime } from '../../../handlers/shared/clock';
import { captureStdout, emfMetrics } from '../support/captureStdout';
import { HOSTILE_EVENTS } from '../support/hostileEvents';
import { testObservability } from '../support/observability';
import { sqliteAdapters } from '../support/sqlite';

const runtime: Runtime = { now: () => new Date('2030-01-01T00:00:00Z'), newId: () => 'fixed' };

describe('Function: reserveInventory and releaseInventory handlers', () => {
  let adapters: ReturnType<typeof sqliteAdapters>;
  const reserve = (event: unknown) =>
    captureStdout(() => createReserveInventoryHandler({ store: adapters.inventory, runtime, observability: testObservability('inventory') })(event));
  const release = (event: unknown) =>
    captureStdout(() => createReleaseInventoryHandler({ store: adapters.inventory, observability: testObservability('inventory') })(event));

  beforeEach(async () => {
    adapters = sqliteAdapters();
    await adapters.inventory.setStock('BOOK-1', 5);
    await adapters.inventory.setStock('PEN-7', 1);
  });
  afterEach(() => adapters.close());

  it('reserves an order (order items with prices decode as lines) and logs it', async () => {
    // Act
    const { result, records } = await reserve({ orderId: 'o1', items: [{ sku: 'BOOK-1', quantity: 2, unitPrice: 12.5 }] });
    // Assess
    expect(result).to.deep.equal({
      status: 'RESERVED',
      reservationId: 'res-fixed',
      lines: [{ sku: 'BOOK-1', requested: 2, available: 5, status: 'AVAILABLE' }],
      expiresAt: '2030-01-01T00:15:00.000Z',
    });
    expect(records.find((record) => record.message === 'inventory reserved')).to.include({ orderId: 'o1', step: 'reserveInventory', outcome: 'RESERVED' });
    expect(emfMetrics(records).map(({ name }) => name)).to.deep.equal(['ReservationsCreated']);
    expect(await adapters.inventory.getStock('BOOK-1')).to.equal(3);
  });

  it('reports out of stock per line and counts OutOfStock by sku', async () => {
    const { result, records } = await reserve({ orderId: 'o1', items: [{ sku: 'BOOK-1', quantity: 1 }, { sku: 'PEN-7', quantity: 2 }, { sku: 'GHOST', quantity: 1 }] });
    expect(result).to.deep.equal({
      status: 'OUT_OF_STOCK',
      lines: [
        { sku: 'BOOK-1', requested: 1, available: 5, status: 'AVAILABLE' },
        { sku: 'GHOST', requested: 1, available: 0, status: 'UNKNOWN_SKU' },
        { sku: 'PEN-7', requested: 2, available: 1, status: 'INSUFFICIENT' },
      ],
    });
    expect(emfMetrics(records).filter(({ name }) => name === 'OutOfStock').map(({ dimensions }) => dimensions.sku)).to.deep.equal(['GHOST', 'PEN-7']);
    expect(await adapters.inventory.getStock('BOOK-1')).to.equal(5);
  });

  it('is idempotent: a retried reserve returns the same reservation', async () => {
    const first = await reserve({ orderId: 'o1', items: [{ sku: 'BOOK-1', quantity: 2 }] });
    const retry = await reserve({ orderId: 'o1', items: [{ sku: 'BOOK-1', quantity: 2 }] });
    expect(retry.result).to.deep.equal(first.result);
    expect(await adapters.inventory.getStock('BOOK-1')).to.equal(3);
  });

  it('release restores stock once and is idempotent', async () => {
    await reserve({ orderId: 'o1', items: [{ sku: 'BOOK-1', quantity: 2 }] });
    const first = await release({ orderId: 'o1' });
    const retry = await release({ orderId: 'o1' });
    expect(first.result).to.deep.equal({ orderId: 'o1', status: 'RELEASED', reservationId: 'res-fixed' });
    expect(retry.result).to.deep.equal(first.result);
    expect(emfMetrics(first.records).map(({ name }) => name)).to.deep.equal(['ReservationsReleased']);
    expect(await adapters.inventory.getStock('BOOK-1')).to.equal(5);
  });

  it('release without a reservation is a no-op, and a late reserve fails with OrderCompensated', async () => {
    const released = await release({ orderId: 'o1' });
    expect(released.result).to.deep.equal({ orderId: 'o1', status: 'NOTHING_RESERVED' });
    const late = await reserve({ orderId: 'o1', items: [{ sku: 'BOOK-1', quantity: 2 }] });
    expect((late.error as Error).name).to.equal('OrderCompensated');
    expect(await adapters.inventory.getStock('BOOK-1')).to.equal(5);
  });

  const badRequests: Array<[string, unknown]> = [
    ['no lines', { orderId: 'o1', items: [] }],
    ['a zero quantity', { orderId: 'o1', items: [{ sku: 'BOOK-1', quantity: 0 }] }],
    ['a fractional quantity', { orderId: 'o1', items: [{ sku: 'BOOK-1', quantity: 1.5 }] }],
  ];
  for (const [name, event] of badRequests) {
    it(`refuses ${name} with InvalidReservation`, async () => {
      const { error } = await reserve(event);
      expect((error as Error).name).to.equal('InvalidReservation');
    });
  }

  for (const { name, event } of HOSTILE_EVENTS) {
    it(`reserve and release reject ${name} with InvalidEvent`, async () => {
      for (const run of [reserve, release]) {
        const { error, lines } = await run(event);
        expect(error).to.be.instanceOf(InvalidEventError);
        expect((error as InvalidEventError).details).to.not.be.empty;
        expect(lines.join('\n')).to.not.include('4242424242424242');
      }
    });
  }
});
