import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { OrderSystem } from '../../../local/system';
import { JsonHttpClient } from '../../../local/system/client/httpJson';
import type { OrderClient } from '../../../local/system/client/orderClient';
import { EXAMPLES_DIR, generatedOrder, sampleOrder, type OrderKind } from '../../../local/system/client/sampleOrders';
import { startTestSystem, tempDataDir, TEST_API_KEY, TEST_STOCK } from './support';

describe('Function: startOrderSystem', function () {
  this.timeout(30_000);
  let dir: ReturnType<typeof tempDataDir>;
  let system: OrderSystem;
  let client: OrderClient;
  let http: JsonHttpClient;

  before(async () => {
    dir = tempDataDir();
    ({ system, client } = await startTestSystem(dir.path));
    http = new JsonHttpClient(system.url);
  });

  after(async () => {
    http.close();
    client.close();
    await system.stop({ drainMs: 10_000 });
    dir.remove();
  });

  describe('the example orders', () => {
    const cases: Array<{ kind: OrderKind; status: string; error?: string }> = [
      { kind: 'success', status: 'SUCCEEDED' },
      { kind: 'rejected', status: 'FAILED', error: 'InvalidOrder' },
      { kind: 'declined', status: 'FAILED', error: 'PaymentDeclined' },
      { kind: 'out-of-stock', status: 'FAILED', error: 'OutOfStock' },
    ];
    for (const { kind, status, error } of cases) {
      it(`examples/orders/${kind}.json ends ${status}${error ? ` with ${error}` : ''}`, async () => {
        // Prepare
        const body = readFileSync(path.join(EXAMPLES_DIR, `${kind}.json`), 'utf8');
        const orderId = sampleOrder(kind).orderId;

        // Act
        const accepted = await client.submit(body);
        const final = await client.waitForTerminal(orderId, 10_000);

        // Assess
        expect(accepted.executionArn).to.equal(`arn:aws:states:us-east-1:000000000000:execution:OrderProcessing:${orderId}`);
        expect(final?.status).to.equal(status);
        expect(final?.error).to.equal(error);
        expect(final?.stopDate).to.be.at.least(accepted.startDate);
        if (error !== undefined) expect(final?.cause).to.be.a('string').and.not.equal('');
        else expect(final?.output).to.have.nested.property('notification.status', 'DELIVERED');
      });
    }
  });

  describe('the order API', () => {
    const json = { 'content-type': 'application/json', 'x-api-key': TEST_API_KEY };
    const cases: Array<{ label: string; method: string; path: string; headers: Record<string, string>; body?: () => string; status: number; message: string }> = [
      { label: 'no API key', method: 'POST', path: '/orders', headers: { 'content-type': 'application/json' }, body: () => JSON.stringify(generatedOrder('success')), status: 403, message: 'Forbidden' },
      { label: 'a wrong API key', method: 'GET', path: '/orders/x', headers: { 'x-api-key': 'wrong' }, status: 403, message: 'Forbidden' },
      { label: 'a body that is no order', method: 'POST', path: '/orders', headers: json, body: () => JSON.stringify({ orderId: 'o-1' }), status: 400, message: 'Invalid request body' },
      { label: 'an orderId that cannot name an execution', method: 'POST', path: '/orders', headers: json, body: () => JSON.stringify(generatedOrder('success', 'bad id/with slash')), status: 400, message: 'Invalid request body' },
      { label: 'a body over 256 KiB', method: 'POST', path: '/orders', headers: json, body: () => JSON.stringify({ pad: 'x'.repeat(300 * 1024) }), status: 413, message: 'Request Too Long' },
      { label: 'a body that is not JSON', method: 'POST', path: '/orders', headers: { ...json, 'content-type': 'text/plain' }, body: () => 'hello', status: 415, message: 'Unsupported Media Type' },
      { label: 'an unknown order', method: 'GET', path: '/orders/no-such-order', headers: json, status: 404, message: 'Order not found' },
      { label: 'an unknown route', method: 'DELETE', path: '/orders', headers: json, status: 404, message: 'Not Found' },
    ];
    for (const { label, method, path: route, headers, body, status, message } of cases) {
      it(`answers ${status} to ${label}`, async () => {
        const reply = await http.send(method, route, headers, body?.());
        expect(reply.status).to.equal(status);
        expect(reply.body).to.have.property('message', message);
      });
    }

    it('answers the same execution to the same orderId, running or finished, whatever the body', async () => {
      // Prepare
      const order = generatedOrder('success');
      const first = await client.submit(order);

      // Act
      const again = await client.submit(order);
      await client.waitForTerminal(order.orderId, 10_000);
      const afterEnd = await client.submit({ ...order, total: order.total + 1 });

      // Assess
      expect(again).to.deep.equal(first);
      expect(afterEnd).to.deep.equal(first);
      const executions = system.engine.listExecutions({ stateMachineArn: system.stateMachineArn }).filter((e) => e.name === order.orderId);
      expect(executions).to.have.length(1);
    });

    it('answers GET /orders/{orderId} with the status, the timestamps and the output', async () => {
      const order = generatedOrder('success');
      const accepted = await client.submit(order);
      const final = await client.waitForTerminal(order.orderId, 10_000);
      expect(final).to.include({ orderId: order.orderId, status: 'SUCCEEDED', executionArn: accepted.executionArn, startDate: accepted.startDate });
      expect(final?.output).to.have.property('orderId', order.orderId);
    });
  });

  describe('the Lambda stand-in', () => {
    it("keeps each invocation's logs (Powertools JSON and EMF) with its execution", async () => {
      // Prepare
      const order = generatedOrder('success');
      await client.submit(order);
      await client.waitForTerminal(order.orderId, 10_000);

      // Act
      const invocations = system.invocationLogs.invocationsOf(system.executionArnOf(order.orderId));

      // Assess
      expect(invocations.map((i) => i.stateName).sort()).to.deep.equal(['ChargePayment', 'NotifySuccess', 'ReserveInventory', 'ValidateOrder']);
      const validate = invocations.find((i) => i.functionName === 'validateOrder')!;
      const lines = validate.logLines;
      expect(lines[0]).to.match(/^START RequestId: /);
      expect(lines.at(-1)).to.match(/^REPORT RequestId: .*Duration: /);
      const structured = lines.filter((text) => text.startsWith('{')).map((text) => JSON.parse(text) as Record<string, unknown>);
      expect(structured.some((entry) => entry.level === 'INFO' && entry.service === 'order-validation' && entry.orderId === order.orderId)).to.equal(true);
      expect(structured.some((entry) => typeof entry._aws === 'object' && entry.OrdersValidated === 1)).to.equal(true);
    });
  });

  describe('the inventory', () => {
    it('takes stock for succeeded orders and gives it back for failed ones', async () => {
      // Prepare
      await system.engine.idle();
      const before = await system.adapters.inventory.getStock('LAMP-9');
      const declined = { ...generatedOrder('declined') };
      const succeeded = { ...generatedOrder('success'), items: [{ sku: 'LAMP-9', quantity: 2, unitPrice: 45 }], total: 90 };

      // Act
      await client.submit(declined);
      await client.submit(succeeded);
      await client.waitForTerminal(declined.orderId, 10_000);
      await client.waitForTerminal(succeeded.orderId, 10_000);

      // Assess
      expect(await system.adapters.inventory.getStock('LAMP-9')).to.equal((before ?? 0) - 2);
    });
  });
});

