/**
 * The Step Functions API endpoint's {@link StepFunctionsOperations} port on the local engine.
 * The engine throws AWS's errors by name (ExecutionDoesNotExist…), which the endpoint answers
 * as AWS does; pages are cut here, with opaque tokens.
 */
import type { Engine, HistoryEvent as EngineHistoryEvent, Json } from '../engine';
import {
  InvalidToken,
  type DescribeExecutionRequest,
  type DescribeExecutionResult,
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
} from '../api';
import type { GroupFlush } from './durability';

/** AWS's default page size. */
const DEFAULT_PAGE_SIZE = 100;

/**
 * Serves the Step Functions operations from `engine`. StartExecution and RedriveExecution
 * answer once the change is written (`writes`).
 */
export class EngineStepFunctions implements StepFunctionsOperations {
  public constructor(
    private readonly engine: Engine,
    private readonly writes: GroupFlush = { durable: async () => undefined },
  ) {}

  public async startExecution(request: StartExecutionRequest): Promise<StartExecutionResult> {
    const input = request.input === undefined ? undefined : (JSON.parse(request.input) as Json);
    const started = this.engine.startExecution(request.stateMachineArn, input, request.name === undefined ? {} : { name: request.name });
    await this.writes.durable();
    return started;
  }

  public async describeExecution(request: DescribeExecutionRequest): Promise<DescribeExecutionResult> {
    const d = this.engine.describeExecution(request.executionArn);
    if (request.includedData !== 'METADATA_ONLY') return d;
    const { input: _input, output: _output, inputDetails: _inputDetails, outputDetails: _outputDetails, ...metadata } = d;
    return metadata;
  }

  public async getExecutionHistory(request: GetExecutionHistoryRequest): Promise<GetExecutionHistoryResult> {
    const { events } = this.engine.getExecutionHistory(request.executionArn, { reverseOrder: request.reverseOrder === true });
    const withData = request.includeExecutionData !== false;
    const { items, nextToken } = page(events, request.maxResults, request.nextToken, `history:${request.executionArn}`);
    return { events: items.map((event) => toApiEvent(event, withData)), ...(nextToken !== undefined ? { nextToken } : {}) };
  }

  public async listExecutions(request: ListExecutionsRequest): Promise<ListExecutionsResult> {
    const all = this.engine
      .listExecutions({
        ...(request.stateMachineArn !== undefined ? { stateMachineArn: request.stateMachineArn } : {}),
        ...(request.statusFilter !== undefined ? { statusFilter: request.statusFilter } : {}),
      })
      .filter((item) => request.redriveFilter === undefined || (request.redriveFilter === 'REDRIVEN') === item.redriveCount > 0);
    const scope = `executions:${request.stateMachineArn ?? '*'}:${request.statusFilter ?? '*'}`;
    const { items, nextToken } = executionPage(all, request.maxResults, request.nextToken, scope);
    return { executions: items, ...(nextToken !== undefined ? { nextToken } : {}) };
  }

  public async stopExecution(request: StopExecutionRequest): Promise<StopExecutionResult> {
    const options = { ...(request.error !== undefined ? { error: request.error } : {}), ...(request.cause !== undefined ? { cause: request.cause } : {}) };
    const stopped = this.engine.stopExecution(request.executionArn, options);
    // The answer comes once the execution has recorded its end, as DescribeExecution then shows.
    await this.engine.awaitExecution(request.executionArn);
    return stopped;
  }

  public async redriveExecution(request: RedriveExecutionRequest): Promise<RedriveExecutionResult> {
    const redriven = this.engine.redriveExecution(request.executionArn);
    await this.writes.durable();
    return redriven;
  }
}

function toApiEvent(event: EngineHistoryEvent, withData: boolean): HistoryEvent {
  const { timestamp, type, id, previousEventId, ...details } = event;
  const kept = withData ? details : Object.fromEntries(Object.entries(details).map(([key, value]) => [key, withoutData(value)]));
  return { ...kept, id, previousEventId, type, timestamp: new Date(timestamp) } as HistoryEvent;
}

