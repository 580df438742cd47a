/**
 * Engine throughput, measured side by side in one run on an order-like definition
 * (Validate → Choice → Parallel(2 tasks with Retry/Catch) → Choice → Notify → Succeed) with
 * trivial task handlers: our engine in memory and on SQLite, aws-local-stepfunctions 3.0.0
 * (the best npm engine), and the floor (the same handlers called directly). Each runner keeps
 * IN_FLIGHT executions running at a time; figures are medians of several rounds, and each ratio
 * is the median of the ratios within a round. Within a round, each engine runner is measured in
 * two halves placed symmetrically around the peer's window (see ROUND), so a burst of other work
 * on the shared machine, or a drift of its speed, skews both sides of a ratio alike.
 * `*.cpuUsPerExec` is this process's CPU time (user + system, all threads) per execution: the
 * machine is shared, so wall-clock rates vary from run to run much more than CPU time does.
 * `ratio.memoryToPeerCpu` is the peer's CPU time per execution over ours (in memory), within
 * each round; `engine.hostStealPercent` the share of the machine's CPU time the hypervisor gave to
 * other machines during a round (median of the rounds): what tells a low wall-clock ratio
 * caused by the host from one caused by the code.
 * The durable engine's store is set up as local mode sets it up (local/system/orderSystem.ts):
 * its connection never checkpoints the WAL (`walAutocheckpoint: 0`), a worker thread does
 * (startWalCheckpointer); that worker's CPU time is counted too (all threads).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEngine, MemoryExecutionStore } from '../local/engine';
import type { ExecutionStore, Json, StateMachineDefinition, TaskRequest } from '../local/engine';
import { SqliteExecutionStore } from '../local/store/executions';
import { median } from '../local/system/client/percentiles';
import { startWalCheckpointer } from '../local/system/walCheckpointer';
import { twoDecimals } from './support/figures';
import { machineTicks, stealPercentSince } from './support/hostSteal';

type Handler = (input: Json) => Promise<Json>;

const handlers: Record<string, Handler> = {
  validateOrder: async () => ({ valid: true, errors: [] }),
  reserveInventory: async () => ({ status: 'RESERVED', reservationId: 'r-1' }),
  chargePayment: async () => ({ status: 'APPROVED', confirmationId: 'c-1' }),
  notifyCustomer: async () => ({ status: 'DELIVERED' }),
};

const fn = (name: string): string => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
const retry = [{ ErrorEquals: ['Lambda.ServiceException', 'States.Timeout'], IntervalSeconds: 1, MaxAttempts: 3, BackoffRate: 2, JitterStrategy: 'FULL' as const }];
const recover = (name: string): Record<string, unknown> => ({ Type: 'Pass', Parameters: { 'status': 'ERROR', 'error.$': '$.Error' }, End: true, Comment: name });

/** The benchmark's state machine. */
export const orderLikeDefinition: StateMachineDefinition = {
  StartAt: 'ValidateOrder',
  States: {
    ValidateOrder: { Type: 'Task', Resource: fn('validateOrder'), Parameters: { 'order.$': '$' }, ResultPath: '$.validation', Retry: retry, Next: 'CheckValidation' },
    CheckValidation: {
      Type: 'Choice',
      Choices: [{ Variable: '$.validation.valid', BooleanEquals: true, Next: 'ProcessOrder' }],
      Default: 'Rejected',
    },
    ProcessOrder: {
      Type: 'Parallel',
      ResultPath: '$.results',
      ResultSelector: { 'inventory.$': '$[0]', 'payment.$': '$[1]' },
      Next: 'EvaluateResults',
      Branches: [
        {
          StartAt: 'ReserveInventory',
          States: {
            ReserveInventory: {
              Type: 'Task',
              Resource: fn('reserveInventory'),
              Parameters: { 'orderId.$': '$.orderId', 'items.$': '$.items' },
              Retry: retry,
              Catch: [{ ErrorEquals: ['States.ALL'], Next: 'InventoryError' }],
              End: true,
            },
            InventoryError: recover('inventory') as never,
          },
        },
        {
          StartAt: 'ChargePayment',
          States: {
            ChargePayment: {
              Type: 'Task',
              Resource: fn('chargePayment'),
              Parameters: { 'orderId.$': '$.orderId', 'amount.$': '$.total' },
              Retry: retry,
              Catch: [{ ErrorEquals: ['States.ALL'], Next: 'PaymentError' }],
              End: true,
            },
            PaymentError: recover('payment') as never,
          },
        },
      ],
    },
    EvaluateResults: {
      Type: 'Choice',
      Choices: [
        {
          And: [
            { Variable: '$.results.inventory.status', StringEquals: 'RESERVED' },
            { Variable: '$.results.payment.status', StringEquals: 'APPROVED' },
          ],
          Next: 'NotifySuccess',
        },
      ],
      Default: 'Rejected',
    },
    NotifySuccess: { Type: 'Task', Resource: fn('notifyCustomer'), Parameters: { 'orderId.$': '$.orderId' }, ResultPath: '$.notification', Next: 'OrderSucceeded' },
    OrderSucceeded: { Type: 'Succeed' },
    Rejected: { Type: 'Fail', Error: 'OrderRejected' },
  },
};

