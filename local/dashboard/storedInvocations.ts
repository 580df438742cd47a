/**
 * Reads local mode's stored invocations (local/system's InvocationLogStore, described here by
 * shape so the dashboard does not depend on the composition that mounts it).
 */
import type { InvocationLog } from './source';
import type { InvocationLogSource } from './storeSource';

/** One stored invocation. */
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
  /** The lines as written, in order. */
  readonly logLines: readonly string[];
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
  // The store keeps the text of each line only: they are dated by the invocation's start.
  lines: i.logLines.map((text) => ({ time: i.startedAt, stream: 'stdout', text })),
});

/** An {@link InvocationLogSource} over local mode's invocation log store. */
export function invocationLogsOf(reader: StoredInvocationReader): InvocationLogSource {
  return { forExecution: (executionArn) => reader.invocationsOf(executionArn).map(toLog) };
}
