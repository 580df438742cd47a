import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MemoryExecutionStore } from '../../../local/engine';
import type { Engine, ExecutionStore, HistoryEvent, Json, StateMachineDefinition } from '../../../local/engine';
import { SqliteExecutionStore } from '../../../local/store/executions';
import { Handlers, fn, lambdaError, testEngine } from './helpers';

/**
 * Counts each handler's calls; `failing[name]` says how many of its first calls throw. A call
 * that throws does so a few event-loop turns after the others answer: the branches that succeed
 * have then ended (else the failure aborts them, and they run again on a redrive).
 */
function countingHandlers(outputs: Record<string, Json>, failing: Record<string, number>): { handlers: Handlers; calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const handlers: Handlers = {};
  for (const [name, output] of Object.entries(outputs)) {
    handlers[name] = async () => {
      calls[name] = (calls[name] ?? 0) + 1;
      await turns(1);
      if (calls[name] <= (failing[name] ?? 0)) {
        await turns(5);
        throw lambdaError(`${name}Failed`);
      }
      return output;
    };
  }
  return { handlers, calls };
}

async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

const task = (name: string): StateMachineDefinition => ({ StartAt: name, States: { [name]: { Type: 'Task', Resource: fn(name), End: true } } });

const parallel: StateMachineDefinition = {
  StartAt: 'Prepare',
  States: {
    Prepare: { Type: 'Pass', Result: { orderId: 'o-1' }, Next: 'Both' },
    Both: { Type: 'Parallel', Branches: [task('charge'), task('reserve'), task('label')], ResultPath: '$.results', End: true },
  },
} as StateMachineDefinition;

/** The history events recorded after the latest ExecutionRedriven. */
function sinceRedrive(engine: Engine, executionArn: string): HistoryEvent[] {
  const events = engine.getExecutionHistory(executionArn).events;
  const at = events.map((e) => e.type).lastIndexOf('ExecutionRedriven');
  return events.slice(at + 1);
}

const scheduled = (events: HistoryEvent[]): string[] =>
  events.filter((e) => e.type === 'LambdaFunctionScheduled').map((e) => (e.lambdaFunctionScheduledEventDetails as { resource: string }).resource.split(':').pop()!);

async function runParallelRedrive(store: ExecutionStore): Promise<void> {
  // Prepare
  const { handlers, calls } = countingHandlers({ charge: { charged: 42 }, reserve: { reserved: 1 }, label: 'L-1' }, { reserve: 1 });
  const engine = testEngine(handlers, { store });
  const { stateMachineArn } = engine.createStateMachine({ name: 'p', definition: parallel });
  const { executionArn } = engine.startExecution(stateMachineArn, {});
  const failed = await engine.awaitExecution(executionArn);

  // Act
  engine.redriveExecution(executionArn);
  const redriven = await engine.awaitExecution(executionArn);

  // Assess
  expect(failed).to.include({ status: 'FAILED', error: 'reserveFailed' });
  expect(redriven.status).to.equal('SUCCEEDED');
  expect(JSON.parse(redriven.output!)).to.deep.equal({ orderId: 'o-1', results: [{ charged: 42 }, { reserved: 1 }, 'L-1'] });
  expect(calls).to.deep.equal({ charge: 1, reserve: 2, label: 1 });
  const after = sinceRedrive(engine, executionArn);
  expect(scheduled(after)).to.deep.equal(['reserve']);
  expect(after.map((e) => e.type)).to.include.members(['ParallelStateEntered', 'ParallelStateStarted', 'ParallelStateSucceeded', 'ParallelStateExited', 'ExecutionSucceeded']);
}

