import { Clock } from './clock';
import * as timestampsModule from './timestamps';

// Bound once at load: under tsx (esbuild) every use of a named import is a call to a getter.
const { isoTimestamp } = timestampsModule;

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
 * What the events of one lane number `count` have in common from execution to execution: every
 * execution of a definition records the same replay keys (`t#0`, `t#1`, `t#7/b0#2`...), mostly
 * with the same type, previous event and state name. Made once and shared, not made and kept for
 * every event; only the timestamp and the payload are an event's own.
 */
export interface EventSkeleton {
  readonly key: string;
  readonly type: string;
  readonly previousEventId: number;
  /** The name or resource of an event recorded with `addPayload` (its details: this and a payload); else undefined. */
  readonly name: string | undefined;
}

/** The replay keys and skeletons made so far, by lane key, then count. */
interface LaneCache {
  keys: string[];
  skeletons: EventSkeleton[];
}

const lanes = new Map<string, LaneCache>();
const MAX_CACHED_COUNT = 1024;

function laneCache(laneKey: string): LaneCache {
  let cache = lanes.get(laneKey);
  if (cache === undefined) {
    if (lanes.size >= 10_000) lanes.clear();
    cache = { keys: [], skeletons: [] };
    lanes.set(laneKey, cache);
  }
  return cache;
}

/** `laneKey#count`: the replay key of a lane's event number `count`. */
function eventKey(laneKey: string, count: number): string {
  if (count >= MAX_CACHED_COUNT) return `${laneKey}#${count}`;
  return (laneCache(laneKey).keys[count] ??= `${laneKey}#${count}`);
}

/** The skeleton of an event: the one recorded last at this place of its lane if it is the same, else a new one. */
function skeletonOf(cache: LaneCache | undefined, count: number, key: string, type: string, previousEventId: number, name: string | undefined): EventSkeleton {
  if (cache === undefined) return { key, type, previousEventId, name };
  const known = cache.skeletons[count];
  if (known !== undefined && known.type === type && known.previousEventId === previousEventId && known.name === name && known.key === key) return known;
  return (cache.skeletons[count] = { key, type, previousEventId, name });
}

/**
 * Slots of one event in a flat event buffer: its skeleton (see {@link EventSkeleton}), its
 * timestamp, and its payload (for an event recorded with `addPayload`: its details are made from
 * the skeleton's name and this only when the event is read) or its details object (or undefined).
 * The recorder keeps its pending events so, and the in-memory store its whole history: no objects
 * of an execution's own per event until someone reads them.
 */
export const EVENT_SLOTS = 3;

const NOT_TRUNCATED = Object.freeze({ truncated: false });

type PayloadDetailsMaker = (name: string, payload: unknown) => Record<string, unknown>;

const inputOfState: PayloadDetailsMaker = (name, input) => ({ name, input, inputDetails: NOT_TRUNCATED });
const outputOfState: PayloadDetailsMaker = (name, output) => ({ name, output, outputDetails: NOT_TRUNCATED });

/** The details of the event types recorded with `addPayload`, made from a name and a payload. */
const PAYLOAD_DETAILS: Record<string, PayloadDetailsMaker> = {
  LambdaFunctionScheduled: (resource, input) => ({ resource, input, inputDetails: NOT_TRUNCATED }),
  LambdaFunctionSucceeded: (_, output) => ({ output, outputDetails: NOT_TRUNCATED }),
  ExecutionSucceeded: (_, output) => ({ output, outputDetails: NOT_TRUNCATED }),
  ExecutionStarted: (roleArn, input) => ({ input, inputDetails: NOT_TRUNCATED, roleArn }),
};
for (const t of ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map']) {
  PAYLOAD_DETAILS[`${t}StateEntered`] = inputOfState;
  PAYLOAD_DETAILS[`${t}StateExited`] = outputOfState;
}

/**
 * The slots a recorder starts with: the largest step seen lately (grown from empty, the buffer
 * would be copied several times over in every execution).
 */
let pendingRoom = EVENT_SLOTS * 4;

/**
 * The event with this id, read from a flat event buffer at `at` (see {@link EVENT_SLOTS}), in
 * AWS's shape. Ids are not kept: they number a buffer's events in order.
 */
export function eventAt(slots: readonly unknown[], at: number, id: number): HistoryEvent {
  const skeleton = slots[at] as EventSkeleton;
  const timestamp = slots[at + 1] as string;
  const { type, previousEventId, name } = skeleton;
  const details = name !== undefined ? PAYLOAD_DETAILS[type](name, slots[at + 2]) : (slots[at + 2] as Record<string, unknown> | undefined);
  const make = details === undefined ? undefined : makerOf(type);
  return make === undefined ? { timestamp, type, id, previousEventId } : make(timestamp, type, id, previousEventId, details!);
}

/** The replay key of the event at `at` of a flat event buffer. */
export function keyAt(slots: readonly unknown[], at: number): string {
  return (slots[at] as EventSkeleton).key;
}