const order: Json = { orderId: 'o-1', total: 42, items: [{ sku: 'A', quantity: 1, unitPrice: 42 }] };

const invokeTask = (request: TaskRequest): Promise<Json> => {
  const name = request.kind === 'lambda' ? request.functionName.slice(request.functionName.lastIndexOf(':') + 1) : request.resource;
  return handlers[name](request.kind === 'lambda' ? request.payload : request.parameters);
};

/** Executions in flight at once, for every runner alike (a server runs many together). */
const IN_FLIGHT = Number(process.env.ENGINE_BENCH_IN_FLIGHT ?? 16);

/** What one window of a runner measured. */
interface Window {
  executions: number;
  ms: number;
  /** This process's CPU time (user + system, all threads), in µs. */
  cpuUs: number;
}

/** Runs `once` with IN_FLIGHT executions at a time for `ms` (each lane finishes the execution it is in). */
async function window(once: () => Promise<unknown>, ms: number): Promise<Window> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  let executions = 0;
  const lane = async (): Promise<void> => {
    while (performance.now() - start < ms) {
      await once();
      executions++;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  const used = process.cpuUsage(cpu);
  return { executions, ms: performance.now() - start, cpuUs: used.user + used.system };
}

function engineRunner(store: ExecutionStore): () => Promise<unknown> {
  const engine = createEngine({ store, invokeTask });
  const { stateMachineArn } = engine.createStateMachine({ name: 'bench', definition: orderLikeDefinition });
  return async () => {
    const { executionArn } = engine.startExecution(stateMachineArn, order);
    const d = await engine.awaitExecution(executionArn);
    if (d.status !== 'SUCCEEDED') throw new Error(`bench execution ${d.status}: ${d.error} ${d.cause}`);
  };
}

async function peerRunner(): Promise<() => Promise<unknown>> {
  const withResolvers = Promise as unknown as { withResolvers?: unknown };
  if (withResolvers.withResolvers === undefined) {
    // aws-local-stepfunctions 3 calls Promise.withResolvers, which Node 20 lacks.
    withResolvers.withResolvers = function <T>() {
      let resolve!: (v: T) => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    };
  }
  const { StateMachine } = await import('aws-local-stepfunctions');
  const machine = new StateMachine(orderLikeDefinition as never, { validationOptions: { checkArn: false, checkPaths: false } });
  const local = {
    ValidateOrder: handlers.validateOrder,
    ReserveInventory: handlers.reserveInventory,
    ChargePayment: handlers.chargePayment,
    NotifySuccess: handlers.notifyCustomer,
  };
  return async () => {
    await machine.run(order as never, { overrides: { taskResourceLocalHandlers: local as never } }).result;
  };
}

async function floor(): Promise<unknown> {
  const validation = await handlers.validateOrder(order);
  if (validation === null) throw new Error('unreachable');
  const [inventory, payment] = await Promise.all([handlers.reserveInventory(order), handlers.chargePayment(order)]);
  return handlers.notifyCustomer({ inventory, payment });
}

/**
 * One round's windows, in order, in ms: each engine runner in two halves placed symmetrically
 * around the peer's window (memory, durable, peer, durable, memory), then the floor. A change of
 * the shared host's speed during the round then weighs on both sides of each ratio alike.
 */
const ROUND: ReadonlyArray<readonly [string, number]> = [
  ['engine.memory.execPerSec', 200],
  ['engine.durable.execPerSec', 200],
  ['peer.execPerSec', 400],
  ['engine.durable.execPerSec', 200],
  ['engine.memory.execPerSec', 200],
  ['floor.execPerSec', 200],
];

/** Medians of several side-by-side rounds; see the file comment. */
export default async function run(): Promise<Record<string, number>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'engine-bench-'));
  const file = path.join(dir, 'bench.db');
  const sqlite = new SqliteExecutionStore(file, { walAutocheckpoint: 0 });
  const checkpointer = await startWalCheckpointer([file]);
  try {
    const runners: Record<string, () => Promise<unknown>> = {
      'engine.memory.execPerSec': engineRunner(new MemoryExecutionStore({ maxExecutions: 1000 })),
      'engine.durable.execPerSec': engineRunner(sqlite),
      'peer.execPerSec': await peerRunner(),
      'floor.execPerSec': floor,
    };
    const samples: Record<string, number[]> = {};
    for (const once of Object.values(runners)) await window(once, 200); // warm-up
    const rounds = 9;
    for (let round = 0; round < rounds; round++) {
      const machineBefore = machineTicks();
      const measured: Record<string, Window> = {};
      for (const [key, ms] of ROUND) {
        const w = await window(runners[key]!, ms);
        const sum = (measured[key] ??= { executions: 0, ms: 0, cpuUs: 0 });
        sum.executions += w.executions;
        sum.ms += w.ms;
        sum.cpuUs += w.cpuUs;
      }
      const perSec: Record<string, number> = {};
      const cpuUs: Record<string, number> = {};
      for (const [key, m] of Object.entries(measured)) {
        perSec[key] = m.executions / (m.ms / 1000);
        cpuUs[key] = m.cpuUs / m.executions;
        (samples[key] ??= []).push(perSec[key]);
        if (key !== 'floor.execPerSec') (samples[key.replace('execPerSec', 'cpuUsPerExec')] ??= []).push(cpuUs[key]);
      }
      (samples['engine.hostStealPercent'] ??= []).push(stealPercentSince(machineBefore));
      (samples['ratio.memoryToPeer'] ??= []).push(perSec['engine.memory.execPerSec']! / perSec['peer.execPerSec']!);
      (samples['ratio.durableToPeer'] ??= []).push(perSec['engine.durable.execPerSec']! / perSec['peer.execPerSec']!);
      (samples['ratio.memoryToPeerCpu'] ??= []).push(cpuUs['peer.execPerSec']! / cpuUs['engine.memory.execPerSec']!);
      (samples['ratio.memoryToFloor'] ??= []).push(perSec['engine.memory.execPerSec']! / perSec['floor.execPerSec']!);
    }
    const out: Record<string, number> = {};
    for (const [key, xs] of Object.entries(samples)) out[key] = key.startsWith('ratio.') || key.endsWith('cpuUsPerExec') || key.endsWith('StealPercent') ? twoDecimals(median(xs)) : Math.round(median(xs));
    return out;
  } finally {
    sqlite.close();
    await checkpointer.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}


if (require.main === module) {
  void run().then((r) => console.log(JSON.stringify(r, null, 2)));
}
