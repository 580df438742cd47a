import { expect } from 'chai';
import { metricsReport } from '../../../local/dashboard';
import type { MonitoringSnapshot, ObservedExecution } from '../../../local/dashboard/metrics/snapshot';
import { emfInvocation, observed } from './support/histories';

const T = Date.parse('2026-03-01T10:00:00Z');
const MIN = 60_000;
const window = { since: T, until: T + 10 * MIN };
const snapshotOf = (executions: ObservedExecution[], invocations = [] as MonitoringSnapshot['invocations']): MonitoringSnapshot => ({
  window,
  executions,
  invocations,
  apiRequests: [],
});

describe('Function: metricsReport', () => {
  describe('execution counts', () => {
    const cases: Array<{ name: string; executions: () => ObservedExecution[]; want: Record<string, number | null> }> = [
      { name: 'nothing', executions: () => [], want: { started: 0, succeeded: 0, failed: 0, running: 0, successRate: null } },
      {
        name: 'three succeeded, one failed',
        executions: () => [observed('SUCCEEDED', T + MIN, 100), observed('SUCCEEDED', T + MIN, 200), observed('SUCCEEDED', T + 2 * MIN, 300), observed('FAILED', T + 3 * MIN, 50)],
        want: { started: 4, succeeded: 3, failed: 1, running: 0, successRate: 75 },
      },
      {
        name: 'started before the window, ended in it: ended, not started',
        executions: () => [observed('SUCCEEDED', T - MIN, 2 * MIN)],
        want: { started: 0, succeeded: 1, failed: 0, running: 0, successRate: 100 },
      },
      {
        name: 'started in the window, ended after it: started, not ended',
        executions: () => [observed('FAILED', T + 9 * MIN, 5 * MIN)],
        want: { started: 1, succeeded: 0, failed: 0, running: 0, successRate: null },
      },
      {
        name: 'still running, timed out and aborted',
        executions: () => [observed('RUNNING', T + MIN, undefined), observed('TIMED_OUT', T + MIN, 1000), observed('ABORTED', T + MIN, 1000), observed('SUCCEEDED', T + MIN, 1000)],
        want: { started: 4, succeeded: 1, failed: 0, timedOut: 1, aborted: 1, running: 1, successRate: 100 / 3 },
      },
    ];
    for (const c of cases) {
      it(`counts ${c.name}`, () => {
        const report = metricsReport(snapshotOf(c.executions()));
        expect(report.executions).to.include(c.want);
      });
    }
  });

  it('gives duration percentiles of the executions that ended in the window', () => {
    const executions = Array.from({ length: 10 }, (_, i) => observed('SUCCEEDED', T + MIN, (i + 1) * 100));
    executions.push(observed('SUCCEEDED', T - 5 * MIN, 60_000)); // ended before the window
    expect(metricsReport(snapshotOf(executions)).durationMs).to.deep.equal({ count: 10, p50: 500, p90: 900, p99: 1000 });
  });

  it('gives per-state durations, retries and errors', () => {
    const report = metricsReport(
      snapshotOf([
        observed('SUCCEEDED', T + MIN, 1000, [
          { name: 'Validate', at: 0, durationMs: 100 },
          { name: 'Charge', at: 100, durationMs: 300, attempts: ['Busy', 'Busy', undefined] },
        ]),
        observed('SUCCEEDED', T + MIN, 1000, [
          { name: 'Validate', at: 0, durationMs: 300 },
          { name: 'Charge', at: 300, durationMs: 100 },
        ]),
      ]),
    );
    expect(report.retries).to.equal(2);
    expect(report.states).to.deep.equal([
      { state: 'Validate', entered: 2, durationMs: { count: 2, p50: 100, p90: 300, p99: 300 }, retries: 0, errors: 0 },
      { state: 'Charge', entered: 2, durationMs: { count: 2, p50: 100, p90: 300, p99: 300 }, retries: 2, errors: 2 },
    ]);
  });

  it('groups errors by state and name, with the count and the latest example', () => {
    const first = observed('FAILED', T + MIN, 500, [{ name: 'Charge', at: 0, durationMs: 100, attempts: ['Down'], failsExecution: { error: 'Down', cause: 'Down cause' } }], { error: 'Down', cause: 'Down cause' });
    const latest = observed('FAILED', T + 2 * MIN, 500, [{ name: 'Charge', at: 0, durationMs: 100, attempts: ['Busy', 'Down'], failsExecution: { error: 'Down', cause: 'Down cause' } }], { error: 'Down', cause: 'Down cause' });
    const declined = observed('FAILED', T + 3 * MIN, 500, [{ name: 'OrderFailed', type: 'Fail', at: 0, durationMs: 0, failsExecution: { error: 'PaymentDeclined', cause: 'no funds' } }], { error: 'PaymentDeclined', cause: 'no funds' });
    const report = metricsReport(snapshotOf([first, latest, declined]));
    expect(report.errors.map((e) => [e.state, e.error, e.count, e.executions])).to.deep.equal([
      ['Charge', 'Down', 2, 2],
      ['Charge', 'Busy', 1, 1],
      ['OrderFailed', 'PaymentDeclined', 1, 1],
    ]);
    expect(report.errors[0]?.latest).to.deep.equal({ executionArn: latest.execution.executionArn, timestamp: new Date(T + 2 * MIN + 100).toISOString(), cause: 'Down cause' });
  });

  it("counts the handlers' business metrics from their EMF lines, by dimension", () => {
    const report = metricsReport(
      snapshotOf(
        [],
        [
          emfInvocation(T + MIN, 'PaymentsDeclined', 'reason', 'CARD_EXPIRED'),
          emfInvocation(T + 2 * MIN, 'PaymentsDeclined', 'reason', 'CARD_EXPIRED'),
          emfInvocation(T + 2 * MIN, 'PaymentsDeclined', 'reason', 'INSUFFICIENT_FUNDS'),
          emfInvocation(T + 3 * MIN, 'OutOfStock', 'sku', 'SKU-1', 2),
          emfInvocation(T + 4 * MIN, 'OrdersRejected', 'rule', 'EMPTY_ITEMS'),
          emfInvocation(T + 20 * MIN, 'OrdersRejected', 'rule', 'EMPTY_ITEMS'), // after the window
          emfInvocation(T + 5 * MIN, 'NotificationsFailed', 'outcome', 'FAILED'),
          emfInvocation(T + 5 * MIN, 'SomethingElse', 'x', 'y'),
        ],
      ),
    );
    expect(report.business).to.deep.equal({
      PaymentsDeclined: { total: 3, dimension: 'reason', by: { CARD_EXPIRED: 2, INSUFFICIENT_FUNDS: 1 } },
      OutOfStock: { total: 2, dimension: 'sku', by: { 'SKU-1': 2 } },
      OrdersRejected: { total: 1, dimension: 'rule', by: { EMPTY_ITEMS: 1 } },
      NotificationsFailed: { total: 1, dimension: 'outcome', by: { FAILED: 1 } },
    });
  });
});