describe('Function: redriveExecution of a failed Parallel or Map (only what failed runs again)', () => {
  it('runs again only the Parallel branch that failed, and uses the others’ outputs', async () => {
    await runParallelRedrive(new MemoryExecutionStore());
  });

  it('does the same with the execution in SQLite (the outputs read back from its history)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'redrive-'));
    const store = new SqliteExecutionStore(path.join(dir, 'x.db'));
    try {
      await runParallelRedrive(store);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps a branch that succeeded before through a redrive that failed again', async () => {
    // Prepare
    const { handlers, calls } = countingHandlers({ charge: { charged: 42 }, reserve: { reserved: 1 }, label: 'L-1' }, { reserve: 2 });
    const engine = testEngine(handlers);
    const { executionArn } = engine.startExecution(parallel, {});
    await engine.awaitExecution(executionArn);
    engine.redriveExecution(executionArn);
    const second = await engine.awaitExecution(executionArn);

    // Act
    engine.redriveExecution(executionArn);
    const third = await engine.awaitExecution(executionArn);

    // Assess
    expect(second).to.include({ status: 'FAILED', redriveCount: 1 });
    expect(third).to.include({ status: 'SUCCEEDED', redriveCount: 2 });
    expect(calls).to.deep.equal({ charge: 1, reserve: 3, label: 1 });
    expect(JSON.parse(third.output!).results).to.deep.equal([{ charged: 42 }, { reserved: 1 }, 'L-1']);
  });

  it('runs again a branch the failure aborted', async () => {
    // Prepare: label answers after reserve has failed, so the first run aborts it
    const { handlers, calls } = countingHandlers({ charge: 'c', reserve: 'r' }, { reserve: 1 });
    let labelled = 0;
    handlers.label = async () => {
      labelled++;
      await turns(labelled === 1 ? 20 : 1);
      return 'l';
    };
    const engine = testEngine(handlers);
    const { executionArn } = engine.startExecution(parallel, {});
    await engine.awaitExecution(executionArn);
    const aborted = engine.getExecutionHistory(executionArn).events.filter((e) => e.type === 'TaskStateAborted');

    // Act
    engine.redriveExecution(executionArn);
    const redriven = await engine.awaitExecution(executionArn);

    // Assess
    expect(aborted).to.have.length(2); // reserve's, closed as aborted in its branch as AWS does, and label's
    expect(redriven.status).to.equal('SUCCEEDED');
    expect({ ...calls, label: labelled }).to.deep.equal({ charge: 1, reserve: 2, label: 2 });
    expect(scheduled(sinceRedrive(engine, executionArn)).sort()).to.deep.equal(['label', 'reserve']);
  });

  it('carries the same branches when a redriven run resumes after a crash (another engine on the store)', async () => {
    // Prepare: the first engine's redriven reserve never answers, as if its process died
    const store = new MemoryExecutionStore();
    const { handlers, calls } = countingHandlers({ charge: 'c', reserve: 'r', label: 'l' }, { reserve: 1 });
    const failOnce = handlers.reserve;
    handlers.reserve = async (payload, request) => {
      if (calls.reserve !== 1) return failOnce(payload, request);
      calls.reserve = 2;
      return new Promise<Json>(() => undefined);
    };
    const first = testEngine(handlers, { store });
    const { stateMachineArn } = first.createStateMachine({ name: 'p', definition: parallel });
    const { executionArn } = first.startExecution(stateMachineArn, {});
    await first.awaitExecution(executionArn);
    first.redriveExecution(executionArn);
    while (calls.reserve !== 2) await turns(1);
    const second = testEngine({ ...handlers, reserve: () => 'r' }, { store });

    // Act
    second.resumeRunningExecutions();
    const resumed = await second.awaitExecution(executionArn);

    // Assess
    expect(resumed.status).to.equal('SUCCEEDED');
    expect(JSON.parse(resumed.output!).results).to.deep.equal(['c', 'r', 'l']);
    expect(calls).to.deep.equal({ charge: 1, reserve: 2, label: 1 });
  });

  it('runs every branch again when the Parallel is reached anew (not redriven)', async () => {
    // Prepare: a loop enters the Parallel twice; the second time, nothing is carried
    const { handlers, calls } = countingHandlers({ charge: 'c', reserve: 'r', label: 'l' }, {});
    const definition = {
      StartAt: 'Both',
      States: {
        Both: { Type: 'Parallel', Branches: [task('charge'), task('reserve'), task('label')], ResultPath: '$.results', Next: 'Again?' },
        'Again?': { Type: 'Choice', Choices: [{ Variable: '$.round', NumericEquals: 0, Next: 'Round1' }], Default: 'Done' },
        Round1: { Type: 'Pass', Result: 1, ResultPath: '$.round', Next: 'Both' },
        Done: { Type: 'Succeed' },
      },
    } as StateMachineDefinition;

    // Act
    const engine = testEngine(handlers);
    const { executionArn } = engine.startExecution(definition, { round: 0 });
    const d = await engine.awaitExecution(executionArn);

    // Assess
    expect(d.status).to.equal('SUCCEEDED');
    expect(calls).to.deep.equal({ charge: 2, reserve: 2, label: 2 });
  });

  it('runs again only the Map iterations that failed or never ran', async () => {
    // Prepare: one at a time; item 1 fails once, so items 2 and 3 do not run the first time
    const seen: number[] = [];
    let failures = 1;
    const engine = testEngine({
      item: async (payload) => {
        const n = payload as number;
        seen.push(n);
        if (n === 1 && failures-- > 0) throw lambdaError('ItemFailed');
        return n * 10;
      },
    });
    const definition = {
      StartAt: 'Each',
      States: { Each: { Type: 'Map', MaxConcurrency: 1, ItemProcessor: task('item'), End: true } },
    } as StateMachineDefinition;
    const { executionArn } = engine.startExecution(definition, [0, 1, 2, 3]);
    const failed = await engine.awaitExecution(executionArn);

    // Act
    engine.redriveExecution(executionArn);
    const redriven = await engine.awaitExecution(executionArn);

    // Assess
    expect(failed).to.include({ status: 'FAILED', error: 'ItemFailed' });
    expect(redriven.status).to.equal('SUCCEEDED');
    expect(JSON.parse(redriven.output!)).to.deep.equal([0, 10, 20, 30]);
    expect(seen).to.deep.equal([0, 1, 1, 2, 3]);
    const started = sinceRedrive(engine, executionArn).filter((e) => e.type === 'MapIterationStarted');
    expect(started.map((e) => (e.mapIterationStartedEventDetails as { index: number }).index)).to.deep.equal([1, 2, 3]);
  });

  it('runs the whole state again when it failed before its branches began', async () => {
    // Prepare: the Parallel's Parameters fail on the first run (a path that is not there)
    const { handlers, calls } = countingHandlers({ charge: 'c', reserve: 'r', label: 'l' }, {});
    const definition = {
      StartAt: 'Both',
      States: { Both: { Type: 'Parallel', Parameters: { 'id.$': '$.id' }, Branches: [task('charge'), task('reserve'), task('label')], End: true } },
    } as StateMachineDefinition;
    const store = new MemoryExecutionStore();
    const engine = testEngine(handlers, { store });
    const { executionArn } = engine.startExecution(definition, {});
    const failed = await engine.awaitExecution(executionArn);

    // Act (the redrive has the same input: it fails the same way, running no branch)
    engine.redriveExecution(executionArn);
    const redriven = await engine.awaitExecution(executionArn);

    // Assess
    expect(failed).to.include({ status: 'FAILED', error: 'States.Runtime' });
    expect(redriven).to.include({ status: 'FAILED', error: 'States.Runtime' });
    expect(calls).to.deep.equal({});
  });
});
