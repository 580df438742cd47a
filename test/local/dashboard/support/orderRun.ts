/**
 * Runs the real order workflow definition on the real engine with trivial stand-in tasks,
 * so the dashboard has executions that succeed, retry, get caught and fail. Each stand-in
 * writes the EMF line its real handler would, recorded in an InvocationLogBook as local mode does.
 */
import { randomUUID } from 'node:crypto';
import { createEngine, MemoryExecutionStore, type Engine, type ExecutionStore, type JsonObject, type TaskRequest } from '../../../../local/engine';
import { InvocationLogBook } from '../../../../local/dashboard';
import { renderOrderProcessing } from '../../../../workflow';

/** What a stand-in task does, chosen by the order's paymentToken and SKUs. */
export type Scenario = 'ok' | 'declined' | 'flakyPayment' | 'brokenPayment' | 'outOfStock' | 'invalid';

const arnOf = (fn: string): string => `arn:aws:lambda:us-east-1:000000000000:function:${fn}`;

const emf = (service: string, name: string, dimension: string, value: string): string =>
  JSON.stringify({
    _aws: { Timestamp: Date.now(), CloudWatchMetrics: [{ Namespace: 'OrderWorkflow', Dimensions: [['service', dimension]], Metrics: [{ Name: name, Unit: 'Count' }] }] },
    service,
    [dimension]: value,
    [name]: 1,
  });

class StandInError extends Error {
  public constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** An order for a scenario. */
export function orderFor(scenario: Scenario, n: number): JsonObject {
  return {
    orderId: `order-${scenario}-${n}`,
    customer: { id: `c-${n}`, name: 'Ada', email: 'ada@example.com' },
    items: [{ sku: scenario === 'outOfStock' ? 'SKU-GONE' : 'SKU-1', quantity: 1, unitPrice: 10 }],
    currency: 'EUR',
    total: 10,
    paymentToken: `tok_${scenario}`,
    shippingAddress: { line1: '1 Main St', city: 'Paris', postalCode: '75001', country: 'FR' },
  };
}

/** An engine running the order workflow with stand-in tasks. */
export interface OrderRun {
  readonly engine: Engine;
  readonly store: ExecutionStore;
  readonly logs: InvocationLogBook;
  readonly stateMachineArn: string;
  /** Starts one execution per scenario and waits for all of them. */
  runBatch(scenarios: readonly Scenario[]): Promise<string[]>;
}

/** Builds the engine, the stand-ins and the state machine. */
export function createOrderRun(store: ExecutionStore = new MemoryExecutionStore()): OrderRun {
  const logs = new InvocationLogBook();
  const flakyCalls = new Map<string, number>();

  function behave(fn: string, payload: Record<string, unknown>, log: (line: string) => void): unknown {
    const scenario = JSON.stringify(payload).match(/tok_([A-Za-z]+)/)?.[1] ?? String(payload['orderId'] ?? '').split('-')[1] ?? 'ok';
    switch (fn) {
      case 'validateOrder':
        if (scenario === 'invalid') {
          log(emf('validation', 'OrdersRejected', 'rule', 'EMPTY_ITEMS'));
          return { valid: false, errors: [{ field: 'items', code: 'EMPTY_ITEMS', message: 'no items' }] };
        }
        return { valid: true, errors: [] };
      case 'reserveInventory':
        if (scenario === 'outOfStock') {
          log(emf('inventory', 'OutOfStock', 'sku', 'SKU-GONE'));
          return { status: 'OUT_OF_STOCK', lines: [{ sku: 'SKU-GONE', requested: 1, available: 0, status: 'OUT_OF_STOCK' }] };
        }
        return { status: 'RESERVED', reservationId: `r-${randomUUID()}`, lines: [], expiresAt: '2030-01-01T00:00:00Z' };
      case 'chargePayment': {
        if (scenario === 'declined') {
          log(emf('payment', 'PaymentsDeclined', 'reason', 'INSUFFICIENT_FUNDS'));
          return { status: 'DECLINED', declineReason: 'INSUFFICIENT_FUNDS' };
        }
        if (scenario === 'brokenPayment') throw new StandInError('PaymentProcessorUnavailable', 'the payment processor is down');
        if (scenario === 'flakyPayment') {
          const key = String(payload['orderId']);
          const calls = (flakyCalls.get(key) ?? 0) + 1;
          flakyCalls.set(key, calls);
          if (calls < 3) throw new StandInError('PaymentProcessorUnavailable', `attempt ${calls} timed out`);
        }
        return { status: 'APPROVED', confirmationId: `p-${randomUUID()}` };
      }
      case 'notifyCustomer':
        return { status: 'DELIVERED' };
      default:
        return { status: 'DONE' };
    }
  }

  async function invokeTask(request: TaskRequest): Promise<unknown> {
    if (request.kind !== 'lambda') throw new StandInError('States.TaskFailed', 'not a Lambda task');
    const fn = /function:([^:]+)/.exec(request.functionName)?.[1] ?? request.functionName;
    const startedAt = new Date();
    const lines: { stream: 'stdout'; text: string; time: Date }[] = [];
    const log = (text: string): void => {
      lines.push({ stream: 'stdout', text, time: new Date() });
    };
    const payload = typeof request.payload === 'object' && request.payload !== null && !Array.isArray(request.payload) ? request.payload : {};
    let failed = false;
    try {
      log(JSON.stringify({ level: 'INFO', message: 'step started', service: fn, orderId: payload['orderId'] ?? null }));
      return behave(fn, payload, log);
    } catch (error) {
      failed = true;
      log(JSON.stringify({ level: 'ERROR', message: 'step failed', service: fn, error: error instanceof Error ? error.name : 'Error' }));
      throw error;
    } finally {
      logs.record(
        { executionArn: request.executionArn, stateName: request.stateName },
        { functionName: fn, requestId: randomUUID(), startedAt, durationMs: Date.now() - startedAt.getTime(), ...(failed ? { functionError: 'Unhandled' } : {}), logs: lines },
      );
    }
  }

  const engine = createEngine({ store, invokeTask, timeScale: 0.002 });
  const { stateMachineArn } = engine.createStateMachine({ name: 'OrderProcessing', definition: JSON.stringify(renderOrderProcessing(arnOf)) });
  return {
    engine,
    store,
    logs,
    stateMachineArn,
    async runBatch(scenarios) {
      const arns = scenarios.map((s, i) => engine.startExecution(stateMachineArn, orderFor(s, i), { name: `${s}-${i}-${randomUUID().slice(0, 8)}` }).executionArn);
      await Promise.all(arns.map((arn) => engine.awaitExecution(arn)));
      return arns;
    },
  };
}
