/**
 * Keeps the task invocations' logs in memory, by execution, for the dashboard. Local mode
 * records each invocation the engine makes (the Lambda stand-in's InvocationRecord, plus the
 * execution and state it ran for); the oldest are forgotten past `capacity`.
 */
import type { InvocationLog, TimeWindow } from './source';

/** The parts of the Lambda stand-in's InvocationRecord the dashboard keeps. */
export interface CompletedInvocation {
  readonly functionName: string;
  readonly requestId: string;
  readonly startedAt: Date;
  readonly durationMs: number;
  readonly functionError?: string;
  readonly logs: readonly { readonly stream: 'stdout' | 'stderr' | 'platform'; readonly text: string; readonly time: Date }[];
}

/** Where an invocation came from. */
export interface InvocationOrigin {
  readonly executionArn?: string;
  readonly stateName?: string;
}

/** An in-memory, bounded log of invocations. */
export class InvocationLogBook {
  private readonly entries: InvocationLog[] = [];
  /** Each entry's start, epoch milliseconds, for window queries. */
  private readonly starts: number[] = [];
  private readonly byExecution = new Map<string, InvocationLog[]>();

  /** @param capacity how many invocations to keep @default 50000 */
  public constructor(private readonly capacity = 50_000) {}

  /** Records one completed invocation. */
  public record(origin: InvocationOrigin, invocation: CompletedInvocation): void {
    const entry: InvocationLog = {
      functionName: invocation.functionName,
      requestId: invocation.requestId,
      ...(origin.executionArn !== undefined ? { executionArn: origin.executionArn } : {}),
      ...(origin.stateName !== undefined ? { stateName: origin.stateName } : {}),
      startedAt: invocation.startedAt.toISOString(),
      durationMs: invocation.durationMs,
      functionError: invocation.functionError !== undefined,
      lines: invocation.logs.map((l) => ({ time: l.time.toISOString(), stream: l.stream, text: l.text })),
    };
    this.entries.push(entry);
    this.starts.push(invocation.startedAt.getTime());
    if (entry.executionArn !== undefined) {
      const list = this.byExecution.get(entry.executionArn) ?? [];
      list.push(entry);
      this.byExecution.set(entry.executionArn, list);
    }
    if (this.entries.length > this.capacity) {
      this.starts.shift();
      this.forget(this.entries.shift());
    }
  }

  /** The invocations of one execution, oldest first. */
  public forExecution(executionArn: string): InvocationLog[] {
    return [...(this.byExecution.get(executionArn) ?? [])];
  }

  /** The invocations that started in the window, oldest first. */
  public between(window: TimeWindow): InvocationLog[] {
    return this.entries.filter((_, i) => {
      const t = this.starts[i] ?? Number.NaN;
      return t >= window.since && t < window.until;
    });
  }

  private forget(entry: InvocationLog | undefined): void {
    if (entry?.executionArn === undefined) return;
    const list = this.byExecution.get(entry.executionArn);
    if (list === undefined) return;
    list.splice(list.indexOf(entry), 1);
    if (list.length === 0) this.byExecution.delete(entry.executionArn);
  }
}
