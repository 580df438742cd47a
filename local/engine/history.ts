import { Clock } from './clock';
import { isoTimestamp } from './timestamps';

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

for (const t of ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map']) {
  KNOWN_DETAILS[`${t}StateEntered`] = 'stateEnteredEventDetails';
  KNOWN_DETAILS[`${t}StateExited`] = 'stateExitedEventDetails';
}

/** The detail object's key of each event type, as GetExecutionHistory names them. */
export function detailsKeyOf(type: string): string | undefined {
  const known = KNOWN_DETAILS[type];
  if (known !== undefined) return known;
  if (type.endsWith('StateEntered')) return 'stateEnteredEventDetails';
  if (type.endsWith('StateExited')) return 'stateExitedEventDetails';
  return undefined;
}

type EventMaker = (timestamp: string, type: string, id: number, previousEventId: number, details: Record<string, unknown>) => HistoryEvent;

/**
 * Events of the commonest details keys, each made by an object literal: the details field is then
 * part of the object (assigned afterwards, it takes a property array of its own).
 */
const LITERAL_MAKERS: Record<string, EventMaker> = {
  stateEnteredEventDetails: (timestamp, type, id, previousEventId, stateEnteredEventDetails) => ({ timestamp, type, id, previousEventId, stateEnteredEventDetails }),
  stateExitedEventDetails: (timestamp, type, id, previousEventId, stateExitedEventDetails) => ({ timestamp, type, id, previousEventId, stateExitedEventDetails }),
  lambdaFunctionScheduledEventDetails: (timestamp, type, id, previousEventId, lambdaFunctionScheduledEventDetails) => ({
    timestamp,
    type,
    id,
    previousEventId,
    lambdaFunctionScheduledEventDetails,
  }),
  lambdaFunctionSucceededEventDetails: (timestamp, type, id, previousEventId, lambdaFunctionSucceededEventDetails) => ({
    timestamp,
    type,
    id,
    previousEventId,
    lambdaFunctionSucceededEventDetails,
  }),
  taskScheduledEventDetails: (timestamp, type, id, previousEventId, taskScheduledEventDetails) => ({ timestamp, type, id, previousEventId, taskScheduledEventDetails }),
  taskStartedEventDetails: (timestamp, type, id, previousEventId, taskStartedEventDetails) => ({ timestamp, type, id, previousEventId, taskStartedEventDetails }),
  taskSucceededEventDetails: (timestamp, type, id, previousEventId, taskSucceededEventDetails) => ({ timestamp, type, id, previousEventId, taskSucceededEventDetails }),
  executionStartedEventDetails: (timestamp, type, id, previousEventId, executionStartedEventDetails) => ({ timestamp, type, id, previousEventId, executionStartedEventDetails }),
  executionSucceededEventDetails: (timestamp, type, id, previousEventId, executionSucceededEventDetails) => ({ timestamp, type, id, previousEventId, executionSucceededEventDetails }),
};

/** The maker of each event type seen so far; null for a type without details. */
const makers = new Map<string, EventMaker | null>();

/** How to make an event of `type` with details (undefined: the type has none). */
function makerOf(type: string): EventMaker | undefined {
  let make = makers.get(type);
  if (make === undefined) {
    const key = detailsKeyOf(type);
    make = key === undefined ? null : (LITERAL_MAKERS[key] ?? assigningMaker(key));
    if (makers.size > 1000) makers.clear();
    makers.set(type, make);
  }
  return make ?? undefined;
}

function assigningMaker(detailsKey: string): EventMaker {
  return (timestamp, type, id, previousEventId, details) => {
    const event: HistoryEvent = { timestamp, type, id, previousEventId };
    event[detailsKey] = details;
    return event;
  };
}

/**
 * The replay keys made so far, by lane key and count. Every execution of a definition makes the
 * same keys (`t#0`, `t#1`, `t#7/b0#2`...): they are made once and shared, not made and kept for
 * every event.
 */
const keysByLane = new Map<string, string[]>();
const MAX_CACHED_COUNT = 1024;

/** `laneKey#count`: the replay key of a lane's event number `count`. */
function eventKey(laneKey: string, count: number): string {
  if (count >= MAX_CACHED_COUNT) return `${laneKey}#${count}`;
  let keys = keysByLane.get(laneKey);
  if (keys === undefined) {
    if (keysByLane.size >= 10_000) keysByLane.clear();
    keys = [];
    keysByLane.set(laneKey, keys);
  }
  return (keys[count] ??= `${laneKey}#${count}`);
}

/**
 * Numbers and records an execution's history events. New events go to `pending` until the
 * engine commits them with the step they belong to; on resume, `replayed` holds the events
 * recorded before the crash, and an event whose key is there is not recorded twice.
 */
export class HistoryRecorder {
  /** How many events the execution has (the id of the latest). */
  private count: number;
  /** Entries not handed over yet are the first `pendingCount` (the array keeps its room from step to step). */
  private readonly pending: RecordedEvent[] = [];
  private pendingCount = 0;
  /** Undefined when nothing was recorded before (a fresh start): no lookups. */
  private readonly replayed: Map<string, HistoryEvent> | undefined;

  public constructor(
    private readonly clock: Clock,
    recorded: readonly RecordedEvent[] = [],
  ) {
    this.count = recorded.length;
    this.replayed = recorded.length === 0 ? undefined : new Map(recorded.map((r) => [r.key, r.event]));
  }

  /** How many events the execution has, replayed ones included. */
  public get size(): number {
    return this.count;
  }

  /**
   * Records one event on a lane and returns its id. `now` (epoch ms) is the clock's time, read
   * here when the caller has not just read it.
   */
  public add(lane: Lane, type: string, details?: Record<string, unknown>, now?: number): number {
    const key = eventKey(lane.key, lane.count++);
    const seen = this.replayed?.get(key);
    if (seen !== undefined) {
      lane.last = seen.id;
      return seen.id;
    }
    const timestamp = isoTimestamp(now ?? this.clock.now());
    const id = ++this.count;
    const make = details === undefined ? undefined : makerOf(type);
    const event: HistoryEvent = make === undefined ? { timestamp, type, id, previousEventId: lane.last } : make(timestamp, type, id, lane.last, details!);
    this.pending[this.pendingCount++] = { key, event };
    lane.last = event.id;
    return event.id;
  }

  /** The key the next event of a lane will get (a task's memo key is its Scheduled event's). */
  public nextKey(lane: Lane): string {
    return eventKey(lane.key, lane.count);
  }

  /** True when the event with this key was recorded before a resume. */
  public wasReplayed(key: string): boolean {
    return this.replayed?.has(key) ?? false;
  }

  /** Hands over the events recorded since the last call. */
  public takePending(): RecordedEvent[] {
    const count = this.pendingCount;
    this.pendingCount = 0;
    return count === 0 ? [] : this.pending.slice(0, count);
  }
}