/**
 * Numbers and records an execution's history events. New events wait in a flat buffer until the
 * engine commits them with the step they belong to; on resume, `replayed` holds the events
 * recorded before the crash, and an event whose key is there is not recorded twice.
 *
 * The buffer is the recorder's own, or the in-memory store's history itself (see `writeInto`):
 * pending events are then written where the store keeps them, beyond its committed slots, and a
 * commit only moves the end (`commitInPlace`).
 */
export class HistoryRecorder {
  /** How many events the execution has (the id of the latest). */
  private count: number;
  /** Where events wait, EVENT_SLOTS slots each, from `base` on; `pendingSlots` of them. */
  private buffer: unknown[];
  private base = 0;
  private pendingSlots = 0;
  /** The store's history this recorder writes into, if any (see `writeInto`). */
  private writingInto: unknown[] | undefined;
  /** Undefined when nothing was recorded before (a fresh start): no lookups. */
  private readonly replayed: Map<string, HistoryEvent> | undefined;

  /**
   * @param room the slots of the recorder's own buffer to start with (default: the largest step
   *   seen lately; a buffer grown from empty would be copied several times over in every execution)
   */
  public constructor(
    private readonly clock: Clock,
    recorded: readonly RecordedEvent[] = [],
    room = pendingRoom,
  ) {
    this.count = recorded.length;
    this.replayed = recorded.length === 0 ? undefined : new Map(recorded.map((r) => [r.key, r.event]));
    this.buffer = new Array<unknown>(room);
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
    return this.record(lane, type, undefined, details, now);
  }

  /**
   * Records an event whose details are a name and a payload: a state's entered or exited event
   * (its name, input or output), LambdaFunctionScheduled (resource, input), ExecutionStarted (role
   * ARN, input), LambdaFunctionSucceeded or ExecutionSucceeded (`''`, output). The details object
   * is made only when the event is read.
   */
  public addPayload(lane: Lane, type: string, name: string, payload: unknown, now?: number): number {
    return this.record(lane, type, name, payload, now);
  }

  private record(lane: Lane, type: string, name: string | undefined, payload: unknown, now: number | undefined): number {
    const count = lane.count++;
    const cache = count < MAX_CACHED_COUNT ? laneCache(lane.key) : undefined;
    const key = cache === undefined ? `${lane.key}#${count}` : (cache.keys[count] ??= `${lane.key}#${count}`);
    const seen = this.replayed?.get(key);
    if (seen !== undefined) {
      lane.last = seen.id;
      return seen.id;
    }
    const id = ++this.count;
    const buffer = this.buffer;
    const at = this.base + this.pendingSlots;
    buffer[at] = skeletonOf(cache, count, key, type, lane.last, name);
    buffer[at + 1] = isoTimestamp(now ?? this.clock.now());
    buffer[at + 2] = payload;
    this.pendingSlots += EVENT_SLOTS;
    lane.last = id;
    return id;
  }

  /** The key the next event of a lane will get (a task's memo key is its Scheduled event's). */
  public nextKey(lane: Lane): string {
    return eventKey(lane.key, lane.count);
  }

  /** True when the event with this key was recorded before a resume. */
  public wasReplayed(key: string): boolean {
    return this.replayed?.has(key) ?? false;
  }

  /** The id of the first pending event (they are numbered in order from it). */
  public get firstPendingId(): number {
    return this.count - this.pendingSlots / EVENT_SLOTS + 1;
  }

  /** Hands over the events recorded since the last call. */
  public takePending(): RecordedEvent[] {
    const { buffer, base } = this;
    let id = this.firstPendingId;
    const end = base + this.handOver();
    const events: RecordedEvent[] = [];
    for (let at = base; at < end; at += EVENT_SLOTS) events.push({ key: keyAt(buffer, at), event: eventAt(buffer, at, id++) });
    this.base = this.writingInto === undefined ? 0 : end;
    return events;
  }

  /**
   * From now on, writes pending events into `target` from `at` (the pending ones move there):
   * the in-memory store's history, beyond the slots it has committed.
   */
  public writeInto(target: unknown[], at: number): void {
    const { buffer, base, pendingSlots } = this;
    for (let i = 0; i < pendingSlots; i++) target[at + i] = buffer[base + i];
    this.buffer = target;
    this.base = at;
    this.writingInto = target;
  }

  /** The pending events written into `target` (see `writeInto`) are committed there: returns where they end. */
  public commitInPlace(target: unknown[]): number {
    if (this.writingInto !== target) throw new Error('the recorder does not write into this history');
    const end = this.base + this.handOver();
    this.base = end;
    return end;
  }

  /** Stops writing into a store's history (another writer appends to it): pending events move to a buffer of the recorder's own. */
  public detach(): void {
    if (this.writingInto === undefined) return;
    const own = new Array<unknown>(Math.max(this.pendingSlots, EVENT_SLOTS));
    for (let i = 0; i < this.pendingSlots; i++) own[i] = this.buffer[this.base + i];
    this.buffer = own;
    this.base = 0;
    this.writingInto = undefined;
  }

  /** Empties the pending events; how many slots they took. */
  private handOver(): number {
    const slots = this.pendingSlots;
    this.pendingSlots = 0;
    if (slots > pendingRoom) pendingRoom = Math.min(slots, EVENT_SLOTS * 256);
    return slots;
  }
}
