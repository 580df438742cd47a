import { expect } from 'chai';
import { createEngine, FakeClock, MemoryExecutionStore, type Json } from '../../../local/engine';
import { EngineStepFunctions } from '../../../local/system/stepFunctionsOperations';

/** Executions that each wait in a Task until the test lets them finish. */
async function waitingExecutions(startTimes: readonly number[]) {
  const clock = new FakeClock(Date.parse('2026-03-01T10:00:00Z'));
  const finish = new Map<string, () => void>();
  const engine = createEngine({
    store: new MemoryExecutionStore(),
    clock,
    invokeTask: (request) => new Promise<Json>((resolve) => finish.set(request.executionArn, () => resolve({}))),
  });
  const { stateMachineArn } = engine.createStateMachine({
    name: 'waits',
    definition: { StartAt: 'Wait', States: { Wait: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:wait', End: true } } },
  });
  const arns: string[] = [];
  for (const [index, at] of startTimes.entries()) {
    await clock.advance(at - clock.now());
    arns.push(engine.startExecution(stateMachineArn, {}, { name: `e${index}` }).executionArn);
  }
  const operations = new EngineStepFunctions(engine);
  const end = async (index: number): Promise<void> => {
    finish.get(arns[index]!)!();
    await engine.awaitExecution(arns[index]!);
  };
  return { engine, operations, stateMachineArn, arns, end };
}

describe('EngineStepFunctions: ListExecutions pages', () => {
  it('goes on after the last execution listed when executions end between pages', async () => {
    // Prepare: five running executions started a millisecond apart; newest first is e4..e0.
    const T = Date.parse('2026-03-01T10:00:00Z');
    const { operations, stateMachineArn, end } = await waitingExecutions([T, T + 1, T + 2, T + 3, T + 4]);
    await new Promise((resolve) => setImmediate(resolve));
    const first = await operations.listExecutions({ stateMachineArn, statusFilter: 'RUNNING', maxResults: 2 });

    // Act: the last one listed and the next one end before the next page is asked for.
    await end(3);
    await end(2);
    const second = await operations.listExecutions({ stateMachineArn, statusFilter: 'RUNNING', maxResults: 2, nextToken: first.nextToken! });

    // Assert
    expect(first.executions.map((e) => e.name)).to.deep.equal(['e4', 'e3']);
    expect(second.executions.map((e) => e.name)).to.deep.equal(['e1', 'e0']);
    expect(second.nextToken).to.equal(undefined);
  });

  it('neither repeats nor skips executions that started in the same millisecond', async () => {
    // Prepare: five executions in one millisecond.
    const T = Date.parse('2026-03-01T10:00:00Z');
    const { operations, stateMachineArn, end } = await waitingExecutions([T, T, T, T, T]);
    await new Promise((resolve) => setImmediate(resolve));

    // Act: page by two, ending the last listed execution after each page.
    const names: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await operations.listExecutions({ stateMachineArn, statusFilter: 'RUNNING', maxResults: 2, ...(nextToken !== undefined ? { nextToken } : {}) });
      names.push(...page.executions.map((e) => e.name));
      const last = page.executions.at(-1);
      if (last !== undefined) await end(Number(last.name.slice(1)));
      nextToken = page.nextToken;
    } while (nextToken !== undefined);

    // Assert
    expect(names).to.deep.equal(['e4', 'e3', 'e2', 'e1', 'e0']);
  });

  it('refuses a token of another listing or one that is not ours', async () => {
    // Prepare
    const T = Date.parse('2026-03-01T10:00:00Z');
    const { operations, stateMachineArn } = await waitingExecutions([T, T + 1, T + 2]);
    const first = await operations.listExecutions({ stateMachineArn, statusFilter: 'RUNNING', maxResults: 1 });

    // Act
    const otherListing = operations.listExecutions({ stateMachineArn, statusFilter: 'SUCCEEDED', maxResults: 1, nextToken: first.nextToken! });
    const forged = operations.listExecutions({ stateMachineArn, statusFilter: 'RUNNING', nextToken: 'not-a-token' });

    // Assert
    for (const answer of [otherListing, forged]) {
      const error = await answer.then(() => undefined, (e: unknown) => e as Error);
      expect(error?.name).to.equal('InvalidToken');
    }
  });
});
