/**
 * Crashes: kill -9 of the local runtime at 20 random moments of a load of at least 2,000
 * orders, restarting it each time. Every accepted order ends in its expected terminal state,
 * no order is charged twice or notified twice, and stock is conserved.
 */
import { expect } from 'chai';
import { dataDirLayout } from '../../local/system/dataDir';
import { OrderClient } from '../../local/system/client/orderClient';
import type { ServerProcess } from '../../local/system/serverProcess';
import { crashLoadOrder, spawnedServerSuite, TEST_API_KEY, type CrashLoadKind as Kind } from '../local/system/support';
import { storedExecutions } from './support/executionsDb';
import { recordFigure } from './support/figures';
import { orderInvariantViolations } from './support/orderInvariants';

const KILLS = 20;
const MIN_ORDERS = 2_000;
const SENDERS = 16;
const STOCK: Record<string, number> = { 'BOOK-1': 100_000, 'PEN-7': 100_000, 'MUG-3': 100_000, 'LAMP-9': 100_000, 'SOLD-OUT-1': 0 };

const EXPECTED: Record<Kind, { status: string; error: string | null }> = {
  success: { status: 'SUCCEEDED', error: null },
  retried: { status: 'SUCCEEDED', error: null },
  rejected: { status: 'FAILED', error: 'InvalidOrder' },
  declined: { status: 'FAILED', error: 'PaymentDeclined' },
  'out-of-stock': { status: 'FAILED', error: 'OutOfStock' },
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('Hardening: kill -9 at random moments under load', function () {
  this.timeout(300_000);
  const suite = spawnedServerSuite();
  let server: ServerProcess;

  it(`loses no accepted order across ${KILLS} kills during ${MIN_ORDERS.toLocaleString('en')}+ orders`, async () => {
    // Prepare
    const seedFile = suite.writeSeed(STOCK);
    const start = (): Promise<ServerProcess> => suite.spawn({ env: { ORDERS_API_KEY: TEST_API_KEY }, args: ['--inventory', seedFile] });
    const accepted = new Map<string, Kind>();
    // Orders sent whose answer a kill may have cut off: their executions may exist all the same.
    const sent = new Map<string, Kind>();
    const killMoments: number[] = [];
    let next = 0;
    let resumedTotal = 0;

    // Act: each round starts the server, loads it from 16 senders and kills it at a random moment;
    // the rounds share the remaining orders, so that the last kill still comes during the load.
    for (let round = 0; round < KILLS; round++) {
      server = await start();
      resumedTotal += Number(/Resumed:\s+(\d+)/.exec(server.output())?.[1] ?? 0);
      const client = new OrderClient(server.url, TEST_API_KEY, SENDERS);
      let killed = false;
      const sender = async (): Promise<void> => {
        while (!killed) {
          const { kind, order } = crashLoadOrder(next++, 'kill');
          sent.set(order.orderId, kind);
          try {
            const reply = await client.postOrder(order);
            if (reply.status === 200) accepted.set(order.orderId, kind);
          } catch {
            // The server died with this request in flight: not accepted.
          }
        }
      };
      const senders = Array.from({ length: SENDERS }, sender);
      const remaining = Math.max(0, MIN_ORDERS - accepted.size) / (KILLS - round);
      // A random moment: at least until this round's share of orders is accepted, then 0-400 ms more.
      const roundTarget = accepted.size + remaining;
      while (accepted.size < roundTarget) await sleep(5);
      const moment = Math.floor(Math.random() * 400);
      await sleep(moment);
      killMoments.push(moment);
      killed = true;
      server.child.kill('SIGKILL');
      expect(await server.exited).to.equal('SIGKILL');
      await Promise.all(senders);
      client.close();
    }

    // The last start resumes what the last kill left, and runs until nothing runs.
    server = await start();
    resumedTotal += Number(/Resumed:\s+(\d+)/.exec(server.output())?.[1] ?? 0);
    const client = new OrderClient(server.url, TEST_API_KEY);
    const deadline = Date.now() + 60_000;
    while ((await client.runningExecutions()) > 0 && Date.now() < deadline) await sleep(200);
    client.close();
    await server.stop('SIGINT');

    const layout = dataDirLayout(suite.dataDir);
    const executions = storedExecutions(layout.executionsDatabase);
    // Every execution counts for the invariants, acknowledged or not; every acknowledged order must have one.
    const finals = new Map<string, string | undefined>([...executions.values()].map((execution) => [execution.name, execution.status]));
    const wrongOutcomes: string[] = [];
    let lost = 0;
    for (const orderId of accepted.keys()) {
      const execution = executions.get(orderId);
      if (execution === undefined || execution.status === 'RUNNING') lost += 1;
    }
    for (const execution of executions.values()) {
      const kind = sent.get(execution.name);
      if (kind === undefined) wrongOutcomes.push(`${execution.name}: never sent`);
      else if (execution.status !== EXPECTED[kind].status || execution.error !== EXPECTED[kind].error) wrongOutcomes.push(`${execution.name} (${kind}): ${execution.status} ${execution.error ?? ''}`);
    }
    const violations = orderInvariantViolations(layout.servicesDatabase, STOCK, finals);
    recordFigure('crash.kills', killMoments.length);
    recordFigure('crash.acceptedOrders', accepted.size);
    recordFigure('crash.unacknowledgedExecutions', executions.size - accepted.size);
    recordFigure('crash.resumedExecutions', resumedTotal);
    recordFigure('crash.lostOrders', lost);
    recordFigure('crash.invariantViolations', violations.length);

    // Assess
    expect(killMoments).to.have.length(KILLS);
    expect(accepted.size).to.be.at.least(MIN_ORDERS);
    // The kills came during the load: restarts found executions to resume.
    expect(resumedTotal).to.be.greaterThan(0);
    expect(lost).to.equal(0);
    expect(wrongOutcomes.slice(0, 10), `${wrongOutcomes.length} unexpected outcomes`).to.deep.equal([]);
    expect(violations.slice(0, 10), `${violations.length} violations`).to.deep.equal([]);
  });
});
