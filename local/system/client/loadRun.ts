/**
 * `load`: submits N orders through the order API, at a fixed rate (open loop) or with a fixed
 * number in flight (closed loop), with a mix of outcomes; then follows each to its terminal
 * status. End-to-end latency is the execution's stopDate minus the moment the client sent it,
 * so polling less often does not blur it. By default (`drain`) the run watches the count of
 * running executions (one ListExecutions call every 250 ms) and reads each order's status once
 * at the end, so following the orders adds almost no load to what is measured; `poll` asks
 * for each order's status until it is terminal.
 */
import { performance } from 'node:perf_hooks';
import type { OrderClient, OrderStatus } from './orderClient';
import { TERMINAL_STATUSES } from './orderClient';
import { percentilesOf, type Percentiles } from './percentiles';
import { generatedOrder, kindAt, newOrderId, type OrderKind, type OrderMix } from './sampleOrders';

/** How to load the system. Give `rate` or `concurrency` (the default: 32 in flight). */
export interface LoadOptions {
  readonly count: number;
  /** Orders per second, sent on schedule whatever the answers' latency. */
  readonly rate?: number;
  /** Orders in flight at once: each sender waits for its answer before the next. */
  readonly concurrency?: number;
  readonly mix: OrderMix;
  /** How long to wait for the last orders to finish, after the last is accepted. @default 60000 */
  readonly settleTimeoutMs?: number;
  /** How to learn that orders finished. @default 'drain' */
  readonly follow?: 'drain' | 'poll';
  /** The orderIds' prefix. @default 'load' */
  readonly idPrefix?: string;
  /** Called about ten times a second. */
  readonly onProgress?: (progress: LoadProgress) => void;
}

/** Where a run stands. */
export interface LoadProgress {
  readonly count: number;
  readonly sent: number;
  readonly accepted: number;
  readonly finished: number;
}

/** What a run measured. */
export interface LoadSummary {
  readonly count: number;
  readonly accepted: number;
  /** Refused submissions by HTTP status (or `network`). */
  readonly refused: Readonly<Record<string, number>>;
  readonly succeeded: number;
  /** Failed orders by error (PaymentDeclined, OutOfStock, InvalidOrder…). */
  readonly failedByReason: Readonly<Record<string, number>>;
  /** Accepted orders with no terminal status when the run gave up waiting. */
  readonly unfinished: number;
  /** By kind submitted, how many were accepted. */
  readonly acceptedByKind: Readonly<Partial<Record<OrderKind, number>>>;
  /** POST /orders round trips, in ms. */
  readonly acceptMs: Percentiles;
  /** Sent to terminal status, in ms. */
  readonly endToEndMs: Percentiles;
  /** Terminal orders per second, from the first send to the last stopDate. */
  readonly throughputPerSec: number;
  /**
   * The rate orders reached a terminal state while they did: one less than the finished orders
   * over the time from the first stopDate to the last. Unlike `throughputPerSec`, it leaves out
   * the first order's latency, so a sustained rate reads as itself; NaN under two finished.
   */
  readonly completionsPerSec: number;
  /** Accepted orders per second while sending. */
  readonly acceptedPerSec: number;
  readonly elapsedMs: number;
}

interface Tracked {
  readonly orderId: string;
  readonly sentAt: number;
  nextPollAt: number;
}

const FIRST_POLL_DELAY_MS = 150;
const POLL_INTERVAL_MS = 200;
const POLLERS = 8;

