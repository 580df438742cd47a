/**
 * Reads local mode's stored invocations (local/system's InvocationLogStore, described here by
 * shape so the dashboard does not depend on the composition that mounts it).
 */
import type { InvocationLog } from './source';
import type { InvocationLogSource } from './storeSource';

/** One stored invocation: its logs' times are epoch milliseconds. */
export interface StoredInvocationLike {
  readonly requestId: string;
  readonly executionArn: string;
  readonly stateName: string;
  readonly functionName: string;
  /** ISO-8601. */
  readonly startedAt: string;
  readonly durationMs: number;
  /** Set when the invocation failed. */
  readonly errorType?: string;
  readonly logs: ReadonlyArray<{ readonly stream: 'stdout' | 'stderr' | 'platform'; readonly text: string; readonly time: number }>;
}

/** What the store offers: an execution's invocations, oldest first. */
export interface StoredInvocationReader {
  invocationsOf(executionArn: string): readonly StoredInvocationLike[];
}

const toLog = (i: StoredInvocationLike): InvocationLog => ({
  functionName: i.functionName,
  requestId: i.requestId,
  executionArn: i.executionArn,
  stateName: i.stateName,
  startedAt: i.startedAt,
  durationMs: i.durationMs,
  functionError: i.errorType !== undefined,
  lines: i.logs.map((l) => ({ time: new Date(l.time).toISOString(), stream: l.stream, text: l.text })),
});

/** An {@link InvocationLogSource} over local mode's invocation log store. */
export function invocationLogsOf(reader: StoredInvocationReader): InvocationLogSource {
  return { forExecution: (executionArn) => reader.invocationsOf(executionArn).map(toLog) };
}
