import Database from 'better-sqlite3';
import { expect } from 'chai';
import { ApiRequestLog, createStoreMonitoringSource, InvocationLogBook, invocationLogsOf, metricsReport, takeSnapshot, type CompletedInvocation } from '../../../local/dashboard';
import { createEngine, MemoryExecutionStore } from '../../../local/engine';
import type { InvocationRecord } from '../../../local/lambda';
import { InvocationLogStore } from '../../../local/system';
import { createOrderRun } from './support/orderRun';

const T = Date.parse('2026-03-01T10:00:00Z');

const invocation = (startedAt: number, requestId: string, lines: string[] = [], failed = false): CompletedInvocation & InvocationRecord => ({
  functionName: 'chargePayment',
  functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:chargePayment',
  requestId,
  statusCode: 200,
  executedVersion: '$LATEST',
  payload: failed ? '{"errorType":"Boom","errorMessage":"b"}' : '{}',
  ...(failed ? { functionError: 'Unhandled' as const } : {}),
  startedAt: new Date(startedAt),
  endedAt: new Date(startedAt + 5),
  durationMs: 5,
  logs: lines.map((text) => ({ stream: 'stdout' as const, text, time: new Date(startedAt + 1) })),
  droppedLogLines: 0,
});

describe('Class: InvocationLogBook', () => {
  it('keeps invocations by execution and answers window queries', () => {
    // Prepare
    const book = new InvocationLogBook();
    book.record({ executionArn: 'e1', stateName: 'Charge' }, invocation(T, 'a', ['hello']));
    book.record({ executionArn: 'e2', stateName: 'Charge' }, invocation(T + 1000, 'b', [], true));
    book.record({}, invocation(T + 5000, 'c'));
    // Act / Assess
    expect(book.forExecution('e1').map((i) => [i.requestId, i.stateName, i.lines.map((l) => l.text)])).to.deep.equal([['a', 'Charge', ['hello']]]);
    expect(book.forExecution('e2')[0]?.functionError).to.equal(true);
    expect(book.between({ since: T + 500, until: T + 5000 }).map((i) => i.requestId)).to.deep.equal(['b']);
  });

  it('forgets the oldest past its capacity', () => {
    const book = new InvocationLogBook(2);
    for (const id of ['a', 'b', 'c']) book.record({ executionArn: 'e' }, invocation(T, id));
    expect(book.forExecution('e').map((i) => i.requestId)).to.deep.equal(['b', 'c']);
    expect(book.between({ since: 0, until: T + 1 })).to.have.length(2);
  });
});

describe('Class: ApiRequestLog', () => {
  it("records the order API's access log entries as requests with status and latency", () => {
    const log = new ApiRequestLog(10, () => T + 100);
    log.recordAccess({ status: 202, durationMs: 40 });
    log.recordAccess({ status: 429, durationMs: 1 });
    expect(log.between({ since: T, until: T + 200 })).to.deep.equal([
      { time: new Date(T + 60).toISOString(), statusCode: 202, latencyMs: 40 },
      { time: new Date(T + 99).toISOString(), statusCode: 429, latencyMs: 1 },
    ]);
  });

  it('keeps the newest requests once full, oldest first', () => {
    let now = T;
    const log = new ApiRequestLog(3, () => now);
    for (let status = 200; status < 205; status++) {
      now += 10;
      log.recordAccess({ status, durationMs: 0 });
    }
    expect(log.between({ since: T, until: T + 1000 }).map((r) => [r.statusCode, Date.parse(r.time) - T])).to.deep.equal([
      [202, 30],
      [203, 40],
      [204, 50],
    ]);
    expect(log.between({ since: T + 35, until: T + 45 }).map((r) => r.statusCode)).to.deep.equal([203]);
  });
});

