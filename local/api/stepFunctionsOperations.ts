/**
 * The port the Step Functions API endpoint needs: the six AWS operations it serves, with
 * AWS's request and response fields (dates as `Date`, execution input and output as JSON
 * text). The engine is adapted to it; implementations throw the errors of `./stepFunctionsErrors`
 * (ExecutionDoesNotExist…), which the endpoint answers with AWS's error shape.
 */
import type { ExecutionStatus } from './orderExecutions';

/** Every status of the Step Functions API, including a failed execution waiting to be redriven. */
export type SfnExecutionStatus = ExecutionStatus | 'PENDING_REDRIVE';

export interface StartExecutionRequest {
  readonly stateMachineArn: string;
  /** Defaults to a generated UUID. */
  readonly name?: string;
  /** JSON text; `{}` when absent. */
  readonly input?: string;
  readonly traceHeader?: string;
}
export interface StartExecutionResult {
  readonly executionArn: string;
  readonly startDate: Date;
}

export interface DescribeExecutionRequest {
  readonly executionArn: string;
  readonly includedData?: 'ALL_DATA' | 'METADATA_ONLY';
}
export interface DescribeExecutionResult {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly status: SfnExecutionStatus;
  readonly startDate: Date;
  readonly stopDate?: Date;
  readonly input?: string;
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
  readonly redriveCount?: number;
  readonly redriveDate?: Date;
  readonly redriveStatus?: 'REDRIVABLE' | 'NOT_REDRIVABLE' | 'REDRIVABLE_BY_MAP_RUN';
  readonly redriveStatusReason?: string;
}

/**
 * One history event, as GetExecutionHistory returns it: `id`, `previousEventId`, `timestamp`,
 * `type`, and the details of its type (`executionStartedEventDetails`, `taskScheduledEventDetails`…).
 */
export interface HistoryEvent {
  readonly id: number;
  readonly previousEventId?: number;
  readonly timestamp: Date;
  readonly type: string;
  readonly [details: `${string}EventDetails`]: unknown;
}

export interface GetExecutionHistoryRequest {
  readonly executionArn: string;
  /** 0 to 1000; 0 or absent means the service's default page size (100). */
  readonly maxResults?: number;
  readonly reverseOrder?: boolean;
  readonly nextToken?: string;
  readonly includeExecutionData?: boolean;
}
export interface GetExecutionHistoryResult {
  readonly events: readonly HistoryEvent[];
  readonly nextToken?: string;
}

export interface ListExecutionsRequest {
  readonly stateMachineArn?: string;
  readonly statusFilter?: SfnExecutionStatus;
  readonly maxResults?: number;
  readonly nextToken?: string;
  readonly redriveFilter?: 'REDRIVEN' | 'NOT_REDRIVEN';
}
export interface ExecutionListItem {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly status: SfnExecutionStatus;
  readonly startDate: Date;
  readonly stopDate?: Date;
  readonly redriveCount?: number;
  readonly redriveDate?: Date;
}
export interface ListExecutionsResult {
  readonly executions: readonly ExecutionListItem[];
  readonly nextToken?: string;
}

export interface StopExecutionRequest {
  readonly executionArn: string;
  readonly error?: string;
  readonly cause?: string;
}
export interface StopExecutionResult {
  readonly stopDate: Date;
}

export interface RedriveExecutionRequest {
  readonly executionArn: string;
  readonly clientToken?: string;
}
export interface RedriveExecutionResult {
  readonly redriveDate: Date;
}

/** The Step Functions operations served by the local endpoint. */
export interface StepFunctionsOperations {
  startExecution(request: StartExecutionRequest): Promise<StartExecutionResult>;
  describeExecution(request: DescribeExecutionRequest): Promise<DescribeExecutionResult>;
  getExecutionHistory(request: GetExecutionHistoryRequest): Promise<GetExecutionHistoryResult>;
  listExecutions(request: ListExecutionsRequest): Promise<ListExecutionsResult>;
  stopExecution(request: StopExecutionRequest): Promise<StopExecutionResult>;
  redriveExecution(request: RedriveExecutionRequest): Promise<RedriveExecutionResult>;
}
