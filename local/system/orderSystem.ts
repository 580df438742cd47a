/**
 * Local mode, composed: the order-processing ASL on the local engine (checkpointed in SQLite),
 * its six handlers invoked with Lambda's semantics on the SQLite adapters, and the order API
 * and the Step Functions API on one local port.
 */
import path from 'node:path';
import { createEngine, type Engine } from '../engine';
import { SqliteExecutionStore } from '../store/executions';
import { createLambdaRuntime, startWorkerLambdaRuntime, type LambdaRuntime } from '../lambda';
import {
  createOrderApi,
  createStepFunctionsApi,
  listenLocalGateway,
  routeByAmzTarget,
  type AccessLogEntry,
  type LocalGateway,
  type UsagePlan,
} from '../api';
import type { SqliteDatabase } from '../store/adapters/sqliteDatabase';
import { createLocalAdapters, type LocalAdapters } from '../store/adapters/localTaskHandlers';
import type { ProcessorConfig } from '../../handlers/payment/processor';
import type { TASK_FUNCTION_NAMES } from '../../workflow/contracts';
import { renderOrderProcessing } from '../../workflow/orderProcessing';
import { ensureDataDir, resolveServerApiKey, type ApiKeySource, type DataDirLayout } from './dataDir';
import { readInventorySeed, seedInventory, type InventorySeed } from './inventorySeed';
import { InvocationLogStore } from './invocationLogs';
import { ApiRequestLog, createDashboard, createStoreMonitoringSource, invocationLogsOf } from '../dashboard';
import { lambdaTaskInvoker } from './lambdaTasks';
import { expireOrphanedNotificationClaims } from './crashRecovery';
import { groupFlush } from './durability';
import { openServicesConnection } from './servicesConnection';
import { startWalCheckpointer, type WalCheckpointer } from './walCheckpointer';
import { EngineOrderExecutions } from './orderExecutions';
import { EngineStepFunctions } from './stepFunctionsOperations';
import { checkFaultInjection, type FaultInjection } from './faultInjection';
import { orderFunctionDefinitions, type OrderFunctionSettings } from './orderFunctions';
import { ORDER_FUNCTIONS_MODULE, type OrderFunctionsConfig } from './lambdaWorker/deployOrderFunctions';

/** The state machine's name in local mode. */
export const STATE_MACHINE_NAME = 'OrderProcessing';
/** Region and account of every local ARN. */
export const LOCAL_REGION = 'us-east-1';
export const LOCAL_ACCOUNT = '000000000000';
/** The stock seeded when no other seed is given. */
export const DEFAULT_INVENTORY_FILE = path.resolve(__dirname, '../../examples/inventory.json');

/** API Gateway's default account-level throttle (10,000 requests/s, bursts of 5,000). */
export const DEFAULT_USAGE_PLAN: UsagePlan = { throttle: { rateLimit: 10_000, burstLimit: 5_000 } };

/** How to start local mode. */
export interface OrderSystemOptions {
  /** The state directory (created if needed). */
  readonly dataDir: string;
  /** 0 picks a free port. @default 3000 */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** The API key. @default `ORDERS_API_KEY`, else the key kept in the data directory, else a new one */
  readonly apiKey?: string;
  /** Stock to seed (SKUs not yet known only): a seed file's path or its content. @default examples/inventory.json */
  readonly inventory?: string | InventorySeed;
  /** @default DEFAULT_USAGE_PLAN */
  readonly usagePlan?: UsagePlan;
  /** Lambda's concurrent executions limit. @default 1000 (the account default) */
  readonly lambdaConcurrency?: number;
  /** Each function's timeout. @default 10000 (the deployed stack's) */
  readonly lambdaTimeoutMs?: number;
  /** The simulated payment processor. @default its seeded defaults */
  readonly processor?: ProcessorConfig;
  /** Transient failures injected into the inventory service (tests). @default none */
  readonly faults?: FaultInjection;
  /**
   * Where the handlers run: on a worker thread with its own connection to the services
   * database (`worker`), or on the main thread with the engine and the API (`inline`).
   * @default 'worker'
   */
  readonly lambdaHost?: 'worker' | 'inline';
  /** Multiplies retry intervals and waits (0.01 in tests). @default 1 */
  readonly timeScale?: number;
  /** Called for each order API request. */
  readonly onRequest?: (entry: AccessLogEntry) => void;
}

