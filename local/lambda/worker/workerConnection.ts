/**
 * One Lambda worker thread, seen from the main thread: sends it invocations in batches,
 * matches its replies to their callers, and fails every unanswered invocation with
 * Lambda.ServiceException if the thread ends.
 */
import type { Worker } from 'node:worker_threads';
import { ServiceException, TooManyRequestsException } from '../errors';
import type { InvocationCaller } from './hostedFunctions';
import type { FromWorker, InvokeReply, InvokeRequest, LambdaWorkerData } from './protocol';
import { startScriptWorker } from './scriptWorker';

/** A completed invocation's reply, without its correlation id (failures and refusals reject instead). */
export type Reply = DistributiveOmit<Exclude<InvokeReply, { readonly failure: string } | { readonly throttled: true }>, 'id'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What the worker deployed: each function's timeout, by name. */
export type DeployedTimeouts = ReadonlyMap<string, number>;

interface Pending {
  readonly requestId: string;
  /** Past this (epoch ms) the invocation should have been answered: the worker is stuck. */
  readonly answerBy: number;
  readonly resolve: (reply: Reply) => void;
  readonly reject: (error: Error) => void;
}

const WORKER_ENTRY = require.resolve('./workerMain');

/**
 * Replies settled per turn of the event loop. Each one resumes an execution on this thread; a
 * worker that catches up on a backlog answers thousands at once, and settling them all in one
 * turn would keep the API's requests waiting for the whole batch.
 */
export const SETTLED_PER_TURN = 64;

/** A started worker and the invocations it owes answers to. */
export class WorkerConnection {
  /** Resolves with the deployed functions once the worker is ready; rejects if it ends first. */
  public readonly ready: Promise<DeployedTimeouts>;
  /** Resolves when the thread has ended, with why when it was not asked to. */
  public readonly ended: Promise<Error | undefined>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private outbox: InvokeRequest[] = [];
  private flushScheduled = false;
  /** Replies received and not yet settled (over {@link SETTLED_PER_TURN} in a turn), oldest first. */
  private inbox: InvokeReply[] = [];
  private inboxNext = 0;
  private settleScheduled = false;
  private isReady = false;
  private stopping = false;
  private exited = false;
  private nextId = 1;

  public constructor(data: LambdaWorkerData) {
    this.worker = startScriptWorker(WORKER_ENTRY, data);
    let lastError: Error | undefined;
    let onReady!: (timeouts: DeployedTimeouts) => void;
    const deployed = new Promise<DeployedTimeouts>((resolve) => (onReady = resolve));
    this.worker.on('message', (message: FromWorker) => {
      if (message.kind === 'replies') this.receive(message.replies);
      else if (message.kind === 'ready') {
        this.isReady = true;
        onReady(new Map(message.functions.map((f) => [f.name, f.timeoutMs])));
        this.scheduleFlush();
      }
    });
    this.worker.on('error', (error) => (lastError = error));
    this.ended = new Promise((resolve) => {
      this.worker.once('exit', (code) => {
        this.exited = true;
        // Answers already received are the invocations' outcomes, whatever happens next.
        this.settleReceived(Number.POSITIVE_INFINITY);
        const why = this.stopping ? undefined : (lastError ?? new Error(`the Lambda worker exited with code ${code}`));
        this.failPending(why?.message ?? 'the Lambda worker stopped');
        resolve(why);
      });
    });
    // Never an unhandled rejection: callers of `ready` see the failure through `ended` too.
    this.ready = Promise.race([deployed, this.ended.then((why) => Promise.reject(why ?? new Error('the Lambda worker stopped')))]);
    this.ready.catch(() => undefined);
  }

  /** Sends one invocation (batched with the others of this turn); resolves with its reply. */
  public invoke(name: string, event: string, requestId: string, timeoutMs: number, caller?: InvocationCaller): Promise<Reply> {
    return new Promise<Reply>((resolve, reject) => {
      if (this.stopping || this.exited) {
        reject(new ServiceException(this.exited ? 'the Lambda worker stopped' : 'the Lambda worker is stopping', requestId));
        return;
      }
      const id = this.nextId++;
      this.pending.set(id, { requestId, answerBy: Date.now() + timeoutMs, resolve, reject });
      this.outbox.push(
        caller === undefined
          ? { id, name, event, requestId }
          : { id, name, event, requestId, callerExecution: caller.executionArn, callerState: caller.stateName },
      );
      this.scheduleFlush();
    });
  }

  /** Invocations sent and not yet answered. */
  public get unanswered(): number {
    return this.pending.size;
  }

  /** True when an invocation is unanswered `graceMs` after its deadline. */
  public overdue(now: number, graceMs: number): boolean {
    for (const p of this.pending.values()) if (now > p.answerBy + graceMs) return true;
    return false;
  }

  /** Asks the worker to write what it buffered and release its connections, then ends it. */
  public async stop(): Promise<void> {
    if (!this.stopping) {
      this.stopping = true;
      if (this.isReady) {
        this.flush();
        const stopped = new Promise<void>((resolve) => this.worker.on('message', (m: FromWorker) => m.kind === 'stopped' && resolve()));
        this.worker.postMessage({ kind: 'stop' });
        await Promise.race([stopped, this.ended]);
      }
      await this.worker.terminate();
    }
    await this.ended;
  }

  /** Ends the thread at once (a stuck worker); unanswered invocations fail. */
  public terminate(): void {
    void this.worker.terminate();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || !this.isReady || this.outbox.length === 0) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.outbox.length === 0) return;
    const requests = this.outbox;
    this.outbox = [];
    this.worker.postMessage({ kind: 'invoke', requests });
  }

  /** Settles what fits in this turn's share, and the rest in later turns, in order. */
  private receive(replies: readonly InvokeReply[]): void {
    if (this.inbox.length === 0 && replies.length <= SETTLED_PER_TURN) {
      this.settle(replies, 0, replies.length);
      return;
    }
    for (const reply of replies) this.inbox.push(reply);
    if (!this.settleScheduled) this.settleReceived(SETTLED_PER_TURN);
  }

  private settleReceived(limit: number): void {
    this.settleScheduled = false;
    const end = Math.min(this.inbox.length, this.inboxNext + limit);
    const from = this.inboxNext;
    this.inboxNext = end;
    if (end >= this.inbox.length) {
      const inbox = this.inbox;
      this.inbox = [];
      this.inboxNext = 0;
      this.settle(inbox, from, end);
      return;
    }
    this.settleScheduled = true;
    setImmediate(() => this.settleReceived(SETTLED_PER_TURN));
    this.settle(this.inbox, from, end);
  }

  private settle(replies: readonly InvokeReply[], from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const reply = replies[i]!;
      const pending = this.pending.get(reply.id);
      if (pending === undefined) continue;
      this.pending.delete(reply.id);
      if ('failure' in reply) pending.reject(new ServiceException(reply.failure, pending.requestId));
      else if ('throttled' in reply) pending.reject(new TooManyRequestsException('ConcurrentInvocationLimitExceeded', pending.requestId));
      else pending.resolve(reply);
    }
  }

  private failPending(detail: string): void {
    this.outbox = [];
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(new ServiceException(detail, p.requestId));
  }
}