/** Runs a load. */
export async function runLoad(client: OrderClient, options: LoadOptions): Promise<LoadSummary> {
  const idPrefix = options.idPrefix ?? 'load';
  const startedAt = Date.now();
  const acceptMs: number[] = [];
  const endToEndMs: number[] = [];
  const refused: Record<string, number> = {};
  const failedByReason: Record<string, number> = {};
  const acceptedByKind: Partial<Record<OrderKind, number>> = {};
  const pending = new Map<string, Tracked>();
  let sent = 0;
  let accepted = 0;
  let succeeded = 0;
  let finished = 0;
  let lastStopMs = startedAt;
  let firstStopMs = Number.POSITIVE_INFINITY;
  let sendingDone = false;
  let sendingEndedAt = startedAt;

  const progress = options.onProgress === undefined ? undefined : setInterval(() => options.onProgress?.({ count: options.count, sent, accepted, finished }), 100);

  async function sendOne(index: number): Promise<void> {
    const kind = kindAt(options.mix, index);
    const order = generatedOrder(kind, newOrderId(idPrefix));
    sent += 1;
    const sentAt = Date.now();
    const t0 = performance.now();
    try {
      const response = await client.postOrder(order);
      acceptMs.push(performance.now() - t0);
      if (response.status === 200) {
        accepted += 1;
        acceptedByKind[kind] = (acceptedByKind[kind] ?? 0) + 1;
        pending.set(order.orderId, { orderId: order.orderId, sentAt, nextPollAt: Date.now() + FIRST_POLL_DELAY_MS });
      } else {
        refused[String(response.status)] = (refused[String(response.status)] ?? 0) + 1;
      }
    } catch {
      refused.network = (refused.network ?? 0) + 1;
    }
  }

  function record(tracked: Tracked, status: OrderStatus): void {
    pending.delete(tracked.orderId);
    finished += 1;
    const stopMs = (status.stopDate ?? Date.now() / 1000) * 1000;
    lastStopMs = Math.max(lastStopMs, stopMs);
    firstStopMs = Math.min(firstStopMs, stopMs);
    endToEndMs.push(Math.max(0, stopMs - tracked.sentAt));
    if (status.status === 'SUCCEEDED') succeeded += 1;
    else {
      const reason = status.error ?? status.status;
      failedByReason[reason] = (failedByReason[reason] ?? 0) + 1;
    }
  }

  async function poller(): Promise<void> {
    for (;;) {
      const now = Date.now();
      let due: Tracked | undefined;
      for (const tracked of pending.values()) {
        if (tracked.nextPollAt <= now) {
          due = tracked;
          break;
        }
      }
      if (due === undefined) {
        if (sendingDone && (pending.size === 0 || now - sendingEndedAt > (options.settleTimeoutMs ?? 60_000))) return;
        await sleep(20);
        continue;
      }
      due.nextPollAt = Number.POSITIVE_INFINITY;
      try {
        const status = await client.status(due.orderId);
        if (status !== undefined && TERMINAL_STATUSES.has(status.status)) {
          record(due, status);
          continue;
        }
      } catch {
        // Polled again below.
      }
      due.nextPollAt = Date.now() + POLL_INTERVAL_MS;
      // Re-insert at the end, so the oldest due orders are polled first.
      pending.delete(due.orderId);
      pending.set(due.orderId, due);
    }
  }

  let running = 0;
  async function drainWatcher(): Promise<void> {
    for (;;) {
      try {
        running = await client.runningExecutions();
      } catch {
        running = Number.POSITIVE_INFINITY;
      }
      if (!sendingDone) finished = Math.max(finished, accepted - Math.min(running, accepted));
      if (sendingDone && (running === 0 || Date.now() - sendingEndedAt > (options.settleTimeoutMs ?? 60_000))) break;
      await sleep(250);
    }
    // One status read per order, after the fact: stopDate gives the latency.
    finished = 0;
    const orders = [...pending.values()];
    let next = 0;
    const reader = async (): Promise<void> => {
      while (next < orders.length) {
        const tracked = orders[next++]!;
        try {
          const status = await client.status(tracked.orderId);
          if (status !== undefined && TERMINAL_STATUSES.has(status.status)) record(tracked, status);
        } catch {
          // Counted as unfinished.
        }
      }
    };
    await Promise.all(Array.from({ length: POLLERS }, reader));
  }

  const pollers = options.follow === 'poll' ? Array.from({ length: POLLERS }, () => poller()) : [drainWatcher()];
  if (options.rate !== undefined) {
    const intervalMs = 1000 / options.rate;
    const inFlight: Array<Promise<void>> = [];
    const begin = performance.now();
    for (let i = 0; i < options.count; i++) {
      const dueAt = begin + i * intervalMs;
      const wait = dueAt - performance.now();
      if (wait > 1) await sleep(wait);
      inFlight.push(sendOne(i));
    }
    await Promise.all(inFlight);
  } else {
    let next = 0;
    const sender = async (): Promise<void> => {
      while (next < options.count) await sendOne(next++);
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 32) }, sender));
  }
  sendingDone = true;
  sendingEndedAt = Date.now();
  await Promise.all(pollers);
  if (progress !== undefined) clearInterval(progress);
  options.onProgress?.({ count: options.count, sent, accepted, finished });

  const elapsedMs = Date.now() - startedAt;
  return {
    count: options.count,
    accepted,
    refused,
    succeeded,
    failedByReason,
    unfinished: pending.size,
    acceptedByKind,
    acceptMs: percentilesOf(acceptMs),
    endToEndMs: percentilesOf(endToEndMs),
    throughputPerSec: finished === 0 ? 0 : finished / (Math.max(1, lastStopMs - startedAt) / 1000),
    completionsPerSec: finished < 2 ? Number.NaN : (finished - 1) / (Math.max(1, lastStopMs - firstStopMs) / 1000),
    acceptedPerSec: accepted / (Math.max(1, sendingEndedAt - startedAt) / 1000),
    elapsedMs,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
