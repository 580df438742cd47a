/**
 * The dashboard in a real browser (Debian's chromium through playwright-core), over the real
 * engine running the order workflow with stand-in tasks: the numbers on the page are the
 * /metrics API's, every widget of the monitoring definition is drawn, and a failed execution's
 * error and cause are one click from the failures list. Screenshots go to test-artifacts/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../support/browser';
import { createStoreMonitoringSource, startDashboardServer, type DashboardServer, type MetricsReport } from '../../../local/dashboard';
import { ORDER_WORKFLOW_DASHBOARD } from '../../../workflow/monitoring';
import { createOrderRun, type OrderRun, type Scenario } from './support/orderRun';

const ARTIFACTS = path.resolve(__dirname, '..', '..', '..', 'test-artifacts');
const BATCH: Scenario[] = [
  ...Array<Scenario>(10).fill('ok'),
  'declined',
  'declined',
  'flakyPayment',
  'flakyPayment',
  'brokenPayment',
  'outOfStock',
  'invalid',
];

// The page's formatting (public/app.js), to compare shown text with the API's numbers.
const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');
const fmtPct = (n: number | null): string => (n === null ? '–' : `${n.toFixed(1)}%`);
const fmtMs = (n: number | null): string => (n === null ? '–' : n >= 10000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`);

describe('Dashboard in a browser', function () {
  this.timeout(180_000);
  let run: OrderRun;
  let server: DashboardServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  const metrics = async (): Promise<MetricsReport> => (await (await fetch(`${server.url}/metrics?since=15m`)).json()) as MetricsReport;
  const stat = (id: string): Promise<string> => page.locator(`[data-stat="${id}"]`).innerText();

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    run = createOrderRun();
    await run.runBatch(BATCH);
    server = await startDashboardServer(createStoreMonitoringSource(run.store, { invocationLogs: run.logs }));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1500, height: 1100 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the same execution numbers as GET /metrics', async () => {
    // Prepare
    await page.goto(`${server.url}/`);
    await page.locator('[data-stat="started"]').waitFor();
    await page.locator('canvas').first().waitFor();
    // Act
    const report = await metrics();
    // Assess
    expect(report.executions.started).to.equal(BATCH.length);
    expect(await stat('started')).to.equal(fmtInt(report.executions.started));
    expect(await stat('succeeded')).to.equal(fmtInt(report.executions.succeeded));
    expect(await stat('failed')).to.equal(fmtInt(report.executions.failed));
    expect(await stat('successRate')).to.equal(fmtPct(report.executions.successRate));
    expect(await stat('p50')).to.equal(fmtMs(report.durationMs.p50));
    expect(await stat('p99')).to.equal(fmtMs(report.durationMs.p99));
    expect(await stat('retries')).to.equal(fmtInt(report.retries));
    const successWidget = page.locator('[data-widget-title="Success rate"] .value');
    expect(await successWidget.innerText()).to.equal(fmtPct(report.executions.successRate));
    await page.screenshot({ path: path.join(ARTIFACTS, 'overview.png'), fullPage: true });
  });

  it('draws every graph widget of the monitoring definition, and only those', async () => {
    const graphs = ORDER_WORKFLOW_DASHBOARD.widgets.flatMap((w) => (w.kind === 'graph' ? [w] : []));
    const shown = await page.locator('[data-widget-title]').evaluateAll((els) => els.map((e) => e.getAttribute('data-widget-title')));
    expect(shown).to.deep.equal(graphs.map((w) => w.title));
    // Every chart on the page sits in one of those widgets.
    const chartOwners = await page.locator('canvas').evaluateAll((els) => els.map((e) => e.closest('[data-widget-title]')?.getAttribute('data-widget-title') ?? null));
    expect(chartOwners).to.deep.equal(graphs.filter((w) => w.view === 'timeSeries').map((w) => w.title));
    // The Executions chart's legend totals are the report's counts.
    const report = await metrics();
    // The page's own globals (Chart), read as a script: this project compiles without the DOM types.
    const legend: unknown = await page.evaluate(
      `(() => { const c = document.querySelector('[data-widget-title="Executions"] canvas'); const chart = c && Chart.getChart(c); return chart ? chart.data.datasets.map((d) => d.label) : []; })()`,
    );
    expect(legend).to.include.members([`Started (${report.executions.started})`, `Succeeded (${report.executions.succeeded})`, `Failed (${report.executions.failed})`]);
  });

  it('opens a failed execution from the failures list and shows its error, cause, retries and compensation', async () => {
    // Prepare
    await page.goto(`${server.url}/#/failures`);
    const row = page.locator('#failed-executions tr', { hasText: 'brokenPayment' });
    await row.waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'failures.png'), fullPage: true });
    // Act: one click
    await row.locator('a').first().click();
    await page.locator('#failure [data-field="failedState"]').waitFor();
    await page.locator('#graph svg').waitFor();
    // Assess
    expect(await page.locator('#failure [data-field="failedState"]').innerText()).to.contain('ChargePayment');
    expect(await page.locator('#failure [data-field="error"]').innerText()).to.equal('PaymentProcessorUnavailable');
    expect(await page.locator('#failure [data-field="cause"]').innerText()).to.contain('the payment processor is down');
    expect(await page.locator('#failure [data-field="attempts"] li').count()).to.equal(5);
    const after = await page.locator('#failure [data-field="after"]').innerText();
    for (const state of ['Compensate', 'ReleaseInventory', 'NotifyFailure', 'OrderFailed']) expect(after).to.contain(state);
    expect(await page.locator('#graph svg').innerHTML()).to.contain('ChargePayment');
    expect(await page.locator('#states-table tr[data-state="ChargePayment"] .badge').innerText()).to.equal('caught');
    await page.screenshot({ path: path.join(ARTIFACTS, 'failed-execution.png'), fullPage: true });
    await page.locator('#graph').screenshot({ path: path.join(ARTIFACTS, 'failed-execution-graph.png') });
  });

  it('names the step a business failure came from', async () => {
    await page.goto(`${server.url}/#/failures`);
    const row = page.locator('#failed-executions tr', { hasText: 'declined' }).first();
    await row.waitFor();
    await row.locator('a').first().click();
    await page.locator('#failure [data-field="failedState"]').waitFor();
    expect(await page.locator('#failure [data-field="failedState"]').innerText()).to.contain('ChargePayment');
    expect(await page.locator('#failure [data-field="error"]').innerText()).to.equal('PaymentDeclined');
    await page.locator('#graph svg').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'declined-execution.png'), fullPage: true });
    await page.locator('#graph').screenshot({ path: path.join(ARTIFACTS, 'declined-execution-graph.png') });
  });

  it('filters the executions list by status and error', async () => {
    const report = await metrics();
    await page.goto(`${server.url}/#/executions?status=FAILED`);
    await page.locator('#executions-table tbody tr').first().waitFor();
    expect(await page.locator('#executions-table tbody tr').count()).to.equal(report.executions.failed);
    await page.goto(`${server.url}/#/executions?error=Declined`);
    await page.waitForFunction(`document.querySelectorAll('#executions-table tbody tr[data-arn]').length === 2`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'executions.png'), fullPage: true });
  });

  it('updates the overview while executions run', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('[data-stat="started"]').waitFor();
    const before = Number((await stat('started')).replace(/,/g, ''));
    await run.runBatch(['ok', 'declined', 'flakyPayment']);
    await page.waitForFunction(`document.querySelector('[data-stat="started"]')?.textContent === '${before + 3}'`, undefined, { timeout: 10_000 });
    expect(await stat('started')).to.equal(fmtInt((await metrics()).executions.started));
    await page.screenshot({ path: path.join(ARTIFACTS, 'overview-live.png'), fullPage: true });
    expect(pageErrors).to.deep.equal([]);
  });
});
