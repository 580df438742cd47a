import { expect } from 'chai';
import { InvalidEventError, NotificationUnavailableError } from '../../../handlers/errors';
import { createNotifyCustomerHandler } from '../../../handlers/notification/handler';
import type { CustomerMessage, NotificationPublisher } from '../../../handlers/ports';
import type { Runtime } from '../../../handlers/shared/clock';
import type { NotifyCustomerInput } from '../../../workflow/contracts';
import { captureStdout, emfMetrics } from '../support/captureStdout';
import { HOSTILE_EVENTS } from '../support/hostileEvents';
import { testObservability } from '../support/observability';
import { sqliteAdapters } from '../support/sqlite';

const customer = { id: 'c1', name: 'Ada Lovelace', email: 'ada@example.com' };
const event = (outcome: NotifyCustomerInput['outcome'], orderId = 'o1'): NotifyCustomerInput => ({ orderId, outcome, customer });

/** A publisher that fails as told (a fake: it records, it does not deliver). */
class FailingPublisher implements NotificationPublisher {
  public readonly sent: CustomerMessage[] = [];
  public constructor(private failure: Error | undefined) {}
  public async publish(message: CustomerMessage): Promise<{ messageId: string }> {
    if (this.failure !== undefined) {
      const failure = this.failure;
      this.failure = undefined;
      throw failure;
    }
    this.sent.push(message);
    return { messageId: `m-${this.sent.length}` };
  }
}

describe('Function: notifyCustomer handler', () => {
  let adapters: ReturnType<typeof sqliteAdapters>;
  let now = new Date('2030-01-01T00:00:00Z');
  const runtime: Runtime = { now: () => now, newId: () => 'id' };
  const notify = (input: unknown, publisher: NotificationPublisher = adapters.outbox) =>
    captureStdout(() => createNotifyCustomerHandler({ log: adapters.notifications, publisher, runtime, observability: testObservability('notification') })(input));

  beforeEach(() => {
    adapters = sqliteAdapters();
    now = new Date('2030-01-01T00:00:00Z');
  });
  afterEach(() => adapters.close());

  for (const outcome of ['SUCCEEDED', 'REJECTED', 'FAILED'] as const) {
    it(`delivers a ${outcome} message to the outbox, records and logs it`, async () => {
      // Act
      const { result, records } = await notify(event(outcome));
      // Assess
      const [message] = adapters.outbox.messages('o1');
      expect(result).to.deep.equal({ orderId: 'o1', outcome, status: 'DELIVERED', messageId: message.messageId });
      expect(message).to.include({ orderId: 'o1', outcome, recipient: 'ada@example.com' });
      expect(await adapters.notifications.get('o1', outcome)).to.include({ status: 'DELIVERED', messageId: message.messageId });
      expect(records.find((record) => record.message === 'notification delivered')).to.include({ orderId: 'o1', step: 'notifyCustomer', outcome: 'DELIVERED' });
      expect(emfMetrics(records).map(({ name }) => name)).to.deep.equal(['NotificationsSent']);
    });
  }

  it('is idempotent per order and outcome: a retry never notifies twice', async () => {
    const first = await notify(event('SUCCEEDED'));
    const retry = await notify(event('SUCCEEDED'));
    expect(retry.result).to.deep.equal({ ...first.result, status: 'DUPLICATE' });
    expect(adapters.outbox.messages('o1')).to.have.length(1);
  });

  it('notifies each outcome of an order once', async () => {
    await notify(event('REJECTED'));
    await notify(event('FAILED'));
    await notify(event('FAILED'));
    expect(adapters.outbox.messages('o1').map(({ outcome }) => outcome)).to.deep.equal(['REJECTED', 'FAILED']);
  });

  it('parallel duplicates deliver once; the others retry later or see a duplicate', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => notify(event('SUCCEEDED'))));
    expect(adapters.outbox.messages('o1')).to.have.length(1);
    for (const { result, error } of results) {
      if (error !== undefined) expect(error).to.be.instanceOf(NotificationUnavailableError);
      else expect(['DELIVERED', 'DUPLICATE']).to.include(result?.status);
    }
  });

  it('records a permanent delivery failure, counts it and returns FAILED', async () => {
    const publisher = new FailingPublisher(Object.assign(new Error('topic gone'), { name: 'NotFoundException' }));
    const { result, records } = await notify(event('FAILED'), publisher);
    expect(result).to.deep.equal({ orderId: 'o1', outcome: 'FAILED', status: 'FAILED', error: 'NotFoundException' });
    expect(await adapters.notifications.get('o1', 'FAILED')).to.include({ status: 'FAILED', error: 'NotFoundException' });
    const failed = emfMetrics(records).filter(({ name }) => name === 'NotificationsFailed');
    expect(failed.map(({ dimensions }) => dimensions.outcome)).to.deep.equal(['FAILED']);
    // A later attempt may deliver it.
    const retry = await notify(event('FAILED'), publisher);
    expect(retry.result?.status).to.equal('DELIVERED');
    expect(publisher.sent).to.have.length(1);
  });

  it('throws a transient delivery failure (after recording it), so the workflow retries', async () => {
    const publisher = new FailingPublisher(new NotificationUnavailableError('SNS throttled'));
    const first = await notify(event('SUCCEEDED'), publisher);
    expect(first.error).to.be.instanceOf(NotificationUnavailableError);
    expect((first.error as Error).name).to.equal('NotificationUnavailable');
    const retry = await notify(event('SUCCEEDED'), publisher);
    expect(retry.result?.status).to.equal('DELIVERED');
    expect(publisher.sent).to.have.length(1);
  });

  it('takes over a notification whose caller crashed mid-delivery, once the claim is stale', async () => {
    await adapters.notifications.claim('o1', 'SUCCEEDED', now.toISOString(), '2000-01-01T00:00:00.000Z');
    const early = await notify(event('SUCCEEDED'));
    expect(early.error).to.be.instanceOf(NotificationUnavailableError);
    now = new Date('2030-01-01T00:02:00Z');
    const late = await notify(event('SUCCEEDED'));
    expect(late.result?.status).to.equal('DELIVERED');
  });

  it('keys a card-number orderId by its hash, never storing it', async () => {
    const { result } = await notify(event('REJECTED', '4242424242424242'));
    expect(result?.orderId).to.match(/^sha256:[0-9a-f]{64}$/);
    const stored = JSON.stringify([adapters.db.prepare('SELECT * FROM notification_outbox').all(), adapters.db.prepare('SELECT * FROM notification_deliveries').all()]);
    expect(stored).to.not.include('4242424242424242');
  });

  for (const { name, event: hostile } of HOSTILE_EVENTS) {
    it(`rejects ${name} with InvalidEvent`, async () => {
      const { error } = await notify(hostile);
      expect(error).to.be.instanceOf(InvalidEventError);
    });
  }
});
