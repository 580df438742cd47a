/**
 * The port the order API needs from Step Functions: start an order's execution, look one up.
 * The engine adapter implements it locally; on AWS, API Gateway's integrations do the same
 * (StartExecution, DescribeExecution).
 */
import type { Order } from '../../workflow/contracts';

/** An execution's status, as Step Functions reports it. */
export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** An order's execution, started. */
export interface StartedExecution {
  /** The Step Functions execution ARN; its name (the last segment) is the orderId. */
  readonly executionArn: string;
  readonly startDate: Date;
}

/** An order's execution as DescribeExecution reports it. */
export interface ExecutionDescription extends StartedExecution {
  readonly status: ExecutionStatus;
  /** When it reached a terminal status. */
  readonly stopDate?: Date;
  /** The execution's output as JSON text, when it SUCCEEDED. */
  readonly output?: string;
  /** The error name, when it FAILED, TIMED_OUT or was ABORTED with one. */
  readonly error?: string;
  /** The cause text beside `error`. */
  readonly cause?: string;
}

/** Starts and describes the workflow's executions, one per order. */
export interface OrderExecutions {
  /**
   * Starts the workflow for an order, in an execution named by its orderId. Starting the
   * same orderId again returns the execution already started (its ARN and start date),
   * never a second execution.
   */
  start(order: Order): Promise<StartedExecution>;
  /** The execution of an order, or `undefined` when no order has that id. */
  describe(orderId: string): Promise<ExecutionDescription | undefined>;
}