/** What stopping did. */
export interface StopReport {
  /** Every execution ended before the deadline (otherwise the rest resume on the next start). */
  readonly drained: boolean;
  /** Executions still running, checkpointed in SQLite. */
  readonly running: number;
}

/** Local mode, running. */
export interface OrderSystem {
  /** The order API's and the Step Functions API's base URL, e.g. `http://127.0.0.1:3000`. */
  readonly url: string;
  readonly apiKey: string;
  readonly apiKeySource: ApiKeySource;
  readonly stateMachineArn: string;
  readonly layout: DataDirLayout;
  /** Executions found running at start (after a crash or a stop) and resumed. */
  readonly resumed: readonly string[];
  /** SKUs seeded at this start. */
  readonly seededSkus: readonly string[];
  readonly engine: Engine;
  readonly lambda: LambdaRuntime;
  readonly adapters: LocalAdapters;
  readonly invocationLogs: InvocationLogStore;
  /** The ARN of an order's execution. */
  executionArnOf(orderId: string): string;
  /**
   * Stops taking requests, lets running executions finish for up to `drainMs`, writes what is
   * buffered and closes the databases once nothing runs. Every step is already checkpointed, so
   * executions still running resume on the next start.
   */
  stop(options?: { drainMs?: number }): Promise<StopReport>;
}

