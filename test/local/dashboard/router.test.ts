import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { ApiRequestLog, createDashboard, createStoreMonitoringSource, type MetricsReport, type RenderedDashboard } from '../../../local/dashboard';
import { SqliteExecutionStore } from '../../../local/store/executions';
import { createOrderRun, type OrderRun } from './support/orderRun';

/** Local mode's composition in small: the dashboard first, then the API's own routes. */
describe('Function: createDashboard (mounted on an API server, over the SQLite store)', function () {
  this.timeout(60_000);
  let run: OrderRun;
  let server: Server;
  let base = '';
  const apiRequests = new ApiRequestLog();

  const get = async (path: string, init?: RequestInit): Promise<{ status: number; type: string; body: string }> => {
    const res = await fetch(`${base}${path}`, init);
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
  };
  const json = async <T>(path: string): Promise<T> => JSON.parse((await get(path)).body) as T;

  before(async () => {
    run = createOrderRun(new SqliteExecutionStore(':memory:'));
    await run.runBatch(['ok', 'ok', 'ok', 'declined', 'brokenPayment', 'flakyPayment', 'invalid']);
    const dashboard = createDashboard(createStoreMonitoringSource(run.store, { invocationLogs: run.logs, apiRequests }));
    server = createServer((req, res) => {
      apiRequests.observe(req, res);
      if (dashboard(req, res)) return;
      res.writeHead(req.url === '/orders' ? 202 : 404, { 'content-type': 'application/json' });
      res.end('{"api":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('leaves requests that are not its own to the API', async () => {
    expect(await get('/orders', { method: 'POST', body: '{}' })).to.include({ status: 202, body: '{"api":true}' });
    expect(await get('/restapis/x')).to.include({ status: 404, body: '{"api":true}' });
  });

  const pages: Array<[string, number, string]> = [
    ['/', 200, 'text/html'],
    ['/dashboard/', 200, 'text/html'],
    ['/dashboard/static/app.js', 200, 'text/javascript'],
    ['/dashboard/static/style.css', 200, 'text/css'],
    ['/dashboard/static/chart.umd.min.js', 200, 'text/javascript'],
    ['/dashboard/static/mermaid.min.js', 200, 'text/javascript'],
    ['/dashboard/static/..%2F..%2Fpackage.json', 404, 'application/json'],
    ['/dashboard/api/nothing', 404, 'application/json'],
    ['/metrics?since=banana', 400, 'application/json'],
    ['/dashboard/api/executions?status=LOST', 400, 'application/json'],
    ['/dashboard/api/executions/arn%3Anope', 404, 'application/json'],
    ['/dashboard/api/executions/arn%3Anope/history', 404, 'application/json'],
  ];
  for (const [path, status, type] of pages) {
    it(`answers GET ${path} with ${status} ${type}`, async () => {
      const res = await get(path);
      expect(res.status).to.equal(status);
      expect(res.type).to.contain(type);
    });
  }

  it('leaves other methods on its paths to the API (POST / is the Step Functions API)', async () => {
    expect(await get('/', { method: 'POST', headers: { 'x-amz-target': 'AWSStepFunctions.ListStateMachines' } })).to.include({ status: 404, body: '{"api":true}' });
    expect(await get('/metrics', { method: 'POST' })).to.include({ body: '{"api":true}' });
  });

  it('serves the metrics of the window', async () => {
    const report = await json<MetricsReport>('/metrics?since=15m');
    expect(report.executions).to.include({ started: 7, succeeded: 4, failed: 3, running: 0 });
    expect(report.retries).to.equal(6);
    expect(report.business.PaymentsDeclined.total).to.equal(1);
    expect(report.business.OrdersRejected.by).to.deep.equal({ EMPTY_ITEMS: 1 });
  });

  it('lists executions filtered by status and by error', async () => {
    const failed = await json<{ total: number; executions: Array<{ status: string }> }>('/dashboard/api/executions?status=FAILED');
    expect(failed.total).to.equal(3);
    expect(failed.executions.every((e) => e.status === 'FAILED')).to.equal(true);
    const declined = await json<{ executions: Array<{ error: string }> }>('/dashboard/api/executions?error=declined');
    expect(declined.executions.map((e) => e.error)).to.deep.equal(['PaymentDeclined']);
    const limited = await json<{ total: number; executions: unknown[] }>('/dashboard/api/executions?limit=2');
    expect([limited.total, limited.executions.length]).to.deep.equal([7, 2]);
  });

  it('gives one execution with its states, timeline, graph, failure analysis and logs', async () => {
    const { executions } = await json<{ executions: Array<{ executionArn: string; name: string }> }>('/dashboard/api/executions?error=PaymentProcessor');
    const arn = executions[0]?.executionArn ?? '';
    const detail = await json<{
      states: Array<{ name: string; outcome: string; retries: number }>;
      timeline: unknown[];
      mermaid: string;
      failure: { failurePoint: { state: string; error: string; input: string }; retries: number };
      invocations: Array<{ stateName: string; lines: Array<{ text: string }> }>;
    }>(`/dashboard/api/executions/${encodeURIComponent(arn)}`);
    expect(detail.states.find((s) => s.name === 'ChargePayment')).to.deep.include({ outcome: 'caught', retries: 4 });
    expect(detail.states.find((s) => s.name === 'NotifySuccess')?.outcome).to.equal('notReached');
    expect(detail.failure.failurePoint).to.include({ state: 'ChargePayment', error: 'PaymentProcessorUnavailable' });
    expect(JSON.parse(detail.failure.failurePoint.input)).to.include({ paymentToken: 'tok_brokenPayment' });
    expect(detail.mermaid.startsWith('flowchart TD')).to.equal(true);
    expect(detail.invocations.filter((i) => i.stateName === 'ChargePayment')).to.have.length(5);
    const history = await json<{ events: Array<{ type: string }> }>(`/dashboard/api/executions/${encodeURIComponent(arn)}/history`);
    expect(history.events[0]?.type).to.equal('ExecutionStarted');
    expect(history.events[history.events.length - 1]?.type).to.equal('ExecutionFailed');
  });

  it('gives the failures of the window with their failure points', async () => {
    const view = await json<{ total: number; executions: Array<{ name: string; failedState: string; failureKind: string }>; errors: Array<{ state: string; error: string }> }>(
      '/dashboard/api/failures?since=15m',
    );
    expect(view.total).to.equal(3);
    const byScenario = Object.fromEntries(view.executions.map((e) => [e.name.split('-')[0], [e.failedState, e.failureKind]]));
    expect(byScenario).to.deep.equal({ declined: ['ChargePayment', 'reported'], brokenPayment: ['ChargePayment', 'caught'], invalid: ['ValidateOrder', 'reported'] });
    expect(view.errors.map((e) => `${e.state}/${e.error}`)).to.include('ChargePayment/PaymentProcessorUnavailable');
  });

  it("draws the API widgets from the requests the server answered", async () => {
    const overview = await json<RenderedDashboard>('/dashboard/api/overview?since=15m');
    const requests = overview.widgets.find((w) => w.kind === 'graph' && w.title === 'API requests');
    const total = requests?.kind === 'graph' ? requests.series.find((s) => s.queryId === 'requests')?.total : undefined;
    expect(total).to.be.at.least(10);
  });
});
