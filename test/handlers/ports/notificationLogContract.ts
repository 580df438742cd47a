/**
 * The NotificationLog contract, run against every adapter (SQLite, DynamoDB via dynalite).
 */
import { expect } from 'chai';
import type { NotificationLog } from '../../../handlers/ports';
import type { StoreFixture } from './inventoryStoreContract';

const T0 = '2030-01-01T00:00:00.000Z';
const T1 = '2030-01-01T00:00:30.000Z';
const T2 = '2030-01-01T00:05:00.000Z';
const LONG_AGO = '2029-12-31T23:59:00.000Z';

/** Defines the contract tests of {@link NotificationLog}. */
export function describeNotificationLogContract(adapter: string, fixture: StoreFixture<NotificationLog>): void {
  describe(`Contract: NotificationLog (${adapter})`, function () {
    this.timeout(60_000);
    let log: NotificationLog;

    beforeEach(async () => {
      log = await fixture.make();
    });
    afterEach(async () => {
      await fixture.dispose?.();
    });

    it('claims a new notification once; a fresh PENDING claim is taken', async () => {
      expect(await log.claim('o1', 'SUCCEEDED', T0, LONG_AGO)).to.deep.equal({ kind: 'claimed' });
      expect(await log.claim('o1', 'SUCCEEDED', T1, LONG_AGO)).to.deep.equal({
        kind: 'taken',
        record: { orderId: 'o1', outcome: 'SUCCEEDED', status: 'PENDING', updatedAt: T0 },
      });
    });

    it('never claims a delivered notification again', async () => {
      await log.claim('o1', 'SUCCEEDED', T0, LONG_AGO);
      await log.finish({ orderId: 'o1', outcome: 'SUCCEEDED', status: 'DELIVERED', messageId: 'm-1', updatedAt: T1 });
      const record = { orderId: 'o1', outcome: 'SUCCEEDED', status: 'DELIVERED', messageId: 'm-1', updatedAt: T1 };
      expect(await log.claim('o1', 'SUCCEEDED', T2, T2)).to.deep.equal({ kind: 'taken', record });
      expect(await log.get('o1', 'SUCCEEDED')).to.deep.equal(record);
    });

    it('lets a failed delivery be claimed again', async () => {
      await log.claim('o1', 'FAILED', T0, LONG_AGO);
      await log.finish({ orderId: 'o1', outcome: 'FAILED', status: 'FAILED', error: 'Boom', updatedAt: T1 });
      expect(await log.claim('o1', 'FAILED', T2, LONG_AGO)).to.deep.equal({ kind: 'claimed' });
    });

    it('takes over a stale PENDING claim', async () => {
      await log.claim('o1', 'SUCCEEDED', T0, LONG_AGO);
      expect(await log.claim('o1', 'SUCCEEDED', T2, T1)).to.deep.equal({ kind: 'claimed' });
    });

    it('keeps outcomes of one order apart', async () => {
      await log.claim('o1', 'REJECTED', T0, LONG_AGO);
      expect(await log.claim('o1', 'FAILED', T0, LONG_AGO)).to.deep.equal({ kind: 'claimed' });
      expect(await log.get('o2', 'FAILED')).to.equal(undefined);
    });

    it('lets exactly one of parallel claims deliver', async () => {
      const outcomes = await Promise.all(Array.from({ length: 10 }, () => log.claim('o1', 'SUCCEEDED', T0, LONG_AGO)));
      expect(outcomes.filter((outcome) => outcome.kind === 'claimed')).to.have.length(1);
    });
  });
}
