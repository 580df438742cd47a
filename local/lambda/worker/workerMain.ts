/**
 * The Lambda worker thread's entry: deploys the hosted module's functions in this thread and
 * runs the invocations the main thread sends, with Lambda's semantics (execution environments,
 * timeouts, log capture: see {@link createFunctionHost}). Invocations made for a caller have
 * their logs recorded here, and flushed before their answers leave.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ConcurrencyLimiter } from '../concurrency';
import { createFunctionHost, type FunctionHost } from '../functionHost';
import { DEPLOY_EXPORT, type DeployFunctions, type HostedFunctions } from './hostedFunctions';
import type { FromWorker, InvokeReply, InvokeRequest, LambdaWorkerData, ToWorker } from './protocol';

const port = parentPort!;
const data = workerData as LambdaWorkerData;

async function main(): Promise<void> {
  const deploy = (require(data.module) as Record<string, unknown>)[DEPLOY_EXPORT];
  if (typeof deploy !== 'function') throw new TypeError(`${data.module} does not export ${DEPLOY_EXPORT}`);
  const hosted = await (deploy as DeployFunctions)(data.config);
  const host = createFunctionHost(hosted.functions, { location: data.location });
  const replies = new ReplyBatch(hosted);
  const limiter = new ConcurrencyLimiter(data.concurrency);
  const queue = new InvocationQueue(async (request) => {
    if (data.whenThrottled === 'queue') await limiter.acquire();
    else if (!limiter.tryAcquire()) {
      replies.add({ id: request.id, throttled: true });
      return;
    }
    const reply = await invoke(host, hosted, request);
    limiter.release();
    replies.add(reply);
  });

  port.on('message', (message: ToWorker) => {
    if (message.kind === 'invoke') {
      queue.add(message.requests);
      return;
    }
    replies.send();
    hosted.close?.();
    post({ kind: 'stopped' });
  });
  post({
    kind: 'ready',
    functions: host.functionNames.map((name) => ({ name, timeoutMs: host.settingsOf(name)!.timeoutMs })),
  });
}

async function invoke(host: FunctionHost, hosted: HostedFunctions, request: InvokeRequest): Promise<InvokeReply> {
  try {
    const record = await host.run(request.name, request.event, request.requestId);
    if (request.callerExecution === undefined || request.callerState === undefined || hosted.record === undefined) return { id: request.id, record };
    hosted.record({ executionArn: request.callerExecution, stateName: request.callerState }, record);
    return record.functionError === undefined
      ? { id: request.id, payload: record.payload }
      : { id: request.id, payload: record.payload, functionError: record.functionError };
  } catch (error) {
    return { id: request.id, failure: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Starts invocations one after the other: the next when the last has finished, or when it is
 * left waiting past this turn of the event loop (on a timer, I/O or a lock). The handlers
 * mostly run to completion without waiting (SQLite is synchronous), so a batch reuses a
 * few warm environments instead of opening one per request, as starting them all at once
 * would (every handler yields at least once, so none would be free for the next).
 */
class InvocationQueue {
  private waiting: InvokeRequest[] = [];
  private next = 0;
  private draining = false;
  private turnEnd: Promise<void> | undefined;

  public constructor(private readonly start: (request: InvokeRequest) => Promise<void>) {}

  public add(requests: readonly InvokeRequest[]): void {
    for (const request of requests) this.waiting.push(request);
    if (!this.draining) void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    while (this.next < this.waiting.length) {
      const request = this.waiting[this.next]!;
      this.next += 1;
      await Promise.race([this.start(request), this.endOfTurn()]);
    }
    this.waiting = [];
    this.next = 0;
    this.draining = false;
  }

  /** Settles once this turn's microtasks are done (one shared timer per turn). */
  private endOfTurn(): Promise<void> {
    this.turnEnd ??= new Promise((resolve) =>
      setImmediate(() => {
        this.turnEnd = undefined;
        resolve();
      }),
    );
    return this.turnEnd;
  }
}

/**
 * Replies sent at most this many at once: catching up on a backlog, the worker completes
 * thousands of invocations in one turn, and the first answers should not wait for the last.
 */
const MAX_REPLIES_PER_MESSAGE = 256;

/**
 * The replies of one turn of the event loop, sent together once the hosted module's `flush`
 * has made them durable (their logs written, their writes committed).
 */
class ReplyBatch {
  private pending: InvokeReply[] = [];
  private scheduled = false;

  public constructor(private readonly hosted: HostedFunctions) {}

  public add(reply: InvokeReply): void {
    this.pending.push(reply);
    if (this.pending.length >= MAX_REPLIES_PER_MESSAGE) {
      this.send();
      return;
    }
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.send();
    });
  }

  public send(): void {
    if (this.pending.length === 0) return;
    let replies = this.pending;
    this.pending = [];
    try {
      this.hosted.flush?.();
    } catch (error) {
      // What these invocations did may not be on disk: none may answer that it succeeded.
      // They fail as a Lambda service error, which callers retry (the functions are idempotent).
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(`lambda worker: could not make a batch of invocations durable: ${reason}\n`);
      replies = replies.map((reply) => ('throttled' in reply ? reply : { id: reply.id, failure: `could not make the invocation durable: ${reason}` }));
    }
    post({ kind: 'replies', replies });
  }
}

function post(message: FromWorker): void {
  port.postMessage(message);
}

main().catch((error: unknown) => {
  // Surfaces on the main thread as the worker's 'error' event.
  setImmediate(() => {
    throw error;
  });
});
