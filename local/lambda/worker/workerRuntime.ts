/**
 * A {@link LambdaRuntime} whose execution environments live on a worker thread: the main thread
 * keeps the Invoke API's front door (name resolution, payload limits, the concurrency limit),
 * and the handlers, their connections and their log capture run off it. A worker that dies or
 * stops answering is replaced: its unanswered invocations fail as Lambda.ServiceException
 * (which Step Functions' Retry covers), and the next ones run in fresh environments.
 */
import { ConcurrencyLimiter, type ThrottleBehaviour } from '../concurrency';
import { functionArn, type LambdaLocation } from '../functionArn';
import type { InvocationRecord } from '../functionHost';
import { InvokeGate } from '../invokeGate';
import type { LambdaRuntime } from '../runtime';
import type { InvokeAnswer } from '../taskOutcome';
import type { InvocationCaller } from './hostedFunctions';
import type { LambdaWorkerData } from './protocol';
import { WorkerConnection, type DeployedTimeouts, type Reply } from './workerConnection';

/** How to start a {@link WorkerLambdaRuntime}. */
export interface WorkerLambdaRuntimeOptions {
  /** The module the worker deploys (absolute path), exporting `deployFunctions` (see HostedFunctions). */
  readonly module: string;
  /** Handed to `deployFunctions` in the worker: plain data (structured-cloneable). */
  readonly config?: unknown;
  /**
   * How many invocations may run at once (the account's concurrency), counted on the worker
   * from the moment an invocation gets an execution environment.
   */
  readonly concurrency: number;
  /** @default 'throw' */
  readonly whenThrottled?: ThrottleBehaviour;
  /** @default 'us-east-1' */
  readonly region?: string;
  /** @default '000000000000' */
  readonly accountId?: string;
  /**
   * How long past its function's timeout an invocation may go unanswered before the worker is
   * taken as stuck (a handler blocking its thread) and replaced.
   * @default 10000
   */
  readonly stuckAfterMs?: number;
  /** Told when a worker ends unexpectedly and is replaced. */
  readonly onWorkerLost?: (why: Error) => void;
}

/** A Lambda runtime hosted on a worker thread. */
export interface WorkerLambdaRuntime extends LambdaRuntime {
  /**
   * Invokes a function for `caller`: the worker keeps the invocation's logs (see
   * HostedFunctions.record) and answers only the payload and whether the function failed.
   * @throws as {@link LambdaRuntime.invoke}, and ServiceException when the worker is lost
   */
  invokeFor(caller: InvocationCaller, functionName: string, payload: unknown): Promise<InvokeAnswer>;
  /** Workers replaced so far. */
  readonly restarts: number;
  /** Lets the worker write what it buffered and release its connections, then ends it. */
  stop(): Promise<void>;
}

const RESPAWN_DELAY_MS = 1_000;
const WATCH_INTERVAL_MS = 1_000;

/** Starts the worker and waits until its functions are deployed. @throws what deploying threw */
export async function startWorkerLambdaRuntime(options: WorkerLambdaRuntimeOptions): Promise<WorkerLambdaRuntime> {
  const location: LambdaLocation = { region: options.region ?? 'us-east-1', accountId: options.accountId ?? '000000000000' };
  const whenThrottled = options.whenThrottled ?? 'throw';
  // Checked here, so that a bad limit fails the start rather than the worker.
  new ConcurrencyLimiter(options.concurrency);
  const data: LambdaWorkerData = { module: options.module, config: options.config, location, concurrency: options.concurrency, whenThrottled };
  const stuckAfterMs = options.stuckAfterMs ?? 10_000;

  let connection = new WorkerConnection(data);
  let timeouts: DeployedTimeouts;
  try {
    timeouts = await connection.ready;
  } catch (error) {
    await connection.stop();
    throw error;
  }
  // The concurrency limit is the worker's (see LambdaWorkerData); the gate only counts what is in flight.
  const gate = new InvokeGate(location, Number.MAX_SAFE_INTEGER, 'throw', (name) => timeouts.has(name));
  let restarts = 0;
  let stopped = false;

  /** Replaces a lost worker; one that dies before it is ready is retried after a pause. */
  const watchLoss = (lost: WorkerConnection): void => {
    void lost.ended.then((why) => {
      if (why === undefined || stopped || lost !== connection) return;
      restarts += 1;
      options.onWorkerLost?.(why);
      lost.ready.then(
        () => replace(),
        () => setTimeout(replace, RESPAWN_DELAY_MS).unref(),
      );
    });
  };
  const replace = (): void => {
    if (stopped) return;
    connection = new WorkerConnection(data);
    watchLoss(connection);
  };
  watchLoss(connection);
  const watchdog = setInterval(() => {
    if (connection.unanswered > 0 && connection.overdue(Date.now(), stuckAfterMs)) connection.terminate();
  }, WATCH_INTERVAL_MS).unref();

  const send = (name: string, event: string, requestId: string, caller?: InvocationCaller): Promise<Reply> =>
    connection.invoke(name, event, requestId, timeouts.get(name)!, caller);

  return {
    async invoke(reference, payload): Promise<InvocationRecord> {
      const reply = await gate.admit(reference, payload, ({ name, event, requestId }) => send(name, event, requestId));
      if (!('record' in reply)) throw new TypeError('the Lambda worker answered without the invocation record');
      return reply.record;
    },
    async invokeFor(caller, reference, payload): Promise<InvokeAnswer> {
      const reply = await gate.admit(reference, payload, ({ name, event, requestId }) => send(name, event, requestId, caller));
      if ('record' in reply) return reply.record;
      return reply.functionError === undefined ? { payload: reply.payload } : { payload: reply.payload, functionError: reply.functionError };
    },
    functionArn: (name) => functionArn(location, name),
    functionNames: [...timeouts.keys()],
    get inFlight() {
      return gate.inFlight;
    },
    get restarts() {
      return restarts;
    },
    async stop() {
      stopped = true;
      clearInterval(watchdog);
      await connection.stop();
    },
  };
}
