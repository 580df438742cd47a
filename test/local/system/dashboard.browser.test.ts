/**
 * The dashboard of the REAL composed local mode, in a real browser (Debian's chromium through
 * playwright-core): a load with every outcome goes through the order API, and the page's
 * numbers are the test's own count of what it submitted, GET /metrics's, and the order API's;
 * each kind of failed order opens from the failures view with the order API's error and cause;
 * the API widgets count exactly the requests the test made (the page itself sends none to the
 * order API). Screenshots go to test-artifacts/system-*.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../support/browser';
import type { MetricsReport, RenderedDashboard } from '../../../local/dashboard';
import type { OrderSystem } from '../../../local/system';
import { JsonHttpClient } from '../../../local/system/client/httpJson';
import { TERMINAL_STATUSES, type OrderClient, type OrderStatus } from '../../../local/system/client/orderClient';
import { generatedOrder, newOrderId, type OrderKind } from '../../../local/system/client/sampleOrders';
import { TEST_TOKENS } from '../../../handlers/payment/testTokens';
import { transientRetry } from '../../../workflow/orderProcessing';
import { startTestSystem, tempDataDir } from './support';

const ARTIFACTS = path.resolve(__dirname, '..', '..', '..', 'test-artifacts');

/** ChargePayment's retries before its retrier gives up (ASL's default MaxAttempts is 3). */
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
  /** The state the dashboard names as the failure's origin. */
  readonly failedState?: string;
  /** That state raised an error (rather than reporting a business outcome): the error's own cause is shown. */
  readonly raised?: true;
}

const LOAD: readonly LoadCase[] = [
  { label: 'success', kind: 'success', count: 6, status: 'SUCCEEDED' },
  { label: 'retried', kind: 'success', paymentToken: 'tok_processingErrorOnce', count: 2, status: 'SUCCEEDED' },
  { label: 'rejected', kind: 'rejected', count: 2, status: 'FAILED', error: 'InvalidOrder', failedState: 'ValidateOrder' },
  { label: 'declined', kind: 'declined', count: 2, status: 'FAILED', error: 'PaymentDeclined', failedState: 'ChargePayment' },
  { label: 'out-of-stock', kind: 'out-of-stock', count: 2, status: 'FAILED', error: 'OutOfStock', failedState: 'ReserveInventory' },
  { label: 'processor-down', kind: 'success', paymentToken: 'tok_processingError', count: 1, status: 'FAILED', error: 'PaymentProcessorUnavailable', failedState: 'ChargePayment', raised: true },
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
  // Every order API request the test makes, and every one the order API answered: `<route> <status>`.
  const apiRequests: string[] = [];
  const accessLog: string[] = [];

  const getJson = async <T>(route: string): Promise<T> => (await http.send('GET', route)).body as T;
  const metrics = (): Promise<MetricsReport> => getJson<MetricsReport>('/metrics?since=15m');
  const stat = (id: string): Promise<string> => page.locator(`[data-stat="${id}"]`).innerText();
  const status = async (orderId: string): Promise<OrderStatus | undefined> => {
    const found = await client.status(orderId);
    apiRequests.push(`GET /orders/{orderId} ${found === undefined ? 404 : 200}`);
    return found;
  };

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = tempDataDir();
    ({ system, client } = await startTestSystem(dir.path, { onRequest: (entry) => accessLog.push(`${entry.route} ${entry.status}`) }));
    http = new JsonHttpClient(system.url);

    // The load, all at once, through the order API.
    const orders = LOAD.flatMap((load) =>
      Array.from({ length: load.count }, () => {
        const order = generatedOrder(load.kind, newOrderId(load.label));
        return { load, order: load.paymentToken === undefined ? order : { ...order, paymentToken: load.paymentToken } };
      }),
    );
    await Promise.all(
      orders.map(async ({ load, order }) => {
        const reply = await client.postOrder(order);
        apiRequests.push(`POST /orders ${reply.status}`);
        submitted.push({ load, orderId: order.orderId, retries: forcedRetries(order.paymentToken) });
      }),
    );
    // Two requests API Gateway refuses: a wrong key, an unknown order.
    const refused = await http.send('GET', `/orders/${submitted[0]!.orderId}`, { 'x-api-key': 'not-the-key' });
    apiRequests.push(`GET /orders/{orderId} ${refused.status}`);
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

    browser = await launchChromium();
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
    expect(apiRequests.slice(0, submitted.length)).to.deep.equal(submitted.map(() => 'POST /orders 200'));
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

  // Each failure kind, opened from the failures view; a declined order's cause is the order API's word for word.
  for (const load of LOAD.filter((l) => l.status === 'FAILED')) {
    it(`opens a failed order (${load.label}) from the failures view: ${load.failedState}, the order API's error and cause`, async () => {
      // Prepare
      const order = submitted.find((o) => o.load === load);
      const arn = system.executionArnOf(order!.orderId);
      await page.goto(`${system.url}/#/failures`);
      const row = page.locator(`#failed-executions tr[data-arn="${arn}"]`);
      await row.waitFor();
      if (load.label === 'declined') await page.screenshot({ path: path.join(ARTIFACTS, 'system-failures.png'), fullPage: true });

      // Act: one click
      await row.locator('a').first().click();
      await page.locator('#failure [data-field="failedState"]').waitFor();
      await page.locator('#graph svg').waitFor();
      const failedState = await page.locator('#failure [data-field="failedState"]').innerText();
      const error = await page.locator('#failure [data-field="error"]').innerText();
      const cause = await page.locator('#failure [data-field="cause"]').innerText();
      const executionError = await page.locator('#failure [data-field="executionError"]').innerText();
      const attempts = await page.locator('#failure [data-field="attempts"] li').count();
      await page.screenshot({ path: path.join(ARTIFACTS, `system-${load.label}-execution.png`), fullPage: true });

      // Assess
      const api = order?.final;
      expect(api?.cause).to.be.a('string').and.not.equal('');
      expect(failedState.split(' ')[0]).to.equal(load.failedState);
      expect({ error, executionError, attempts }).to.deep.equal({ error: api?.error, executionError: api?.error, attempts: order!.retries + 1 });
      if (load.raised !== true) expect(cause).to.equal(api?.cause);
      // A step that raised an error shows that error's own cause (pretty-printed); the order's cause ends with it.
      else expect(api?.cause?.endsWith(JSON.stringify(JSON.parse(cause)))).to.equal(true);
    });
  }

  it('counts in the API widgets the order API requests the test made, and no request of its own', async () => {
    // Prepare: the page has been opened and navigated; open it again.
    await page.goto(`${system.url}/`);
    await page.locator('[data-widget-title="API requests"] canvas').waitFor();
    const statuses = apiRequests.map((r) => Number(r.split(' ').at(-1)));
    const expected = {
      Requests: statuses.length,
      '4xx': statuses.filter((s) => s >= 400 && s < 500).length,
      '5xx': statuses.filter((s) => s >= 500).length,
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
    expect([...accessLog].sort()).to.deep.equal([...apiRequests].sort());
    expect(totals).to.deep.equal(expected);
    expect(legend).to.deep.equal(Object.entries(expected).map(([label, n]) => `${label} (${n})`));
    expect(pageErrors).to.deep.equal([]);
  });
});
