/**
 * Secrets and card data: after a run with the test tokens and with card-number-looking values
 * typed into an order's fields, no card number appears anywhere local mode keeps or shows
 * anything: the raw bytes of every file of its data directory (databases, WAL included), its
 * logs (the server's stdout and stderr), execution histories, and the dashboard's responses.
 * The API key appears in none of them either (only in the key file and the start banner).
 */
import { expect } from 'chai';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { JsonHttpClient } from '../../local/system/client/httpJson';
import { OrderClient } from '../../local/system/client/orderClient';
import { generatedOrder, newOrderId } from '../../local/system/client/sampleOrders';
import type { Order } from '../../workflow/contracts';
import { spawnedServerSuite } from '../local/system/support';
import { recordFigure } from './support/figures';
import { CARD_NUMBERS } from './support/hostileRequests';

const API_KEY = 'secret-key-hardening-Zq8w3n4Jt7Lp0aX';

/** Each way a card number can be written, so that a stored or logged one is found in any form. */
const CARD_FORMS = [...new Set(CARD_NUMBERS.flatMap((card) => [card, card.replace(/[ -]/g, '')]))];

/** Orders carrying a card number somewhere a customer might type one. */
function cardCarryingOrders(): Order[] {
  const base = (): Order => generatedOrder('success', newOrderId('card'));
  return CARD_NUMBERS.flatMap((card) => {
    const digits = card.replace(/[ -]/g, '');
    const order = base();
    return [
      { ...base(), paymentToken: card },
      { ...base(), paymentToken: `tok_${digits}` },
      { ...base(), customer: { ...order.customer, name: `Ada ${card}` } },
      { ...base(), customer: { ...order.customer, id: digits } },
      { ...base(), customer: { ...order.customer, email: `${digits}@example.com` } },
      { ...base(), shippingAddress: { ...order.shippingAddress, line1: `${card} Analytical Row` } },
      { ...base(), shippingAddress: { ...order.shippingAddress, line2: card } },
      { ...base(), orderId: digits },
      { ...base(), cardNumber: card } as Order,
    ];
  });
}

/** The places a secret was found, as `<where>: <which>` lines. */
function findSecrets(where: string, text: string | Buffer, secrets: readonly string[]): string[] {
  const haystack = typeof text === 'string' ? text : text.toString('latin1');
  return secrets.filter((secret) => haystack.includes(secret)).map((secret) => `${where}: ${secret}`);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

describe('Hardening: no card number or API key is stored, logged or shown', function () {
  this.timeout(120_000);
  const suite = spawnedServerSuite();

  it('keeps card numbers out of the data directory, the logs, the histories and the dashboard', async () => {
    // Prepare
    const dataDir = suite.dataDir;
    const server = await suite.spawn({ env: { ORDERS_API_KEY: API_KEY } });
    const client = new OrderClient(server.url, API_KEY);
    const http = new JsonHttpClient(server.url);
    const bannerEnd = server.output().length;
    const tokens = ['tok_visa', 'tok_mastercard', 'tok_amex', 'tok_chargeDeclined', 'tok_chargeDeclinedFraudulent', 'tok_processingErrorOnce', 'tok_processingError'];
    const orders = [...tokens.map((paymentToken) => ({ ...generatedOrder('success', newOrderId('token')), paymentToken })), ...cardCarryingOrders()];

    // Act: submit them all, probe with card numbers in paths and headers, and wait for every order.
    const accepted: string[] = [];
    for (const order of orders) if ((await client.postOrder(order)).status === 200) accepted.push(order.orderId);
    for (const card of CARD_NUMBERS) {
      await http.send('GET', `/orders/${encodeURIComponent(card)}`, { 'x-api-key': API_KEY });
      await http.send('GET', '/orders/x', { 'x-api-key': card });
    }
    for (const orderId of accepted) await client.waitForTerminal(orderId, 60_000, 100);

    const shown: Array<[string, string]> = [];
    for (const route of ['/metrics', '/dashboard/api/overview', '/dashboard/api/failures', '/dashboard/api/executions?limit=5000']) {
      shown.push([route, JSON.stringify((await http.send('GET', route)).body)]);
    }
    for (const orderId of accepted) {
      const arn = encodeURIComponent((await client.status(orderId))!.executionArn);
      shown.push([`history of ${orderId}`, JSON.stringify(await client.history(decodeURIComponent(arn)))]);
      for (const route of [`/dashboard/api/executions/${arn}`, `/dashboard/api/executions/${arn}/history`]) shown.push([route, JSON.stringify((await http.send('GET', route)).body)]);
      shown.push([`GET /orders/${orderId}`, JSON.stringify((await http.send('GET', `/orders/${orderId}`, { 'x-api-key': API_KEY })).body)]);
    }
    const filesWhileRunning = filesUnder(dataDir).map((file) => [file, readFileSync(file)] as const);
    client.close();
    http.close();
    await server.stop('SIGINT');
    const filesAfterStop = filesUnder(dataDir).map((file) => [file, readFileSync(file)] as const);

    const found: string[] = [];
    for (const [file, bytes] of [...filesWhileRunning, ...filesAfterStop]) {
      found.push(...findSecrets(path.relative(suite.path, file), bytes, CARD_FORMS));
      if (path.basename(file) !== 'api-key') found.push(...findSecrets(path.relative(suite.path, file), bytes, [API_KEY]));
    }
    const logs = server.output().slice(bannerEnd);
    found.push(...findSecrets('server output', server.output(), CARD_FORMS), ...findSecrets('server logs', logs, [API_KEY]));
    for (const [where, text] of shown) found.push(...findSecrets(where, text, [...CARD_FORMS, API_KEY]));
    const walFiles = filesWhileRunning.filter(([file]) => file.endsWith('-wal')).length;
    recordFigure('secrets.ordersSubmitted', orders.length);
    recordFigure('secrets.placesScanned', filesWhileRunning.length + filesAfterStop.length + shown.length + 1);
    recordFigure('secrets.leaks', found.length);

    // Assess: the scan saw real data (WAL files, log lines, histories), and found nothing.
    expect(walFiles).to.be.greaterThan(0);
    expect(accepted.length).to.be.greaterThan(tokens.length - 1);
    expect(found, [...new Set(found.map((line) => line.replace(/executions\/[^ ]*/, 'executions/…')))].slice(0, 30).join('\n')).to.deep.equal([]);
  });
});
