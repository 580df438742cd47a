/**
 * The order API's {@link OrderExecutions} port on the local engine: one execution per order,
 * named by its orderId, of the order-processing state machine.
 */
import type { Engine, ExecutionDescription as EngineDescription } from '../engine';
import type { ExecutionDescription, ExecutionStatus, OrderExecutions, StartedExecution } from '../api';
import type { Order } from '../../workflow/contracts';
import type { GroupFlush } from './durability';

/**
 * Starts and describes orders' executions of `stateMachineArn` on `engine`. A start resolves
 * only once the execution is written (`writes`), so an accepted order survives a crash.
 */
export class EngineOrderExecutions implements OrderExecutions {
  public constructor(
    private readonly engine: Engine,
    private readonly stateMachineArn: string,
    private readonly writes: GroupFlush = { durable: async () => undefined },
  ) {}

  /** The ARN of the execution of `orderId` (whether it exists or not). */
  public executionArnOf(orderId: string): string {
    return `${this.stateMachineArn.replace(':stateMachine:', ':execution:')}:${orderId}`;
  }

  public async start(order: Order): Promise<StartedExecution> {
    try {
      const started = this.engine.startExecution(this.stateMachineArn, order, { name: order.orderId });
      await this.writes.durable();
      return started;
    } catch (error) {
      // The order was accepted before (running with another input, or finished): same execution.
      if (error instanceof Error && error.name === 'ExecutionAlreadyExists') {
        const existing = this.describeArn(this.executionArnOf(order.orderId));
        if (existing !== undefined) return { executionArn: existing.executionArn, startDate: existing.startDate };
      }
      throw error;
    }
  }

  public async describe(orderId: string): Promise<ExecutionDescription | undefined> {
    const d = this.describeArn(this.executionArnOf(orderId));
    if (d === undefined) return undefined;
    return {
      executionArn: d.executionArn,
      startDate: d.startDate,
      status: orderStatus(d.status),
      ...(d.stopDate !== undefined ? { stopDate: d.stopDate } : {}),
      ...(d.output !== undefined ? { output: d.output } : {}),
      ...(d.error !== undefined ? { error: d.error } : {}),
      ...(d.cause !== undefined ? { cause: d.cause } : {}),
    };
  }

  private describeArn(executionArn: string): EngineDescription | undefined {
    try {
      return this.engine.describeExecution(executionArn);
    } catch (error) {
      if (error instanceof Error && error.name === 'ExecutionDoesNotExist') return undefined;
      throw error;
    }
  }
}

/** A redrive that is about to run counts as running. */
function orderStatus(status: EngineDescription['status']): ExecutionStatus {
  return status === 'PENDING_REDRIVE' ? 'RUNNING' : status;
}
