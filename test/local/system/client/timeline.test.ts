import { expect } from 'chai';
import type { ExecutionEvent } from '../../../../local/system/client/orderClient';
import { executionTimeline, formatTimeline } from '../../../../local/system/client/timeline';

const at = (ms: number): Date => new Date(Date.UTC(2026, 0, 1) + ms);
const event = (id: number, previousEventId: number, type: string, ms: number, details: Record<string, unknown> = {}): ExecutionEvent => ({ id, previousEventId, type, timestamp: at(ms), details });

/** Validate, then a Parallel whose Charge branch fails once and is retried, then the end. */
const HISTORY: ExecutionEvent[] = [
  event(1, 0, 'ExecutionStarted', 0),
  event(2, 1, 'TaskStateEntered', 1, { name: 'Validate' }),
  event(3, 2, 'LambdaFunctionScheduled', 1),
  event(4, 3, 'LambdaFunctionStarted', 1),
  event(5, 4, 'LambdaFunctionSucceeded', 3),
  event(6, 5, 'TaskStateExited', 3, { name: 'Validate' }),
  event(7, 6, 'ParallelStateEntered', 4, { name: 'Process' }),
  event(8, 7, 'ParallelStateStarted', 4),
  event(9, 8, 'TaskStateEntered', 5, { name: 'Reserve' }),
  event(10, 8, 'TaskStateEntered', 5, { name: 'Charge' }),
  event(11, 9, 'LambdaFunctionScheduled', 5),
  event(12, 10, 'LambdaFunctionScheduled', 5),
  event(13, 11, 'LambdaFunctionStarted', 6),
  event(14, 12, 'LambdaFunctionStarted', 6),
  event(15, 13, 'LambdaFunctionSucceeded', 8),
  event(16, 15, 'TaskStateExited', 8, { name: 'Reserve' }),
  event(17, 14, 'LambdaFunctionFailed', 9, { error: 'PaymentProcessorUnavailable', cause: 'busy' }),
  event(18, 17, 'LambdaFunctionScheduled', 1009),
  event(19, 18, 'LambdaFunctionStarted', 1009),
  event(20, 19, 'LambdaFunctionSucceeded', 1012),
  event(21, 20, 'TaskStateExited', 1012, { name: 'Charge' }),
  event(22, 8, 'ParallelStateSucceeded', 1013),
  event(23, 22, 'ParallelStateExited', 1013, { name: 'Process' }),
  event(24, 23, 'TaskStateEntered', 1014, { name: 'Notify' }),
  event(25, 24, 'LambdaFunctionScheduled', 1014),
  event(26, 25, 'LambdaFunctionStarted', 1014),
  event(27, 26, 'LambdaFunctionFailed', 1015, { error: 'NotificationUnavailable', cause: 'down' }),
  event(28, 27, 'TaskStateExited', 1016, { name: 'Notify' }),
  event(29, 28, 'SucceedStateEntered', 1016, { name: 'Done' }),
  event(30, 29, 'ExecutionSucceeded', 1016),
];

describe('Function: executionTimeline', () => {
  const timeline = executionTimeline(HISTORY);
  const cases: Array<{ name: string; type: string; depth: number; durationMs?: number; attempts: number; retries: number; error?: string }> = [
    { name: 'Validate', type: 'Task', depth: 0, durationMs: 2, attempts: 1, retries: 0 },
    { name: 'Process', type: 'Parallel', depth: 0, durationMs: 1009, attempts: 0, retries: 0 },
    { name: 'Reserve', type: 'Task', depth: 1, durationMs: 3, attempts: 1, retries: 0 },
    { name: 'Charge', type: 'Task', depth: 1, durationMs: 1007, attempts: 2, retries: 1 },
    { name: 'Notify', type: 'Task', depth: 0, durationMs: 2, attempts: 1, retries: 0, error: 'NotificationUnavailable' },
    { name: 'Done', type: 'Succeed', depth: 0, attempts: 0, retries: 0 },
  ];

  it('has one entry per state visited, in the order entered', () => {
    expect(timeline.map((e) => e.name)).to.deep.equal(cases.map((c) => c.name));
  });

  for (const expected of cases) {
    it(`reports ${expected.name}: ${expected.type} at depth ${expected.depth}, ${expected.attempts} attempt(s), ${expected.retries} retries${expected.error ? `, ${expected.error}` : ''}`, () => {
      const entry = timeline.find((e) => e.name === expected.name)!;
      expect({ type: entry.type, depth: entry.depth, attempts: entry.attempts, retries: entry.retries, error: entry.error }).to.deep.equal({
        type: expected.type,
        depth: expected.depth,
        attempts: expected.attempts,
        retries: expected.retries,
        error: expected.error,
      });
      const duration = entry.exitedAt === undefined ? undefined : entry.exitedAt.getTime() - entry.enteredAt.getTime();
      expect(duration).to.equal(expected.durationMs);
    });
  }
});

describe('Function: formatTimeline', () => {
  it('prints a heading and one aligned line per state, nested by depth', () => {
    const text = formatTimeline({ orderId: 'o-1', status: 'SUCCEEDED', startDate: at(0), stopDate: at(1016) }, executionTimeline(HISTORY));
    const lines = text.split('\n');
    expect(lines[0]).to.equal('Order o-1: SUCCEEDED in 1016 ms');
    expect(lines[2]).to.match(/^AT\s+STATE\s+TYPE\s+DURATION\s+ATTEMPTS\s+ERROR$/);
    expect(lines.find((l) => l.includes('  Charge'))).to.match(/^\+5 ms\s+ {2}Charge\s+Task\s+1007 ms\s+2 attempts \(1 retry\)$/);
    expect(lines.find((l) => l.includes('Notify'))).to.match(/NotificationUnavailable: down$/);
  });
});
