/**
 * The dashboard of the REAL composed local mode, in a real browser (Debian's chromium through
 * playwright-core): a load with every outcome goes through the order API, and the page's
 * numbers are the test's own count of what it submitted, GET /metrics's, and the order API's;
 * a declined order's failure shows the order API's error and cause; the API widgets count
 * the requests the test made. Screenshots go to test-artifacts/system-*.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { MetricsReport, RenderedDashboard } from '../../../local/dashboard';
import type { OrderSystem } from '../../../local/system';
import { JsonHttpClient } from '../../../local/system/client/httpJson';
import { TERMINAL_STATUSES, type OrderClient, type OrderStatus } from '../../../local/system/client/orderClient';
import { generatedOrder, newOrderId, type OrderKind } from '../../../local/system/client/sampleOrders';
import { TEST_TOKENS } from '../../../handlers/payment/testTokens';
import { transientRetry } from '../../../workflow/orderProcessing';
import { startTestSystem, tempDataDir } from './support';

const ARTIFACTS = path.resolve(__dirname, '..', '..', '..', 'test-artifacts');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];

/** ChargePayment's attempts before its retrier gives up (ASL's default MaxAttempts is 3). */
const CHARGE_MAX_RETRIES = transientRetry('chargePayment').MaxAttempts ?? 3;

/** The retries a payment test token forces on ChargePayment. */
function forcedRetries(token: string): number {
  const outcome = TEST_TOKENS[token];
  return outcome?.kind === 'transient' ? Math.min(outcome.untilAttempt, CHARGE_MAX_RETRIES) : 0;
}

/** One kind of order in the load: the sample it starts from, the token it pays with, its end. */
interface LoadCase {
  readonly label: string;
  readonly kind: OrderKind;
  readonly paymentToken?: string;
  readonly count: number;
  readonly status: 'SUCCEEDED' | 'FAILED';
  readonly error?: string;
}

const LOAD: readonly LoadCase[] = [
  { label: 'success', kind: 'success', count: 6, status: 'SUCCEEDED' },
  { label: 'retried', kind: 'success', paymentToken: 'tok_processingErrorOnce', count: 2, status: 'SUCCEEDED' },
  { label: 'rejected', kind: 'rejected', count: 2, status: 'FAILED', error: 'InvalidOrder' },
  { label: 'declined', kind: 'declined', count: 2, status: 'FAILED', error: 'PaymentDeclined' },
  { label: 'out-of-stock', kind: 'out-of-stock', count: 2, status: 'FAILED', error: 'OutOfStock' },
  { label: 'processor-down', kind: 'success', paymentToken: 'tok_processingError', count: 1, status: 'FAILED', error: 'PaymentProcessorUnavailable' },
];

/** An order the test submitted, and what the order API reported at its end. */
interface Submitted {
  readonly load: LoadCase;
  readonly orderId: string;
  readonly retries: number;
  final?: OrderStatus;
}

/** A number as the page shows it: `1,234`, `53.3%`. */
const shownNumber = (text: string): number => Number(text.replace(/[,%]/g, ''));

