import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { createOrderApi, type AccessLogEntry, type OrderApiOptions } from '../../../local/api';
import { FakeOrderExecutions, FAKE_STATE_MACHINE_EXECUTION_PREFIX } from './fakeOrderExecutions';
import { call, listen, rawExchange, type Call, type RunningServer } from './httpClient';
import { API_KEY, GENEROUS_PLAN, OTHER_API_KEY, TEST_KEYS, validOrder } from './orderFixtures';

const JSON_HEADERS = { 'content-type': 'application/json', 'x-api-key': API_KEY };

describe('Function: createOrderApi', () => {
  let fake: FakeOrderExecutions;
  let api: RunningServer;
  let accessLog: AccessLogEntry[];
  let clock: number;

  async function start(overrides: Partial<OrderApiOptions> = {}): Promise<void> {
    await api?.close();
    api = await listen(
      createOrderApi({
        executions: fake,
        apiKeys: TEST_KEYS,
        usagePlan: GENEROUS_PLAN,
        now: () => clock,
        onRequest: (entry) => accessLog.push(entry),
        ...overrides,
      }),
    );
  }

  const send = (request: Call) => call(api.port, request);
  const postOrder = (body: unknown, headers: Record<string, string> = JSON_HEADERS) =>
    send({ method: 'POST', path: '/orders', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

  beforeEach(async () => {
    clock = Date.UTC(2026, 0, 1, 12);
    fake = new FakeOrderExecutions(() => new Date(clock));
    accessLog = [];
    await start();
  });

  afterEach(async () => {
    await api.close();
  });

  describe('POST /orders', () => {
    it('starts the order’s execution and answers 200 { executionArn, startDate }', async () => {
      // Act
      const reply = await postOrder(validOrder('order-42'));

      // Assess
      expect(reply.status).to.equal(200);
      expect(reply.headers['content-type']).to.equal('application/json');
      expect(reply.json).to.deep.equal({ executionArn: `${FAKE_STATE_MACHINE_EXECUTION_PREFIX}order-42`, startDate: clock / 1000 });
      expect(fake.startCalls).to.deep.equal([validOrder('order-42')]);
    });

    it('returns the same execution for the same orderId', async () => {
      const first = await postOrder(validOrder('order-7'));
      clock += 5_000;
      const second = await postOrder(validOrder('order-7'));

      expect(second.status).to.equal(200);
      expect(second.json).to.deep.equal(first.json);
      expect(fake.executionCount).to.equal(1);
    });

    it('passes on only the fields of the Order contract (a smuggled card number is dropped)', async () => {
      await postOrder({ ...validOrder(), cardNumber: '4111111111111111', customer: { ...validOrder().customer, admin: true } });

      expect(fake.startCalls[0]).to.deep.equal(validOrder());
    });

    it('accepts the key header in any case, a JSON charset, and a missing Content-Type', async () => {
      const replies = await Promise.all([
        postOrder(validOrder('a'), { 'content-type': 'application/json', 'X-API-Key': API_KEY }),
        postOrder(validOrder('b'), { 'content-type': 'Application/JSON; charset=UTF-8', 'x-api-key': API_KEY }),
        postOrder(validOrder('c'), { 'x-api-key': API_KEY }),
      ]);
      expect(replies.map((reply) => reply.status)).to.deep.equal([200, 200, 200]);
    });

    it('accepts a key configured by its SHA-256 digest only', async () => {
      await start({ apiKeys: [{ id: 'hashed', sha256: createHash('sha256').update('s3cret-value').digest('hex') }] });
      const reply = await postOrder(validOrder(), { 'content-type': 'application/json', 'x-api-key': 's3cret-value' });
      expect(reply.status).to.equal(200);
    });
  });

  describe('403 Forbidden', () => {
    const cases: Array<[string, Record<string, string>]> = [
      ['no key', { 'content-type': 'application/json' }],
      ['an empty key', { 'content-type': 'application/json', 'x-api-key': '' }],
      ['a wrong key', { 'content-type': 'application/json', 'x-api-key': 'nope' }],
      ['a key with one character changed', { 'content-type': 'application/json', 'x-api-key': `${API_KEY.slice(0, -1)}X` }],
      ['the key in another header', { 'content-type': 'application/json', authorization: API_KEY }],
    ];
    for (const [label, headers] of cases) {
      it(`answers 403 {"message":"Forbidden"} for ${label}, and starts nothing`, async () => {
        const reply = await postOrder(validOrder(), headers);

        expect(reply.status).to.equal(403);
        expect(reply.json).to.deep.equal({ message: 'Forbidden' });
        expect(reply.headers['x-amzn-errortype']).to.equal('ForbiddenException');
        expect(fake.startCalls).to.deep.equal([]);
      });
    }

    it('guards GET /orders/{orderId} too', async () => {
      await postOrder(validOrder());
      const reply = await send({ path: '/orders/order-1' });
      expect(reply.status).to.equal(403);
      expect(reply.json).to.deep.equal({ message: 'Forbidden' });
    });
  });

  describe('400 Invalid request body', () => {
    const cases: Array<[string, unknown, string]> = [
      ['a missing orderId', { ...validOrder(), orderId: undefined }, 'orderId'],
      ['a numeric total', { ...validOrder(), total: '19' }, 'total'],
      ['a customer email that is not a string', { ...validOrder(), customer: { id: 'c', name: 'n', email: 3 } }, 'customer.email'],
      ['a quantity given as a string', { ...validOrder(), items: [{ sku: 'S', quantity: '2', unitPrice: 1 }] }, 'items[0].quantity'],
      ['an address without a country', { ...validOrder(), shippingAddress: { line1: 'l', city: 'c', postalCode: 'p' } }, 'shippingAddress.country'],
      ['an array body', [validOrder()], '(root)'],
      ['a null body', null, '(root)'],
      ['an orderId with a slash', validOrder('a/b'), 'orderId'],
      ['an orderId of 81 characters', validOrder('x'.repeat(81)), 'orderId'],
      ['an empty orderId', validOrder(''), 'orderId'],
      ['an orderId with a control character', validOrder('a\u0000b'), 'orderId'],
    ];
    for (const [label, body, field] of cases) {
      it(`answers 400 naming ${field} for ${label}, and starts nothing`, async () => {
        const reply = await postOrder(body);

        expect(reply.status).to.equal(400);
        const json = reply.json as { message: string; errors: string[] };
        expect(json.message).to.equal('Invalid request body');
        expect(json.errors.some((error) => error.startsWith(`${field}:`))).to.equal(true, JSON.stringify(json.errors));
        expect(fake.startCalls).to.deep.equal([]);
      });
    }

    it('never echoes a card number given in place of a token', async () => {
      const reply = await postOrder({ ...validOrder(), paymentToken: 4111111111111111 });

      expect(reply.status).to.equal(400);
      expect(reply.text).not.to.contain('4111111111111111');
      expect(reply.text).to.contain('paymentToken');
    });

    // A well-typed card number would otherwise land in the execution's input and history.
    for (const [field, order] of [
      ['paymentToken', { ...validOrder(), paymentToken: '4111 1111 1111 1111' }],
      ['customer.name', { ...validOrder(), customer: { ...validOrder().customer, name: '5500-0000-0000-0004' } }],
    ] as const) {
      it(`refuses a card number in ${field}, naming the field, not the value, and starts nothing`, async () => {
        const reply = await postOrder(order);

        expect(reply.status).to.equal(400);
        expect((reply.json as { errors: string[] }).errors.some((error) => error.startsWith(`${field}:`))).to.equal(true, reply.text);
        expect(reply.text).not.to.match(/4111|5500/);
        expect(fake.startCalls).to.deep.equal([]);
      });
    }
  });

  describe('413 Request Too Long', () => {
    const overLimit = JSON.stringify({ ...validOrder(), padding: 'x'.repeat(256 * 1024) });

    it('answers 413 for a declared Content-Length over 256 KiB', async () => {
      const reply = await postOrder(overLimit);
      expect(reply.status).to.equal(413);
      expect(reply.json).to.deep.equal({ message: 'Request Too Long' });
      expect(fake.startCalls).to.deep.equal([]);
    });

    it('answers 413 for a chunked body that grows over 256 KiB, without reading the rest', async () => {
      const reply = await send({ method: 'POST', path: '/orders', headers: JSON_HEADERS, body: 'x'.repeat(4 * 1024 * 1024), chunked: true });
      expect(reply.status).to.equal(413);
      expect(reply.headers.connection).to.equal('close');
    });

    it('reads a body of exactly 256 KiB', async () => {
      const base = JSON.stringify({ ...validOrder('exact'), padding: '' });
      const exact = base.replace('"padding":""', `"padding":"${'x'.repeat(256 * 1024 - base.length)}"`);
      expect(Buffer.byteLength(exact)).to.equal(256 * 1024);

      const reply = await postOrder(exact);

      expect(reply.status).to.equal(200);
    });
  });

  describe('415 Unsupported Media Type', () => {
    const cases: Array<[string, string | Buffer, Record<string, string>]> = [
      ['a text/plain body', JSON.stringify(validOrder()), { ...JSON_HEADERS, 'content-type': 'text/plain' }],
      ['a form body', 'orderId=1', { ...JSON_HEADERS, 'content-type': 'application/x-www-form-urlencoded' }],
      ['a non-UTF-8 charset', JSON.stringify(validOrder()), { ...JSON_HEADERS, 'content-type': 'application/json; charset=latin1' }],
      ['unparsable JSON', '{"orderId": ', JSON_HEADERS],
      ['an empty body', '', JSON_HEADERS],
      ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), JSON_HEADERS],
      ['a lone surrogate in UTF-8 bytes', Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]), JSON_HEADERS],
    ];
    for (const [label, body, headers] of cases) {
      it(`answers 415 for ${label}`, async () => {
        const reply = await send({ method: 'POST', path: '/orders', headers, body });
        expect(reply.status).to.equal(415);
        expect(reply.json).to.deep.equal({ message: 'Unsupported Media Type' });
        expect(fake.startCalls).to.deep.equal([]);
      });
    }
  });

  describe('429 usage plan', () => {
    it('answers {"message":"Too Many Requests"} over the rate, refilling at rateLimit per second', async () => {
      // Prepare
      await start({ usagePlan: { throttle: { rateLimit: 1, burstLimit: 2 } } });

      // Act
      const burst = [];
      for (const id of ['a', 'b', 'c']) burst.push(await postOrder(validOrder(id)));
      clock += 1_000;
      const afterOneSecond = await postOrder(validOrder('d'));
      const immediatelyAgain = await postOrder(validOrder('e'));

      // Assess
      expect(burst.map((reply) => reply.status)).to.deep.equal([200, 200, 429]);
      expect(burst[2]?.json).to.deep.equal({ message: 'Too Many Requests' });
      expect(afterOneSecond.status).to.equal(200);
      expect(immediatelyAgain.status).to.equal(429);
      expect(fake.startCalls.map((order) => order.orderId)).to.deep.equal(['a', 'b', 'd']);
    });

    it('answers {"message":"Limit Exceeded"} over the daily quota, until the next UTC day', async () => {
      await start({ usagePlan: { throttle: { rateLimit: 100, burstLimit: 100 }, quota: { limit: 2, period: 'DAY' } } });

      const statuses = [];
      for (const id of ['a', 'b', 'c']) statuses.push((await postOrder(validOrder(id))).status);
      const overQuota = await send({ path: '/orders/a', headers: { 'x-api-key': API_KEY } });
      clock = Date.UTC(2026, 0, 2, 0, 0, 0, 1);
      const nextDay = await postOrder(validOrder('d'));

      expect(statuses).to.deep.equal([200, 200, 429]);
      expect(overQuota.status).to.equal(429);
      expect(overQuota.json).to.deep.equal({ message: 'Limit Exceeded' });
      expect(nextDay.status).to.equal(200);
    });

    it('meters each key on its own', async () => {
      await start({ usagePlan: { throttle: { rateLimit: 1, burstLimit: 1 } } });

      const main = await postOrder(validOrder('a'));
      const other = await postOrder(validOrder('b'), { ...JSON_HEADERS, 'x-api-key': OTHER_API_KEY });
      const mainAgain = await postOrder(validOrder('c'));

      expect([main.status, other.status, mainAgain.status]).to.deep.equal([200, 200, 429]);
    });
  });

  describe('GET /orders/{orderId}', () => {
    const get = (path: string) => send({ path, headers: { 'x-api-key': API_KEY } });

    it('describes a running execution', async () => {
      await postOrder(validOrder('order-9'));

      const reply = await get('/orders/order-9');

      expect(reply.status).to.equal(200);
      expect(reply.json).to.deep.equal({
        orderId: 'order-9',
        status: 'RUNNING',
        executionArn: `${FAKE_STATE_MACHINE_EXECUTION_PREFIX}order-9`,
        startDate: clock / 1000,
      });
    });

    it('describes a succeeded execution with its output as JSON', async () => {
      await postOrder(validOrder('order-9'));
      fake.settle('order-9', { status: 'SUCCEEDED', stopDate: new Date(clock + 1_500), output: '{"orderId":"order-9","ok":true}' });

      const reply = await get('/orders/order-9');

      expect(reply.json).to.include({ orderId: 'order-9', status: 'SUCCEEDED', stopDate: (clock + 1_500) / 1000 });
      expect((reply.json as { output: unknown }).output).to.deep.equal({ orderId: 'order-9', ok: true });
    });

    it('describes a failed execution with its error and cause', async () => {
      await postOrder(validOrder('order-9'));
      fake.settle('order-9', { status: 'FAILED', stopDate: new Date(clock), error: 'PaymentDeclined', cause: 'card_declined' });

      const reply = await get('/orders/order-9');

      expect(reply.json).to.deep.include({ status: 'FAILED', error: 'PaymentDeclined', cause: 'card_declined' });
      expect(reply.json).not.to.have.property('output');
    });

    it('finds an orderId given percent-encoded', async () => {
      await postOrder(validOrder('order.9_x'));
      expect((await get('/orders/order%2E9_x')).status).to.equal(200);
    });
  });

  describe('404', () => {
    const unknownOrders = [
      '/orders/unknown',
      '/orders/..%2f..',
      '/orders/..%2F..%2Fetc%2Fpasswd',
      '/orders/%ff',
      '/orders/%',
      '/orders/__proto__',
      '/orders/constructor',
      `/orders/${'x'.repeat(5_000)}`,
    ];
    for (const path of unknownOrders) {
      it(`answers 404 {"message":"Order not found"} for GET ${path.slice(0, 40)}`, async () => {
        const reply = await send({ path, headers: { 'x-api-key': API_KEY } });
        expect(reply.status).to.equal(404);
        expect(reply.json).to.deep.equal({ message: 'Order not found' });
      });
    }

    const unknownRoutes: Array<[string, string]> = [
      ['GET', '/'],
      ['GET', '/orders'],
      ['GET', '/orders/'],
      ['GET', '/orders/a/b'],
      ['GET', '/orders/../orders/a'],
      ['GET', '//orders/a'],
      ['POST', '/orders/a'],
      ['DELETE', '/orders/a'],
      ['PUT', '/orders'],
      ['GET', '/ORDERS/a'],
    ];
    for (const [method, path] of unknownRoutes) {
      it(`answers 404 {"message":"Not Found"} for ${method} ${path}`, async () => {
        const reply = await send({ method, path, headers: { 'x-api-key': API_KEY } });
        expect(reply.status).to.equal(404);
        expect(reply.json).to.deep.equal({ message: 'Not Found' });
      });
    }
  });

  describe('409 from a port refusing a known orderId', () => {
    it('answers 409 when the port throws ExecutionAlreadyExists', async () => {
      await start({
        executions: {
          start: async () => {
            throw Object.assign(new Error("Execution Already Exists: 'arn:…'"), { name: 'ExecutionAlreadyExists' });
          },
          describe: async () => undefined,
        },
      });

      const reply = await postOrder(validOrder());

      expect(reply.status).to.equal(409);
      expect(reply.json).to.deep.equal({ message: 'An order with this orderId already exists with other content' });
    });
  });

  describe('500 from a failing port', () => {
    it('answers 500 {"message":"Internal server error"} without the port’s error text', async () => {
      await start({
        executions: {
          start: async () => {
            throw new Error('database password is hunter2');
          },
          describe: async () => undefined,
        },
      });

      const reply = await postOrder(validOrder());

      expect(reply.status).to.equal(500);
      expect(reply.json).to.deep.equal({ message: 'Internal server error' });
    });
  });

  describe('Hostile input', () => {
    it('answers 400 to deeply nested JSON, and keeps serving', async () => {
      const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
      const nestedInField = `{"orderId":"a","customer":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`;

      const replies = [await postOrder(deep), await postOrder(nestedInField)];

      expect(replies.map((reply) => reply.status)).to.deep.equal([400, 400]);
      expect((await postOrder(validOrder())).status).to.equal(200);
    });

    it('does not let __proto__ or constructor keys pollute prototypes or reach the port', async () => {
      const body = `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},${JSON.stringify(validOrder('p')).slice(1)}`;
      const bodyInNested = JSON.stringify(validOrder('q')).replace('"customer":{', '"customer":{"__proto__":{"isAdmin":true},');

      const replies = [await postOrder(body), await postOrder(bodyInNested)];

      expect(replies.map((reply) => reply.status)).to.deep.equal([200, 200]);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(({} as Record<string, unknown>).isAdmin).to.equal(undefined);
      for (const order of fake.startCalls) {
        expect(Object.prototype.hasOwnProperty.call(order, '__proto__')).to.equal(false);
        expect(Object.getPrototypeOf(order)).to.equal(Object.prototype);
        expect(Object.getPrototypeOf(order.customer)).to.equal(Object.prototype);
        expect(Object.keys(order.customer)).to.deep.equal(['id', 'name', 'email']);
      }
    });

    it('answers 431 to huge headers, and keeps serving', async () => {
      const raw = await rawExchange(api.port, `GET /orders/a HTTP/1.1\r\nHost: x\r\nx-api-key: ${API_KEY}\r\nx-big: ${'a'.repeat(100_000)}\r\n\r\n`);
      expect(raw.startsWith('HTTP/1.1 431')).to.equal(true, raw.slice(0, 40));
      expect((await postOrder(validOrder())).status).to.equal(200);
    });

    it('answers 400 to malformed HTTP and to invalid bytes in a header, and keeps serving', async () => {
      const garbage = await rawExchange(api.port, 'NOT HTTP AT ALL\r\n\r\n');
      const badHeader = await rawExchange(api.port, Buffer.concat([Buffer.from('GET /orders/a HTTP/1.1\r\nHost: x\r\nx-api-key: '), Buffer.from([0xff, 0x00, 0xfe]), Buffer.from('\r\n\r\n')]));
      expect(garbage.startsWith('HTTP/1.1 400')).to.equal(true, garbage.slice(0, 40));
      expect(badHeader.slice(0, 12)).to.match(/^HTTP\/1\.1 4\d\d$/);
      expect((await postOrder(validOrder())).status).to.equal(200);
    });

    it('treats a __proto__ header as any other header', async () => {
      const raw = await rawExchange(api.port, `GET /orders/a HTTP/1.1\r\nHost: x\r\n__proto__: {"x-api-key":"${API_KEY}"}\r\nConnection: close\r\n\r\n`);
      expect(raw.startsWith('HTTP/1.1 403')).to.equal(true, raw.slice(0, 40));
    });

    it('survives a client that disconnects mid-body', async () => {
      await rawExchange(api.port, `POST /orders HTTP/1.1\r\nHost: x\r\nx-api-key: ${API_KEY}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"orderId":`, 50);
      expect((await postOrder(validOrder())).status).to.equal(200);
    });
  });

  describe('Access log', () => {
    it('records route, status and key id, never the key or the body', async () => {
      await postOrder({ ...validOrder('logged'), cardNumber: '4111 1111 1111 1111' });
      await postOrder(validOrder(), { 'content-type': 'application/json', 'x-api-key': 'wrong-key-value' });
      await send({ path: '/nowhere' });

      expect(accessLog.map(({ route, status, apiKeyId }) => ({ route, status, apiKeyId }))).to.deep.equal([
        { route: 'POST /orders', status: 200, apiKeyId: 'key-main' },
        { route: 'POST /orders', status: 403, apiKeyId: undefined },
        { route: 'unmatched', status: 404, apiKeyId: undefined },
      ]);
      const text = JSON.stringify(accessLog);
      for (const secret of [API_KEY, 'wrong-key-value', '4111', 'cardNumber']) expect(text).not.to.contain(secret);
    });
  });
});
