import { Clock } from './clock';

/** AWS's HistoryEvent: one entry of GetExecutionHistory. `timestamp` is ISO-8601 text. */
export interface HistoryEvent {
  timestamp: string;
  type: string;
  id: number;
  previousEventId: number;
  [detailsKey: string]: unknown;
}

const TEXT_FIELDS = ['input', 'output', 'parameters'];

/**
 * An event as GetExecutionHistory returns it: payloads (input, output, parameters, each assigned
 * variable) as JSON text. Recorded events keep them as values, which is cheaper to record.
 */
export function presentEvent(event: HistoryEvent): HistoryEvent {
  const out: HistoryEvent = { ...event };
  for (const [key, value] of Object.entries(event)) {
    if (!key.endsWith('EventDetails') || typeof value !== 'object' || value === null) continue;
    const details: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const field of TEXT_FIELDS) {
      if (field in details && typeof details[field] !== 'string') details[field] = JSON.stringify(details[field]);
    }
    if (typeof details.assignedVariables === 'object' && details.assignedVariables !== null) {
      details.assignedVariables = Object.fromEntries(
        Object.entries(details.assignedVariables as Record<string, unknown>).map(([k, v]) => [k, JSON.stringify(v)]),
      );
    }
    out[key] = details;
  }
  return out;
}

/** A recorded event with the replay key that identifies it across a crash and resume. */
export interface RecordedEvent {
  key: string;
  event: HistoryEvent;
}

/**
 * One sequence of causally ordered events: the execution's top level, one Parallel branch or
 * one Map iteration. `key` and `count` name each event deterministically (`key#count`), so a
 * resumed execution recognises the events it recorded before the crash.
 */
export interface Lane {
  key: string;
  count: number;
  /** The id of this lane's latest event (the next event's previousEventId). */
  last: number;
}

const KNOWN_DETAILS: Record<string, string> = {
  ExecutionStarted: 'executionStartedEventDetails',
  ExecutionSucceeded: 'executionSucceededEventDetails',
  ExecutionFailed: 'executionFailedEventDetails',
  ExecutionAborted: 'executionAbortedEventDetails',
  ExecutionTimedOut: 'executionTimedOutEventDetails',
  ExecutionRedriven: 'executionRedrivenEventDetails',
  TaskScheduled: 'taskScheduledEventDetails',
  TaskStarted: 'taskStartedEventDetails',
  TaskSubmitted: 'taskSubmittedEventDetails',
  TaskSucceeded: 'taskSucceededEventDetails',
  TaskFailed: 'taskFailedEventDetails',
  TaskTimedOut: 'taskTimedOutEventDetails',
  LambdaFunctionScheduled: 'lambdaFunctionScheduledEventDetails',
  LambdaFunctionStartFailed: 'lambdaFunctionStartFailedEventDetails',
  LambdaFunctionSucceeded: 'lambdaFunctionSucceededEventDetails',
  LambdaFunctionFailed: 'lambdaFunctionFailedEventDetails',
  LambdaFunctionTimedOut: 'lambdaFunctionTimedOutEventDetails',
  MapStateStarted: 'mapStateStartedEventDetails',
  MapIterationStarted: 'mapIterationStartedEventDetails',
  MapIterationSucceeded: 'mapIterationSucceededEventDetails',
  MapIterationFailed: 'mapIterationFailedEventDetails',
  MapIterationAborted: 'mapIterationAbortedEventDetails',
  EvaluationFailed: 'evaluationFailedEventDetails',
};

/** The detail object's key of each event type, as GetExecutionHistory names them. */
function detailsKeyOf(type: string): string | undefined {
  const known = KNOWN_DETAILS[type];
  if (known !== undefined) return known;
  if (type.endsWith('StateEntered')) return 'stateEnteredEventDetails';
  if (type.endsWith('StateExited')) return 'stateExitedEventDetails';
  return undefined;
}

/**
 * Numbers and records an execution's history events. New events go to `pending` until the
 * engine commits them with the step they belong to; on resume, `replayed` holds the events
 * recorded before the crash, and an event whose key is there is not recorded twice.
 */
export class HistoryRecorder {
  public readonly events: HistoryEvent[];
  private pending: RecordedEvent[] = [];
  private readonly replayed: Map<string, HistoryEvent>;

  public constructor(
    private readonly clock: Clock,
    recorded: readonly RecordedEvent[] = [],
  ) {
    this.events = recorded.map((r) => r.event);
    this.replayed = new Map(recorded.map((r) => [r.key, r.event]));
  }

  /** Records one event on a lane and returns its id. */
  public add(lane: Lane, type: string, details?: Record<string, unknown>): number {
    const key = `${lane.key}#${lane.count++}`;
    const seen = this.replayed.size === 0 ? undefined : this.replayed.get(key);
    if (seen !== undefined) {
      lane.last = seen.id;
      return seen.id;
    }
    const event: HistoryEvent = {
      timestamp: this.timestamp(),
      type,
      id: this.events.length + 1,
      previousEventId: lane.last,
    };
    const detailsKey = detailsKeyOf(type);
    if (details !== undefined && detailsKey !== undefined) event[detailsKey] = details;
    this.events.push(event);
    this.pending.push({ key, event });
    lane.last = event.id;
    return event.id;
  }

  private lastMillis = NaN;
  private lastText = '';

  /** ISO text of now, reused while the clock stays on the same millisecond. */
  private timestamp(): string {
    const now = this.clock.now();
    if (now !== this.lastMillis) {
      this.lastMillis = now;
      this.lastText = new Date(now).toISOString();
    }
    return this.lastText;
  }

  /** The key the next event of a lane will get (a task's memo key is its Scheduled event's). */
  public nextKey(lane: Lane): string {
    return `${lane.key}#${lane.count}`;
  }

  /** True when the event with this key was recorded before a resume. */
  public wasReplayed(key: string): boolean {
    return this.replayed.has(key);
  }

  /** Hands over the events recorded since the last call. */
  public takePending(): RecordedEvent[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }
}