describe('Local mode dashboard in a browser', function () {
  this.timeout(60_000);
  let dir: ReturnType<typeof tempDataDir>;
  let system: OrderSystem;
  let client: OrderClient;
  let http: JsonHttpClient;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const submitted: Submitted[] = [];
  // Every order API request the test makes, by status.
  const apiRequests: number[] = [];

  const getJson = async <T>(route: string): Promise<T> => (await http.send('GET', route)).body as T;
  const metrics = (): Promise<MetricsReport> => getJson<MetricsReport>('/metrics?since=15m');
  const stat = (id: string): Promise<string> => page.locator(`[data-stat="${id}"]`).innerText();
  const status = async (orderId: string): Promise<OrderStatus | undefined> => {
    const found = await client.status(orderId);
    apiRequests.push(found === undefined ? 404 : 200);
    return found;
  };

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = tempDataDir();
    ({ system, client } = await startTestSystem(dir.path));
    http = new JsonHttpClient(system.url);

    // The load, all at once, through the order API.
    const orders = LOAD.flatMap((load) =>
      Array.from({ length: load.count }, (_, i) => {
        const order = generatedOrder(load.kind, newOrderId(load.label));
        return { load, order: load.paymentToken === undefined ? order : { ...order, paymentToken: load.paymentToken }, i };
      }),
    );
    await Promise.all(
      orders.map(async ({ load, order }) => {
        const reply = await client.postOrder(order);
        apiRequests.push(reply.status);
        submitted.push({ load, orderId: order.orderId, retries: forcedRetries(order.paymentToken) });
      }),
    );
    // Two requests API Gateway refuses: a wrong key, an unknown order.
    apiRequests.push((await http.send('GET', `/orders/${submitted[0]!.orderId}`, { 'x-api-key': 'not-the-key' })).status);
    await status('no-such-order');

    // Until every order has ended, as a client sees it.
    const deadline = Date.now() + 30_000;
    for (const order of submitted) {
      while (order.final === undefined || !TERMINAL_STATUSES.has(order.final.status)) {
        if (Date.now() > deadline) throw new Error(`order ${order.orderId} did not end: ${JSON.stringify(order.final)}`);
        order.final = await status(order.orderId);
        if (!TERMINAL_STATUSES.has(order.final?.status ?? '')) await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }

    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1500, height: 1100 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  after(async () => {
    await browser?.close();
    http?.close();
    client?.close();
    await system?.stop({ drainMs: 10_000 });
    dir?.remove();
  });

  it('ends every order as its payment token and items say, as GET /orders/{orderId} reports', () => {
    expect(apiRequests.slice(0, submitted.length)).to.deep.equal(submitted.map(() => 200));
    for (const { load, orderId, final } of submitted) {
      expect({ orderId, status: final?.status, error: final?.error }).to.deep.equal({ orderId, status: load.status, error: load.error });
    }
  });

  it('shows the numbers the test submitted, GET /metrics and the order API report', async () => {
    // Prepare
    const expected = {
      started: submitted.length,
      succeeded: submitted.filter((o) => o.load.status === 'SUCCEEDED').length,
      failed: submitted.filter((o) => o.load.status === 'FAILED').length,
      retries: submitted.reduce((n, o) => n + o.retries, 0),
    };
    const reported = {
      started: submitted.length,
      succeeded: submitted.filter((o) => o.final?.status === 'SUCCEEDED').length,
      failed: submitted.filter((o) => o.final?.status === 'FAILED').length,
    };

    // Act
    await page.goto(`${system.url}/`);
    await page.locator('[data-stat="started"]').waitFor();
    await page.locator('canvas').first().waitFor();
    const report = await metrics();
    const shown = {
      started: shownNumber(await stat('started')),
      succeeded: shownNumber(await stat('succeeded')),
      failed: shownNumber(await stat('failed')),
      successRate: await stat('successRate'),
      retries: shownNumber(await stat('retries')),
    };
    await page.screenshot({ path: path.join(ARTIFACTS, 'system-overview.png'), fullPage: true });

    // Assess
    const rate = `${((100 * expected.succeeded) / expected.started).toFixed(1)}%`;
    expect(expected.retries).to.be.greaterThan(0);
    expect(reported).to.deep.equal({ started: expected.started, succeeded: expected.succeeded, failed: expected.failed });
    expect({ ...report.executions, retries: report.retries }).to.deep.include({ ...expected, running: 0, timedOut: 0, aborted: 0 });
    expect(report.executions.successRate?.toFixed(1)).to.equal(rate.slice(0, -1));
    expect(shown).to.deep.equal({ ...expected, successRate: rate });
    expect(await page.locator('[data-widget-title="Success rate"] .value').innerText()).to.equal(rate);
  });

  it('counts in the API widgets the order API requests the test made', async () => {
    // Prepare
    const expected = {
      Requests: apiRequests.length,
      '4xx': apiRequests.filter((s) => s >= 400 && s < 500).length,
      '5xx': apiRequests.filter((s) => s >= 500).length,
    };

    // Act
    const overview = await getJson<RenderedDashboard>('/dashboard/api/overview?since=15m');
    const widget = overview.widgets.find((w) => w.kind === 'graph' && w.title === 'API requests');
    const totals = widget?.kind === 'graph' ? Object.fromEntries(widget.series.map((s) => [s.label, s.total])) : {};
    // The chart's legend, read from the page's own Chart global (this project compiles without the DOM types).
    const legend: unknown = await page.evaluate(
      `(() => { const c = document.querySelector('[data-widget-title="API requests"] canvas'); const chart = c && Chart.getChart(c); return chart ? chart.data.datasets.map((d) => d.label) : []; })()`,
    );
    await page.locator('[data-widget-title="API requests"]').screenshot({ path: path.join(ARTIFACTS, 'system-api-requests.png') });

    // Assess
    expect(expected['4xx']).to.equal(2);
    expect(totals).to.deep.equal(expected);
    expect(legend).to.deep.equal(Object.entries(expected).map(([label, n]) => `${label} (${n})`));
  });

  it('opens a declined order from the failures view with the order API error and cause', async () => {
    // Prepare
    const declined = submitted.find((o) => o.load.label === 'declined');
    const arn = system.executionArnOf(declined!.orderId);
    await page.goto(`${system.url}/#/failures`);
    const row = page.locator(`#failed-executions tr[data-arn="${arn}"]`);
    await row.waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'system-failures.png'), fullPage: true });

    // Act: one click
    await row.locator('a').first().click();
    await page.locator('#failure [data-field="failedState"]').waitFor();
    await page.locator('#graph svg').waitFor();

    // Assess
    expect(declined?.final?.cause).to.be.a('string').and.not.equal('');
    expect(await page.locator('#failure [data-field="failedState"]').innerText()).to.match(/^ChargePayment\b/);
    expect(await page.locator('#failure [data-field="error"]').innerText()).to.equal(declined?.final?.error);
    expect(await page.locator('#failure [data-field="cause"]').innerText()).to.equal(declined?.final?.cause);
    expect(await page.locator('#failure [data-field="executionError"]').innerText()).to.equal(declined?.final?.error);
    await page.screenshot({ path: path.join(ARTIFACTS, 'system-declined-execution.png'), fullPage: true });
    expect(pageErrors).to.deep.equal([]);
  });
});
