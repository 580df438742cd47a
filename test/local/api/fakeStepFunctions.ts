/**
 * TEST DOUBLE of the StepFunctionsOperations port: a few executions kept in memory, each with
 * a scripted history. It interprets no state machine; tests script outcomes with `finish`.
 * Use it to test the endpoint's protocol, never as a local backend.
 */
import {
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  ExecutionNotRedrivable,
  InvalidToken,
  StateMachineDoesNotExist,
  type DescribeExecutionResult,
  type ExecutionListItem,
  type GetExecutionHistoryRequest,
  type GetExecutionHistoryResult,
  type HistoryEvent,
  type ListExecutionsRequest,
  type ListExecutionsResult,
  type RedriveExecutionRequest,
  type RedriveExecutionResult,
  type StartExecutionRequest,
  type StartExecutionResult,
  type StepFunctionsOperations,
  type StopExecutionRequest,
  type StopExecutionResult,
} from '../../../local/api';

export const FAKE_STATE_MACHINE_ARN = 'arn:aws:states:us-east-1:000000000000:stateMachine:OrderProcessing';

interface FakeExecution {
  description: DescribeExecutionResult;
  history: HistoryEvent[];
}

export class FakeStepFunctions implements StepFunctionsOperations {
  private readonly executions = new Map<string, FakeExecution>();
  private names = 0;

  public constructor(private readonly clock: () => Date = () => new Date()) {}

  public async startExecution(request: StartExecutionRequest): Promise<StartExecutionResult> {
    if (request.stateMachineArn !== FAKE_STATE_MACHINE_ARN) throw new StateMachineDoesNotExist(request.stateMachineArn);
    const name = request.name ?? `generated-${++this.names}`;
    const executionArn = `${FAKE_STATE_MACHINE_ARN.replace(':stateMachine:', ':execution:')}:${name}`;
    const input = request.input ?? '{}';
    const existing = this.executions.get(executionArn);
    if (existing !== undefined) {
      // As Step Functions: the same name and input while running is the same execution.
      if (existing.description.status === 'RUNNING' && existing.description.input === input) {
        return { executionArn, startDate: existing.description.startDate };
      }
      throw new ExecutionAlreadyExists(executionArn);
    }
    const startDate = this.clock();
    this.executions.set(executionArn, {
      description: { executionArn, stateMachineArn: request.stateMachineArn, name, status: 'RUNNING', startDate, input },
      history: [
        {
          id: 1,
          previousEventId: 0,
          timestamp: startDate,
          type: 'ExecutionStarted',
          executionStartedEventDetails: { input, inputDetails: { truncated: false }, roleArn: 'arn:aws:iam::000000000000:role/local' },
        },
      ],
    });
    return { executionArn, startDate };
  }

  public async describeExecution(request: { executionArn: string }): Promise<DescribeExecutionResult> {
    return this.find(request.executionArn).description;
  }

  public async getExecutionHistory(request: GetExecutionHistoryRequest): Promise<GetExecutionHistoryResult> {
    const events = [...this.find(request.executionArn).history];
    if (request.reverseOrder === true) events.reverse();
    return page(events, request.maxResults, request.nextToken);
  }

  public async listExecutions(request: ListExecutionsRequest): Promise<ListExecutionsResult> {
    const items: ExecutionListItem[] = [...this.executions.values()]
      .map(({ description }) => description)
      .filter((description) => request.statusFilter === undefined || description.status === request.statusFilter)
      .map(({ executionArn, stateMachineArn, name, status, startDate, stopDate }) => ({ executionArn, stateMachineArn, name, status, startDate, stopDate }));
    const { events, nextToken } = page(items, request.maxResults, request.nextToken);
    return { executions: events, nextToken };
  }

  public async stopExecution(request: StopExecutionRequest): Promise<StopExecutionResult> {
    const execution = this.find(request.executionArn);
    if (execution.description.status !== 'RUNNING') return { stopDate: execution.description.stopDate ?? this.clock() };
    this.finish(request.executionArn, { status: 'ABORTED', error: request.error, cause: request.cause }, 'ExecutionAborted');
    return { stopDate: execution.description.stopDate ?? this.clock() };
  }

  public async redriveExecution(request: RedriveExecutionRequest): Promise<RedriveExecutionResult> {
    const execution = this.find(request.executionArn);
    const { status } = execution.description;
    if (status === 'RUNNING' || status === 'SUCCEEDED') {
      throw new ExecutionNotRedrivable(`Execution is ${status} and cannot be redriven`);
    }
    const redriveDate = this.clock();
    execution.description = {
      ...execution.description,
      status: 'RUNNING',
      stopDate: undefined,
      redriveCount: (execution.description.redriveCount ?? 0) + 1,
      redriveDate,
    };
    this.append(execution, 'ExecutionRedriven', { executionRedrivenEventDetails: { redriveCount: execution.description.redriveCount } });
    return { redriveDate };
  }

  /** Test control: ends a running execution. */
  public finish(
    executionArn: string,
    outcome: { status: 'SUCCEEDED' | 'FAILED' | 'ABORTED' | 'TIMED_OUT'; output?: string; error?: string; cause?: string },
    eventType = outcome.status === 'SUCCEEDED' ? 'ExecutionSucceeded' : 'ExecutionFailed',
  ): void {
    const execution = this.find(executionArn);
    execution.description = { ...execution.description, ...outcome, stopDate: this.clock() };
    this.append(execution, eventType, {});
  }

  private append(execution: FakeExecution, type: string, details: Record<`${string}EventDetails`, unknown>): void {
    const last = execution.history[execution.history.length - 1];
    execution.history.push({ id: (last?.id ?? 0) + 1, previousEventId: last?.id ?? 0, timestamp: this.clock(), type, ...details });
  }

  private find(executionArn: string): FakeExecution {
    const execution = this.executions.get(executionArn);
    if (execution === undefined) throw new ExecutionDoesNotExist(executionArn);
    return execution;
  }
}

function page<T>(items: readonly T[], maxResults: number | undefined, nextToken: string | undefined): { events: T[]; nextToken?: string } {
  const size = maxResults === undefined || maxResults === 0 ? 100 : maxResults;
  const start = nextToken === undefined ? 0 : Number.parseInt(nextToken.replace(/^page-/, ''), 10);
  if (!Number.isInteger(start) || start < 0 || start > items.length) throw new InvalidToken(nextToken ?? '');
  const end = start + size;
  return { events: items.slice(start, end), ...(end < items.length ? { nextToken: `page-${end}` } : {}) };
}