/** An event's details without the execution data (input, output, parameters). */
function withoutData(details: unknown): unknown {
  if (typeof details !== 'object' || details === null) return details;
  return Object.fromEntries(Object.entries(details).filter(([key]) => !['input', 'output', 'parameters'].includes(key)));
}

/** A page of `items` from an opaque token bound to the listing it came from (history only grows, so an offset holds). */
function page<T>(items: readonly T[], maxResults: number | undefined, token: string | undefined, scope: string): { items: T[]; nextToken?: string } {
  let start = 0;
  if (token !== undefined) {
    const offset = decodeToken(token, scope)?.offset;
    if (typeof offset !== 'number' || offset > items.length) throw new InvalidToken(token);
    start = offset;
  }
  return pageFrom(items, start, pageSize(maxResults), (end) => encodeToken({ scope, offset: end }));
}

/**
 * A page of executions (newest first) after those the previous pages listed. Executions end
 * (leaving a RUNNING listing) and start between pages, so the token holds where the listing
 * stood, not an offset: the start of the last execution listed and the executions listed that
 * started in that same millisecond. A listing that shrank neither skips nor refuses the rest.
 */
function executionPage<T extends { readonly executionArn: string; readonly startDate: Date }>(
  items: readonly T[],
  maxResults: number | undefined,
  token: string | undefined,
  scope: string,
): { items: T[]; nextToken?: string } {
  let rest = items;
  let edge: { readonly startMs: number; readonly listed: readonly string[] } | undefined;
  if (token !== undefined) {
    const cursor = decodeToken(token, scope);
    if (cursor?.startMs === undefined || cursor.listed === undefined) throw new InvalidToken(token);
    const { startMs, listed } = cursor;
    const seen = new Set(listed);
    rest = items.filter((item) => item.startDate.getTime() < startMs || (item.startDate.getTime() === startMs && !seen.has(item.executionArn)));
    edge = { startMs, listed };
  }
  const size = pageSize(maxResults);
  return pageFrom(rest, 0, size, (end) => {
    const startMs = rest[end - 1]!.startDate.getTime();
    const onPage = rest.slice(0, end).filter((item) => item.startDate.getTime() === startMs).map((item) => item.executionArn);
    // Several pages may end in the same millisecond: keep what the earlier ones listed in it.
    const listed = edge !== undefined && edge.startMs === startMs && onPage.length === end ? [...edge.listed, ...onPage] : onPage;
    return encodeToken({ scope, startMs, listed });
  });
}

function pageFrom<T>(items: readonly T[], start: number, size: number, tokenAt: (end: number) => string): { items: T[]; nextToken?: string } {
  const end = start + size;
  return { items: items.slice(start, end), ...(end < items.length ? { nextToken: tokenAt(end) } : {}) };
}

function pageSize(maxResults: number | undefined): number {
  return maxResults === undefined || maxResults === 0 ? DEFAULT_PAGE_SIZE : maxResults;
}

interface PageToken {
  readonly scope: string;
  readonly offset?: number;
  readonly startMs?: number;
  readonly listed?: readonly string[];
}

function encodeToken(token: PageToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

/** The token's fields if it is one of ours for `scope`; numbers checked as non-negative integers. */
function decodeToken(token: string, scope: string): PageToken | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { scope: tokenScope, offset, startMs, listed } = parsed as Record<string, unknown>;
    if (tokenScope !== scope) return undefined;
    const count = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
    return {
      scope,
      ...(count(offset) ? { offset } : {}),
      ...(count(startMs) ? { startMs } : {}),
      ...(Array.isArray(listed) && listed.every((arn) => typeof arn === 'string') ? { listed: listed as string[] } : {}),
    };
  } catch {
    return undefined;
  }
}
