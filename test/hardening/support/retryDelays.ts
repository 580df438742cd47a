/**
 * Reads the retries out of an execution's history: for each Lambda call that failed with a
 * transient error and was scheduled again, the delay before the retry and which retry it was.
 */
import type { HistoryEvent } from '../../../local/engine/history';

/** One retry: the n-th retry of a call (1 for the first), and the wait before it. */
export interface RetryDelay {
  readonly resource: string;
  readonly retry: number;
  readonly delayMs: number;
  readonly error: string;
}

function details(event: HistoryEvent, key: string): Record<string, unknown> {
  const value = event[key];
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The retries in `events` (one execution's history, in order). */
export function retryDelays(events: readonly HistoryEvent[]): RetryDelay[] {
  const byId = new Map(events.map((event) => [event.id, event]));
  const resourceOf = (event: HistoryEvent): string | undefined => {
    // Failed → Started → Scheduled, by previousEventId.
    let at: HistoryEvent | undefined = event;
    for (let hops = 0; at !== undefined && hops < 4; hops++) {
      if (at.type === 'LambdaFunctionScheduled') return String(details(at, 'lambdaFunctionScheduledEventDetails').resource);
      at = byId.get(at.previousEventId);
    }
    return undefined;
  };
  const failures = new Map<string, { at: number; count: number; error: string }>();
  const delays: RetryDelay[] = [];
  for (const event of events) {
    if (event.type === 'LambdaFunctionScheduled') {
      const resource = String(details(event, 'lambdaFunctionScheduledEventDetails').resource);
      const failed = failures.get(resource);
      if (failed !== undefined) delays.push({ resource, retry: failed.count, delayMs: Date.parse(event.timestamp) - failed.at, error: failed.error });
    } else if (event.type === 'LambdaFunctionFailed') {
      const resource = resourceOf(event);
      if (resource === undefined) continue;
      const previous = failures.get(resource);
      failures.set(resource, { at: Date.parse(event.timestamp), count: (previous?.count ?? 0) + 1, error: String(details(event, 'lambdaFunctionFailedEventDetails').error) });
    } else if (event.type === 'LambdaFunctionSucceeded') {
      const resource = resourceOf(event);
      if (resource !== undefined) failures.delete(resource);
    }
  }
  return delays;
}
