/**
 * The InventoryStore contract, run against every adapter (SQLite, DynamoDB via dynalite).
 */
import { expect } from 'chai';
import type { InventoryStore, ReservationRequest } from '../../../handlers/ports';

/** Makes a fresh, empty store for one test and disposes of it. */
export interface StoreFixture<S> {
  readonly make: () => Promise<S>;
  readonly dispose?: () => Promise<void>;
}

function request(orderId: string, lines: Array<[string, number]>, reservationId = `res-${orderId}`): ReservationRequest {
  return {
    orderId,
    reservationId,
    lines: lines.map(([sku, quantity]) => ({ sku, quantity })),
    expiresAt: '2030-01-01T00:15:00.000Z',
  };
}

/** Defines the contract tests of {@link InventoryStore}. */
export function describeInventoryStoreContract(adapter: string, fixture: StoreFixture<InventoryStore>): void {
  describe(`Contract: InventoryStore (${adapter})`, function () {
    this.timeout(60_000);
    let store: InventoryStore;

    beforeEach(async () => {
      store = await fixture.make();
    });
    afterEach(async () => {
      await fixture.dispose?.();
    });

    it('sets and reads stock; unknown SKUs have none', async () => {
      await store.setStock('A', 5);
      await store.setStock('A', 7);
      expect(await store.getStock('A')).to.equal(7);
      expect(await store.getStock('NOPE')).to.equal(undefined);
    });

    it('reserves every line and takes the stock', async () => {
      // Prepare
      await store.setStock('A', 5);
      await store.setStock('B', 2);
      // Act
      const outcome = await store.reserve(request('o1', [['A', 3], ['B', 2]]));
      // Assess
      expect(outcome).to.deep.equal({
        status: 'RESERVED',
        reservationId: 'res-o1',
        expiresAt: '2030-01-01T00:15:00.000Z',
        lines: [
          { sku: 'A', requested: 3, available: 5, status: 'AVAILABLE' },
          { sku: 'B', requested: 2, available: 2, status: 'AVAILABLE' },
        ],
      });
      expect([await store.getStock('A'), await store.getStock('B')]).to.deep.equal([2, 0]);
    });

    it('reserves nothing when one line falls short, and reports every line', async () => {
      await store.setStock('A', 5);
      await store.setStock('B', 1);
      const outcome = await store.reserve(request('o1', [['A', 3], ['B', 2], ['C', 1]]));
      expect(outcome).to.deep.equal({
        status: 'OUT_OF_STOCK',
        lines: [
          { sku: 'A', requested: 3, available: 5, status: 'AVAILABLE' },
          { sku: 'B', requested: 2, available: 1, status: 'INSUFFICIENT' },
          { sku: 'C', requested: 1, available: 0, status: 'UNKNOWN_SKU' },
        ],
      });
      expect([await store.getStock('A'), await store.getStock('B')]).to.deep.equal([5, 1]);
    });

    it('a failed reserve leaves the order free to reserve later', async () => {
      await store.setStock('A', 1);
      expect((await store.reserve(request('o1', [['A', 2]]))).status).to.equal('OUT_OF_STOCK');
      await store.setStock('A', 2);
      expect((await store.reserve(request('o1', [['A', 2]]))).status).to.equal('RESERVED');
      expect(await store.getStock('A')).to.equal(0);
    });

    it('is idempotent per orderId: a replay returns the same reservation and takes nothing', async () => {
      await store.setStock('A', 5);
      const first = await store.reserve(request('o1', [['A', 2]], 'res-first'));
      const replay = await store.reserve(request('o1', [['A', 2]], 'res-second'));
      expect(replay).to.deep.equal(first);
      expect(await store.getStock('A')).to.equal(3);
    });

    it('release restores the stock exactly once; later calls return the same outcome', async () => {
      await store.setStock('A', 5);
      await store.setStock('B', 4);
      await store.reserve(request('o1', [['A', 2], ['B', 4]]));
      const first = await store.release('o1');
      const second = await store.release('o1');
      expect(first).to.deep.equal({ status: 'RELEASED', reservationId: 'res-o1' });
      expect(second).to.deep.equal(first);
      expect([await store.getStock('A'), await store.getStock('B')]).to.deep.equal([5, 4]);
    });

    it('release of an order with no reservation is a no-op that voids it', async () => {
      await store.setStock('A', 5);
      expect(await store.release('o1')).to.deep.equal({ status: 'NOTHING_RESERVED' });
      expect(await store.release('o1')).to.deep.equal({ status: 'NOTHING_RESERVED' });
      expect(await store.reserve(request('o1', [['A', 2]]))).to.deep.equal({ status: 'VOIDED' });
      expect(await store.getStock('A')).to.equal(5);
    });

    it('a reserve replayed after release takes nothing again', async () => {
      await store.setStock('A', 5);
      const reserved = await store.reserve(request('o1', [['A', 2]]));
      await store.release('o1');
      expect(await store.reserve(request('o1', [['A', 2]]))).to.deep.equal(reserved);
      expect(await store.getStock('A')).to.equal(5);
    });

    it('never oversells: 50 parallel orders for the last 10 units reserve exactly 10', async () => {
      // Prepare
      await store.setStock('LAST', 10);
      // Act
      const outcomes = await Promise.all(
        Array.from({ length: 50 }, (_, i) => store.reserve(request(`race-${i}`, [['LAST', 1]]))),
      );
      // Assess
      const reserved = outcomes.filter((outcome) => outcome.status === 'RESERVED');
      expect(reserved).to.have.length(10);
      expect(outcomes.filter((outcome) => outcome.status === 'OUT_OF_STOCK')).to.have.length(40);
      expect(await store.getStock('LAST')).to.equal(0);
    });

    it('reserves multi-line orders all or nothing under concurrency', async () => {
      await store.setStock('X', 6);
      await store.setStock('Y', 6);
      // Every order takes one X and one Y; half of them also want 2 Z, of which there are 4.
      await store.setStock('Z', 4);
      const outcomes = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          store.reserve(request(`multi-${i}`, i % 2 === 0 ? [['X', 1], ['Y', 1]] : [['X', 1], ['Y', 1], ['Z', 2]])),
        ),
      );
      const reserved = outcomes.filter((outcome) => outcome.status === 'RESERVED');
      const withZ = reserved.filter((outcome) => outcome.status === 'RESERVED' && outcome.lines.some((line) => line.sku === 'Z'));
      const [x, y, z] = [await store.getStock('X'), await store.getStock('Y'), await store.getStock('Z')];
      // Stock is conserved line by line: no partial order, no oversell. (Without
      // transactions, a failing order may briefly hold X and make another order fall short,
      // so fewer than 6 may succeed; a serializable store reserves exactly 6.)
      expect(reserved.length).to.be.within(1, 6);
      expect(x).to.equal(6 - reserved.length);
      expect(y).to.equal(6 - reserved.length);
      expect(z).to.equal(4 - 2 * withZ.length);
      expect(withZ.length).to.be.at.most(2);
    });

    it('parallel releases of one order restore its stock once', async () => {
      await store.setStock('A', 5);
      await store.reserve(request('o1', [['A', 3]]));
      const outcomes = await Promise.all(Array.from({ length: 10 }, () => store.release('o1')));
      for (const outcome of outcomes) expect(outcome).to.deep.equal({ status: 'RELEASED', reservationId: 'res-o1' });
      expect(await store.getStock('A')).to.equal(5);
    });

    it('parallel duplicate reserves of one order take its stock once', async () => {
      await store.setStock('A', 10);
      const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => store.reserve(request('o1', [['A', 3]], `res-${i}`))));
      const ids = new Set(outcomes.map((outcome) => (outcome.status === 'RESERVED' ? outcome.reservationId : outcome.status)));
      expect(ids.size).to.equal(1);
      expect(await store.getStock('A')).to.equal(7);
    });
  });
}
