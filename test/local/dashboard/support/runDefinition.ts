/** Runs one small definition on the real engine with scripted tasks, for analysis tests. */
import { createEngine, MemoryExecutionStore, type ExecutionStore, type HistoryEvent } from '../../../../local/engine';
import type { MonitoredExecution } from '../../../../local/dashboard';

/** A task's behaviour on each attempt (1-based): a result, or an error name to throw. */
export type Script = (attempt: number) => { result: unknown } | { error: string; message?: string };

/** Always returns `result`. */
export const returns = (result: unknown = {}): Script => () => ({ result });
/** Always throws `error`. */
export const throws = (error: string): Script => () => ({ error, message: `${error} happened` });
/** Throws `error` for the first `times` attempts, then returns. */
export const failsFirst = (times: number, error: string): Script => (n) => (n <= times ? { error, message: `attempt ${n}` } : { result: { attempt: n } });

class ScriptedError extends Error {
  public constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** A Lambda task state for function `fn`. */
export const lambda = (fn: string, rest: Record<string, unknown> = {}): Record<string, unknown> => ({
  Type: 'Task',
  Resource: `arn:aws:lambda:us-east-1:000000000000:function:${fn}`,
  ...rest,
});

/** A fast retrier. */
export const retry = (error: string, maxAttempts: number): Record<string, unknown> => ({ ErrorEquals: [error], IntervalSeconds: 1, MaxAttempts: maxAttempts, BackoffRate: 1 });

/** What a run left behind. */
export interface Ran {
  readonly execution: MonitoredExecution;
  readonly events: HistoryEvent[];
  readonly store: ExecutionStore;
  readonly stateMachineArn: string;
}

/** Runs the definition once with the scripts, by function name, and waits for the end. */
export async function runDefinition(definition: Record<string, unknown>, scripts: Record<string, Script>, store: ExecutionStore = new MemoryExecutionStore()): Promise<Ran> {
  const attempts = new Map<string, number>();
  const engine = createEngine({
    store,
    timeScale: 0.001,
    random: () => 0.5,
    invokeTask: async (request) => {
      const fn = request.kind === 'lambda' ? (/function:([^:]+)/.exec(request.functionName)?.[1] ?? request.functionName) : request.resource;
      const key = `${request.stateName}/${fn}`;
      const n = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, n);
      const script = scripts[fn];
      if (script === undefined) throw new ScriptedError('NoScript', `no script for ${fn}`);
      const outcome = script(n);
      if ('error' in outcome) throw new ScriptedError(outcome.error, outcome.message ?? outcome.error);
      return outcome.result;
    },
  });
  const { stateMachineArn } = engine.createStateMachine({ name: `m${Math.random().toString(36).slice(2, 10)}`, definition: JSON.stringify(definition) });
  const { executionArn } = engine.startExecution(stateMachineArn, { orderId: 'o-1' });
  await engine.awaitExecution(executionArn);
  const record = store.getExecution(executionArn);
  if (record === undefined) throw new Error('the execution vanished');
  return { execution: record, events: engine.getExecutionHistory(executionArn).events, store, stateMachineArn };
}