describe("Function: invocationLogsOf (local mode's InvocationLogStore)", () => {
  it('reads the stored invocations of an execution as invocation logs', () => {
    // Prepare
    const store = new InvocationLogStore(new Database(':memory:'));
    store.record('e1', 'ChargePayment', invocation(T, 'a', ['{"level":"INFO"}']));
    store.record('e1', 'ChargePayment', invocation(T + 10, 'b', [], true));
    // Act
    const logs = invocationLogsOf(store).forExecution('e1');
    // Assess
    expect(logs.map((l) => [l.requestId, l.executionArn, l.stateName, l.functionName, l.functionError, l.startedAt])).to.deep.equal([
      ['a', 'e1', 'ChargePayment', 'chargePayment', false, new Date(T).toISOString()],
      ['b', 'e1', 'ChargePayment', 'chargePayment', true, new Date(T + 10).toISOString()],
    ]);
    expect(logs[0]?.lines).to.deep.equal([{ time: new Date(T).toISOString(), stream: 'stdout', text: '{"level":"INFO"}' }]);
  });
});

describe('Function: createStoreMonitoringSource', () => {
  it('gathers the business metrics from per-execution logs when the log source has no window query', async () => {
    // Prepare: a log source that only answers per execution, as local mode's store does
    const run = createOrderRun();
    await run.runBatch(['declined', 'declined', 'outOfStock', 'ok']);
    const perExecution = { forExecution: (arn: string) => run.logs.forExecution(arn) };
    const source = createStoreMonitoringSource(run.store, { invocationLogs: perExecution });
    const window = { since: Date.now() - 60_000, until: Date.now() + 1000 };
    // Act
    const report = metricsReport(takeSnapshot(source, window));
    // Assess
    expect(report.business.PaymentsDeclined).to.deep.equal({ total: 2, dimension: 'reason', by: { INSUFFICIENT_FUNDS: 2 } });
    expect(report.business.OutOfStock.total).to.equal(1);
    expect(source.listInvocationLogs(window).every((i) => i.lines.every((l) => l.text.includes('"_aws"')))).to.equal(true);
  });

  it('presents history payloads as text, as GetExecutionHistory does, and gives the definition', async () => {
    const run = createOrderRun();
    const [arn = ''] = await run.runBatch(['ok']);
    const source = createStoreMonitoringSource(run.store);
    const entered = source.getHistory(arn).find((e) => e.type === 'TaskStateEntered');
    expect(entered?.['stateEnteredEventDetails']).to.have.property('input').that.is.a('string');
    expect(source.getHistory(arn)).to.deep.equal(run.engine.getExecutionHistory(arn).events);
    expect(JSON.parse(source.getDefinition(run.stateMachineArn) ?? '{}')).to.have.property('StartAt', 'ValidateOrder');
    expect(source.getHistory('arn:nope')).to.deep.equal([]);
  });
});

describe('Function: createStoreMonitoringSource (redrive)', () => {
  it('reads a redriven execution anew rather than the history it kept when it had failed', async () => {
    // Prepare: a task that fails once, then succeeds
    let calls = 0;
    const store = new MemoryExecutionStore();
    const engine = createEngine({
      store,
      invokeTask: async () => {
        calls += 1;
        if (calls === 1) throw Object.assign(new Error('down'), { name: 'Down' });
        return {};
      },
    });
    const { stateMachineArn } = engine.createStateMachine({ name: 'redriven', definition: JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:000000000000:function:a', End: true } } }) });
    const { executionArn } = engine.startExecution(stateMachineArn, {});
    await engine.awaitExecution(executionArn);
    const source = createStoreMonitoringSource(store);
    const failed = source.getHistory(executionArn);
    // Act
    engine.redriveExecution(executionArn);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await engine.awaitExecution(executionArn);
    source.listExecutions();
    // Assess
    expect(failed[failed.length - 1]?.type).to.equal('ExecutionFailed');
    expect(source.getHistory(executionArn).map((e) => e.type)).to.include.members(['ExecutionRedriven', 'ExecutionSucceeded']);
  });
});