describe('Function: startOrderSystem (handlers on the main thread)', function () {
  this.timeout(30_000);

  it("runs the workflow with lambdaHost 'inline', keeping each invocation's logs", async () => {
    // Prepare
    const dir = tempDataDir();
    const { system, client } = await startTestSystem(dir.path, { lambdaHost: 'inline' });
    try {
      const order = generatedOrder('success');

      // Act
      await client.submit(order);
      const final = await client.waitForTerminal(order.orderId, 10_000);
      const invocations = system.invocationLogs.invocationsOf(system.executionArnOf(order.orderId));

      // Assess
      expect(final?.status).to.equal('SUCCEEDED');
      expect(invocations.map((i) => i.functionName).sort()).to.deep.equal(['chargePayment', 'notifyCustomer', 'reserveInventory', 'validateOrder']);
      expect(invocations.every((i) => i.logLines.at(-1)?.startsWith('REPORT RequestId: '))).to.equal(true);
    } finally {
      client.close();
      await system.stop({ drainMs: 10_000 });
      dir.remove();
    }
  });
});

describe('Function: startOrderSystem (usage plan)', function () {
  this.timeout(30_000);
  const cases = [
    { label: 'over the rate', plan: { throttle: { rateLimit: 0.001, burstLimit: 2 } }, message: 'Too Many Requests' },
    { label: 'over the daily quota', plan: { throttle: { rateLimit: 1000, burstLimit: 1000 }, quota: { limit: 2, period: 'DAY' as const } }, message: 'Limit Exceeded' },
  ];
  for (const { label, plan, message } of cases) {
    it(`answers 429 ${message} ${label}`, async () => {
      // Prepare
      const dir = tempDataDir();
      const { system, client } = await startTestSystem(dir.path, { usagePlan: plan });
      try {
        // Act
        const statuses: number[] = [];
        let last: unknown;
        for (let i = 0; i < 3; i++) {
          const reply = await client.postOrder(generatedOrder('success'));
          statuses.push(reply.status);
          last = reply.body;
        }

        // Assess
        expect(statuses).to.deep.equal([200, 200, 429]);
        expect(last).to.deep.equal({ message });
      } finally {
        client.close();
        await system.stop({ drainMs: 10_000 });
        dir.remove();
      }
    });
  }
});

describe('Function: startOrderSystem (restarts)', function () {
  this.timeout(30_000);

  it('keeps the stock taken, does not reseed it, and keeps the generated API key', async () => {
    // Prepare
    const dir = tempDataDir();
    const previous = process.env.ORDERS_API_KEY;
    delete process.env.ORDERS_API_KEY;
    try {
      const first = await startTestSystem(dir.path, { apiKey: undefined });
      const order = generatedOrder('success');
      await first.client.submit(order);
      await first.client.waitForTerminal(order.orderId, 10_000);
      await first.system.stop({ drainMs: 10_000 });
      first.client.close();

      // Act
      const second = await startTestSystem(dir.path, { apiKey: undefined });
      const status = await second.client.status(order.orderId);
      const stock = await second.system.adapters.inventory.getStock('BOOK-1');
      await second.system.stop({ drainMs: 10_000 });
      second.client.close();

      // Assess
      expect(first.system.apiKeySource).to.equal('generated');
      expect(second.system.apiKeySource).to.equal('data directory');
      expect(second.system.apiKey).to.equal(first.system.apiKey);
      expect(second.system.seededSkus).to.deep.equal([]);
      expect(status?.status).to.equal('SUCCEEDED');
      expect(stock).to.equal(TEST_STOCK['BOOK-1'] - 2);
    } finally {
      if (previous !== undefined) process.env.ORDERS_API_KEY = previous;
      dir.remove();
    }
  });
});
