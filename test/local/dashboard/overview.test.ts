/**
 * The overview is the monitoring definition (workflow/monitoring) drawn with local data: every
 * widget of the definition appears, in order, and every series drawn comes from one of its
 * queries. Its numbers are the /metrics report's.
 */
import { expect } from 'chai';
import { metricsReport, renderOverview } from '../../../local/dashboard';
import { bucketPeriodSeconds, type RenderedGraph } from '../../../local/dashboard/metrics/overview';
import type { MonitoringSnapshot } from '../../../local/dashboard/metrics/snapshot';
import { ORDER_WORKFLOW_DASHBOARD, type GraphWidget } from '../../../workflow/monitoring';
import { emfInvocation, observed } from './support/histories';

const T = Date.parse('2026-03-01T10:00:00Z');
const MIN = 60_000;

const snapshot: MonitoringSnapshot = {
  window: { since: T, until: T + 30 * MIN },
  executions: [
    observed('SUCCEEDED', T + MIN, 900, [
      { name: 'ValidateOrder', fn: 'validateOrder', at: 0, durationMs: 100 },
      { name: 'ChargePayment', fn: 'chargePayment', at: 100, durationMs: 400, attempts: ['PaymentProcessorUnavailable', 'Lambda.TooManyRequestsException', undefined] },
    ]),
    observed('SUCCEEDED', T + 5 * MIN, 1200, [{ name: 'ValidateOrder', fn: 'validateOrder', at: 0, durationMs: 300 }]),
    observed('FAILED', T + 12 * MIN, 2000, [{ name: 'ReserveInventory', fn: 'reserveInventory', at: 0, durationMs: 50, attempts: ['Boom'], failsExecution: { error: 'Boom', cause: 'c' } }], { error: 'Boom', cause: 'c' }),
    observed('RUNNING', T + 29 * MIN, undefined),
  ],
  invocations: [
    emfInvocation(T + 2 * MIN, 'PaymentsDeclined', 'reason', 'CARD_EXPIRED'),
    emfInvocation(T + 3 * MIN, 'PaymentsDeclined', 'reason', 'INSUFFICIENT_FUNDS'),
    emfInvocation(T + 3 * MIN, 'OutOfStock', 'sku', 'SKU-1'),
    emfInvocation(T + 4 * MIN, 'OrdersRejected', 'rule', 'EMPTY_ITEMS'),
    emfInvocation(T + 4 * MIN, 'NotificationsFailed', 'outcome', 'FAILED'),
  ],
  apiRequests: [
    { time: new Date(T + MIN).toISOString(), statusCode: 202, latencyMs: 12 },
    { time: new Date(T + MIN).toISOString(), statusCode: 400, latencyMs: 3 },
    { time: new Date(T + 2 * MIN).toISOString(), statusCode: 503, latencyMs: 40 },
  ],
};

const graphNamed = (title: string): RenderedGraph => {
  const w = renderOverview(ORDER_WORKFLOW_DASHBOARD, snapshot).widgets.find((x): x is RenderedGraph => x.kind === 'graph' && x.title === title);
  if (w === undefined) throw new Error(`no widget ${title}`);
  return w;
};
const totalOf = (title: string, queryId: string): number | null | undefined => graphNamed(title).series.find((s) => s.queryId === queryId)?.total;

describe('Function: renderOverview', () => {
  const rendered = renderOverview(ORDER_WORKFLOW_DASHBOARD, snapshot);

  it('renders every widget of the monitoring definition, in order, with its kind, title, view and width', () => {
    expect(rendered.widgets.map((w) => [w.kind, w.kind === 'graph' ? w.title : w.markdown, w.kind === 'graph' ? w.view : undefined, w.width])).to.deep.equal(
      ORDER_WORKFLOW_DASHBOARD.widgets.map((w) => [w.kind, w.kind === 'graph' ? w.title : w.markdown, w.kind === 'graph' ? w.view : undefined, w.width]),
    );
  });

  it('draws a series for every visible query, and only for queries of its widget', () => {
    ORDER_WORKFLOW_DASHBOARD.widgets.forEach((widget, i) => {
      const drawn = rendered.widgets[i];
      if (widget.kind !== 'graph' || drawn?.kind !== 'graph') return;
      const visible = (widget as GraphWidget).queries.filter((q) => q.kind === 'percent' || q.visible !== false).map((q) => q.id);
      expect([...new Set(drawn.series.map((s) => s.queryId))], widget.title).to.have.members(visible);
      for (const s of drawn.series) expect(s.values.length, `${widget.title} ${s.label}`).to.equal(rendered.buckets.length);
    });
  });

  it("agrees with the /metrics report's counts, success rate and durations", () => {
    const report = metricsReport(snapshot);
    expect(totalOf('Executions', 'started')).to.equal(report.executions.started);
    expect(totalOf('Executions', 'succeeded')).to.equal(report.executions.succeeded);
    expect(totalOf('Executions', 'failed')).to.equal(report.executions.failed);
    expect(totalOf('Success rate', 'successRate')).to.equal(report.executions.successRate);
    expect(totalOf('Execution time', 'p50')).to.equal(report.durationMs.p50);
    expect(totalOf('Execution time', 'p99')).to.equal(report.durationMs.p99);
    expect(graphNamed('Payments declined by reason').series.map((s) => [s.label, s.total])).to.deep.equal(Object.entries(report.business.PaymentsDeclined.by));
  });

  it('sums of the buckets are the totals', () => {
    for (const s of graphNamed('Executions').series) expect(s.values.reduce<number>((a, b) => a + (b ?? 0), 0)).to.equal(s.total);
  });

  const functionCases: Array<[string, string, number]> = [
    ['Function errors', 'chargePayment', 1],
    ['Function errors', 'reserveInventory', 1],
    ['Function errors', 'validateOrder', 0],
    ['Function throttles', 'chargePayment', 1],
    ['Function throttles', 'validateOrder', 0],
  ];
  for (const [title, fn, want] of functionCases) {
    it(`counts ${title} of ${fn} from the task attempts in the histories: ${want}`, () => {
      expect(totalOf(title, fn)).to.equal(want);
    });
  }

  it('gives API requests, client and server errors, and latency', () => {
    expect(['requests', 'clientErrors', 'serverErrors'].map((id) => totalOf('API requests', id))).to.deep.equal([3, 1, 1]);
    expect(totalOf('API latency', 'p99')).to.equal(40);
  });
});

describe('Function: bucketPeriodSeconds', () => {
  const cases: Array<[string, number, number]> = [
    ['5 minutes', 5 * MIN, 5],
    ['15 minutes', 15 * MIN, 15],
    ['1 hour', 60 * MIN, 60],
    ['6 hours (over 60 buckets of the defined 300 s)', 360 * MIN, 600],
    ['24 hours', 1440 * MIN, 1800],
  ];
  for (const [name, span, want] of cases) {
    it(`uses ${want} s buckets over ${name}`, () => {
      expect(bucketPeriodSeconds(span, 300)).to.equal(want);
    });
  }
});