/** Starts local mode. See {@link OrderSystemOptions}. */
export async function startOrderSystem(options: OrderSystemOptions): Promise<OrderSystem> {
  const layout = ensureDataDir(options.dataDir);
  const key = options.apiKey !== undefined ? { value: options.apiKey, source: 'environment' as const } : resolveServerApiKey(layout);

  // Checkpoints run on a worker thread (see walCheckpointer), never on the serving connections.
  const store = new SqliteExecutionStore(layout.executionsDatabase, { walAutocheckpoint: 0 });
  let servicesDb: SqliteDatabase | undefined;
  let gateway: LocalGateway | undefined;
  let checkpointer: WalCheckpointer | undefined;
  let lambda: HostedLambda | undefined;
  try {
    servicesDb = openServicesConnection(layout.servicesDatabase);
    checkpointer = await startWalCheckpointer([layout.executionsDatabase, layout.servicesDatabase]);
    const adapters = createLocalAdapters(servicesDb);
    expireOrphanedNotificationClaims(servicesDb);
    const seed = typeof options.inventory === 'object' ? options.inventory : readInventorySeed(options.inventory ?? DEFAULT_INVENTORY_FILE);
    const seededSkus = await seedInventory(adapters.inventory, seed);
    const invocationLogs = new InvocationLogStore(servicesDb);

    const settings: OrderFunctionSettings = {
      timeoutMs: options.lambdaTimeoutMs ?? 10_000,
      faults: checkFaultInjection(options.faults ?? {}),
      ...(options.processor !== undefined ? { processor: options.processor } : {}),
    };
    const concurrency = options.lambdaConcurrency ?? 1000;
    lambda =
      (options.lambdaHost ?? 'worker') === 'worker'
        ? await startWorkerLambdaRuntime({
            module: ORDER_FUNCTIONS_MODULE,
            config: { ...settings, servicesDatabase: layout.servicesDatabase } satisfies OrderFunctionsConfig,
            concurrency,
            region: LOCAL_REGION,
            accountId: LOCAL_ACCOUNT,
            onWorkerLost: (why) => process.stderr.write(`Lambda worker lost (${why.message}); starting a new one\n`),
          })
        : createLambdaRuntime({ functions: orderFunctionDefinitions(adapters, settings), concurrency, region: LOCAL_REGION, accountId: LOCAL_ACCOUNT });
    const runtime = lambda;

    const engine = createEngine({
      store,
      invokeTask: lambdaTaskInvoker(runtime, (arn, state, invocation) => invocationLogs.record(arn, state, invocation)),
      region: LOCAL_REGION,
      accountId: LOCAL_ACCOUNT,
      ...(options.timeScale !== undefined ? { timeScale: options.timeScale } : {}),
    });
    const stateMachineArn = installStateMachine(engine, store, (fn) => runtime.functionArn(fn));
    const resumed = engine.resumeRunningExecutions();

    const writes = groupFlush(() => store.flush());
    const executions = new EngineOrderExecutions(engine, stateMachineArn, writes);
    // The API's access log feeds the dashboard's API widgets (CloudWatch's API Gateway metrics).
    const apiRequests = new ApiRequestLog();
    const orderApi = createOrderApi({
      executions,
      apiKeys: [{ id: 'local', value: key.value }],
      usagePlan: options.usagePlan ?? DEFAULT_USAGE_PLAN,
      onRequest: (entry) => {
        apiRequests.recordAccess(entry);
        options.onRequest?.(entry);
      },
    });
    const stepFunctionsApi = createStepFunctionsApi({ operations: new EngineStepFunctions(engine, writes) });
    const dashboard = createDashboard(createStoreMonitoringSource(store, { invocationLogs: invocationLogsOf(invocationLogs), apiRequests }), { stateMachineArn });
    const gatewayRoutes = routeByAmzTarget({ orderApi, stepFunctionsApi });
    gateway = await listenLocalGateway(
      (req, res) => {
        // The dashboard answers reads only: orders' POSTs skip its URL parsing.
        if ((req.method === 'GET' || req.method === 'HEAD') && dashboard(req, res)) return;
        gatewayRoutes(req, res);
      },
      { port: options.port ?? 3000, host: options.host ?? '127.0.0.1' },
    );

    const db = servicesDb;
    const listening = gateway;
    const walCheckpointer = checkpointer;
    let stopped: Promise<StopReport> | undefined;
    return {
      url: listening.url,
      apiKey: key.value,
      apiKeySource: key.source,
      stateMachineArn,
      layout,
      resumed,
      seededSkus,
      engine,
      lambda: runtime,
      adapters,
      invocationLogs,
      executionArnOf: (orderId) => executions.executionArnOf(orderId),
      stop(stopOptions = {}) {
        stopped ??= (async () => {
          await listening.close();
          const drained = await settlesWithin(engine.idle(), stopOptions.drainMs ?? 5_000);
          invocationLogs.flush();
          const running = engine.listExecutions({ statusFilter: 'RUNNING' }).length;
          await walCheckpointer.stop();
          if (drained && running === 0) {
            // Executions still running keep their Lambda (and databases) until the process ends.
            await stopLambda(runtime);
            db.close();
            store.close();
          }
          return { drained: drained && running === 0, running };
        })();
        return stopped;
      },
    };
  } catch (error) {
    await gateway?.close().catch(() => undefined);
    await checkpointer?.stop();
    if (lambda !== undefined) await stopLambda(lambda);
    servicesDb?.close();
    store.close();
    throw error;
  }
}

/** The Lambda runtime of either host. */
type HostedLambda = LambdaRuntime & { stop?: () => Promise<void> };

async function stopLambda(lambda: HostedLambda): Promise<void> {
  await lambda.stop?.();
}

/**
 * Creates the order-processing state machine, or finds it from an earlier start. A changed
 * definition replaces the stored one, as UpdateStateMachine would.
 */
function installStateMachine(engine: Engine, store: SqliteExecutionStore, resolve: (fn: (typeof TASK_FUNCTION_NAMES)[number]) => string): string {
  const definition = renderOrderProcessing(resolve);
  try {
    return engine.createStateMachine({ name: STATE_MACHINE_NAME, definition: JSON.stringify(definition) }).stateMachineArn;
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'StateMachineAlreadyExists') throw error;
    const existing = store.listStateMachines().find((machine) => machine.name === STATE_MACHINE_NAME);
    if (existing === undefined) throw error;
    store.putStateMachine({ ...existing, definition: JSON.stringify(definition) });
    return existing.stateMachineArn;
  }
}

function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    promise.then(
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      () => {
        clearTimeout(timer);
        resolve(true);
      },
    );
  });
}
