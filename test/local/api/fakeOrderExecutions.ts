/**
 * TEST DOUBLE of the OrderExecutions port. It runs no workflow: `start` records the order and
 * makes a RUNNING execution (the same one again for the same orderId), and tests set what
 * `describe` reports with `settle`. Use it to test the API, never as a local backend.
 */
import type { Order } from '../../../workflow/contracts';
import type { ExecutionDescription, OrderExecutions, StartedExecution } from '../../../local/api';

export const FAKE_STATE_MACHINE_EXECUTION_PREFIX = 'arn:aws:states:us-east-1:000000000000:execution:OrderProcessing:';

export class FakeOrderExecutions implements OrderExecutions {
  /** Every order `start` was called with, in order (repeats included). */
  public readonly startCalls: Order[] = [];
  private readonly executions = new Map<string, ExecutionDescription>();

  public constructor(private readonly clock: () => Date = () => new Date()) {}

  public async start(order: Order): Promise<StartedExecution> {
    this.startCalls.push(order);
    const existing = this.executions.get(order.orderId);
    if (existing !== undefined) return { executionArn: existing.executionArn, startDate: existing.startDate };
    const execution: ExecutionDescription = {
      executionArn: `${FAKE_STATE_MACHINE_EXECUTION_PREFIX}${order.orderId}`,
      startDate: this.clock(),
      status: 'RUNNING',
    };
    this.executions.set(order.orderId, execution);
    return { executionArn: execution.executionArn, startDate: execution.startDate };
  }

  public async describe(orderId: string): Promise<ExecutionDescription | undefined> {
    return this.executions.get(orderId);
  }

  /** Test control: replaces what `describe` reports for an order already started. */
  public settle(orderId: string, change: Omit<ExecutionDescription, 'executionArn' | 'startDate'>): void {
    const execution = this.executions.get(orderId);
    if (execution === undefined) throw new Error(`no execution for ${orderId}`);
    this.executions.set(orderId, { executionArn: execution.executionArn, startDate: execution.startDate, ...change });
  }

  /** How many distinct executions were started. */
  public get executionCount(): number {
    return this.executions.size;
  }
}
