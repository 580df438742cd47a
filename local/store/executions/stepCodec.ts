import { detailsKeyOf, type HistoryEvent, type RecordedEvent } from '../../engine/history';
import type { Json } from '../../engine/json';
import type { MemoEntry, TopLevelCheckpoint } from '../../engine/runtime';
import { CorruptRecordError } from './codecs';

/**
 * One written step (or the steps of one execution written together), as stored from schema
 * version 4: a single JSON array `[payloads, events, memo, checkpoint?]`, built for cheap
 * writing, since history is most of what an execution writes.
 *
 * - `payloads`: each distinct payload once (the `input`, `output` and `parameters` of events, the
 *   values of task outcomes, the checkpoint's input); everything else refers to it by index.
 * - `events`: flat, six slots per event: replay key, id, previousEventId, time (epoch ms for the
 *   first event, then ms since the previous one), type (a code in EVENT_TYPES, or the name), and
 *   the shape of its details: 0 none; n > 0 the details under the type's usual key (see
 *   `detailsKeyOf`) with n - 1 fields; n < 0 the details key follows, then -n - 1 fields. Each
 *   field is a name and its value, or for a payload field its code in PAYLOAD_FIELDS and an
 *   index into `payloads`. The `*Details: { truncated: false }` companions are not written;
 *   they are restored on reading.
 * - `memo`: flat, a key and an entry: a payload index for a task's result, else the entry.
 * - `checkpoint`: `[state, input index, variables, lane key, lane count, lane last]`.
 *
 * EVENT_TYPES, PAYLOAD_FIELDS and `detailsKeyOf` are part of the format: append to them, never
 * change them.
 */
const EVENT_TYPES: readonly string[] = [
  'ExecutionStarted', 'ExecutionSucceeded', 'ExecutionFailed', 'ExecutionAborted', 'ExecutionTimedOut', 'ExecutionRedriven',
  'TaskStateEntered', 'TaskStateExited', 'PassStateEntered', 'PassStateExited', 'ChoiceStateEntered', 'ChoiceStateExited',
  'WaitStateEntered', 'WaitStateExited', 'SucceedStateEntered', 'SucceedStateExited', 'FailStateEntered', 'FailStateExited',
  'ParallelStateEntered', 'ParallelStateExited', 'MapStateEntered', 'MapStateExited',
  'TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded', 'TaskFailed', 'TaskTimedOut',
  'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionStartFailed', 'LambdaFunctionSucceeded', 'LambdaFunctionFailed', 'LambdaFunctionTimedOut',
  'ParallelStateStarted', 'ParallelStateSucceeded', 'ParallelStateFailed', 'ParallelStateAborted',
  'MapStateStarted', 'MapStateSucceeded', 'MapStateFailed', 'MapStateAborted',
  'MapIterationStarted', 'MapIterationSucceeded', 'MapIterationFailed', 'MapIterationAborted',
  'TaskStateAborted', 'PassStateAborted', 'WaitStateAborted', 'ChoiceStateAborted', 'EvaluationFailed',
];
const TYPE_CODES = new Map(EVENT_TYPES.map((type, code) => [type, code]));

/** The details fields that hold payloads, written once per step in `payloads`. */
const PAYLOAD_FIELDS: readonly string[] = ['input', 'output', 'parameters'];
const PAYLOAD_CODES = new Map(PAYLOAD_FIELDS.map((field, code) => [field, code]));

const usualKeys = new Map<string, string | null>();

/** `detailsKeyOf`, remembered per type. */
function usualDetailsKey(type: string): string | null {
  let key = usualKeys.get(type);
  if (key === undefined) {
    key = detailsKeyOf(type) ?? null;
    if (usualKeys.size < 1000) usualKeys.set(type, key);
  }
  return key;
}

// Timestamps parsed lately: executions running together record their events on the same few
// milliseconds (Date.parse costs far more than a lookup).
const parsedTimestamps = new Map<string, number>();

/** Epoch ms of an event's ISO-8601 timestamp. */
function millisOf(timestamp: string): number {
  let millis = parsedTimestamps.get(timestamp);
  if (millis === undefined) {
    if (parsedTimestamps.size >= 256) parsedTimestamps.clear();
    millis = Date.parse(timestamp);
    parsedTimestamps.set(timestamp, millis);
  }
  return millis;
}

/** A step's distinct payloads (by identity), each with its index. */
class PayloadTable {
  public readonly values: unknown[] = [];
  // A step has a few payloads, found faster by a scan; a large one gets a map.
  private index: Map<unknown, number> | undefined;

  public ref(value: unknown): number {
    const values = this.values;
    let i: number | undefined;
    if (this.index === undefined) {
      i = values.indexOf(value);
      if (i >= 0) return i;
      if (values.length === 32) this.index = new Map(values.map((v, j) => [v, j]));
    } else {
      i = this.index.get(value);
      if (i !== undefined) return i;
    }
    i = values.length;
    values.push(value);
    this.index?.set(value, i);
    return i;
  }
}

/** The `*Details: { truncated: false }` companion of each payload field that has one. */
const COMPANIONS: Record<string, string> = { input: 'inputDetails', output: 'outputDetails', assignedVariables: 'assignedVariablesDetails' };

const isCompanion = (field: string): boolean => field === 'inputDetails' || field === 'outputDetails' || field === 'assignedVariablesDetails';

/** A step's contents. */
export interface StoredStep {
  events: RecordedEvent[];
  memo: Array<[string, MemoEntry]>;
  checkpoint?: TopLevelCheckpoint;
}

/** The stored text of a step. */
export function encodeStep(events: readonly RecordedEvent[], memo: ReadonlyArray<[string, MemoEntry]>, checkpoint: TopLevelCheckpoint | undefined): string {
  return encodeSteps([events], [memo], checkpoint);
}

/**
 * The stored text of several steps written together, as one step: `encodeStep` of their events
 * and memo entries concatenated, without concatenating them first. (One JSON.stringify of
 * arrays beats building the text piece by piece: most of the cost is the characters themselves.)
 */
export function encodeSteps(
  eventLists: ReadonlyArray<readonly RecordedEvent[]>,
  memoLists: ReadonlyArray<ReadonlyArray<[string, MemoEntry]>>,
  checkpoint: TopLevelCheckpoint | undefined,
): string {
  const payloads = new PayloadTable();
  const flat: unknown[] = [];
  let previous = 0;
  for (const events of eventLists) {
    for (let i = 0; i < events.length; i++) {
      const { key, event } = events[i];
      const millis = millisOf(event.timestamp);
      flat.push(key, event.id, event.previousEventId, flat.length === 0 ? millis : millis - previous, TYPE_CODES.get(event.type) ?? event.type, 0);
      previous = millis;
      const shapeAt = flat.length - 1;
      const usualKey = usualDetailsKey(event.type);
      let detailsKey = usualKey;
      let details = usualKey === null ? undefined : event[usualKey];
      if (typeof details !== 'object' || details === null) {
        details = undefined;
        for (const field in event) {
          const value = event[field];
          if (typeof value !== 'object' || value === null || !field.endsWith('EventDetails')) continue;
          detailsKey = field;
          details = value;
          break; // an event has one details object
        }
        if (details === undefined) continue;
        flat.push(detailsKey);
      }
      let n = 1;
      for (const name in details) {
        const value = (details as Record<string, unknown>)[name];
        if (value === undefined || isCompanion(name)) continue;
        const code = PAYLOAD_CODES.get(name);
        if (code === undefined) flat.push(name, value);
        else flat.push(code, payloads.ref(value));
        n++;
      }
      flat[shapeAt] = detailsKey === usualKey ? n : -n;
    }
  }
  const memoFlat: unknown[] = [];
  for (const memo of memoLists) {
    for (const [key, entry] of memo) memoFlat.push(key, entry.kind === 'task' && entry.ok ? payloads.ref(entry.value) : entry);
  }
  if (checkpoint === undefined) return JSON.stringify([payloads.values, flat, memoFlat]);
  const { state, input, variables, lane } = checkpoint;
  return JSON.stringify([payloads.values, flat, memoFlat, [state, payloads.ref(input), variables, lane.key, lane.count, lane.last]]);
}

/** A stored step, checked to have the shape `encodeStep` writes. */
export function decodeStep(text: string): StoredStep {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new CorruptRecordError('step', { cause: e });
  }
  if (!Array.isArray(doc) || doc.length < 3 || doc.length > 4) throw new CorruptRecordError('step');
  const [payloads, events, memo, checkpoint] = doc as unknown[];
  if (!Array.isArray(payloads) || !Array.isArray(events) || !Array.isArray(memo)) throw new CorruptRecordError('step');
  const step: StoredStep = { events: decodeEvents(payloads, events), memo: decodeMemo(payloads, memo) };
  if (checkpoint !== undefined) step.checkpoint = decodeCheckpoint(payloads, checkpoint);
  return step;
}

/** The checkpoint of a stored step, if it has one: its events and memo entries are not decoded. */
export function decodeCheckpointOf(text: string): TopLevelCheckpoint | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new CorruptRecordError('step', { cause: e });
  }
  if (!Array.isArray(doc) || doc.length < 3 || doc.length > 4 || !Array.isArray(doc[0])) throw new CorruptRecordError('step');
  return doc.length === 4 ? decodeCheckpoint(doc[0] as unknown[], doc[3]) : undefined;
}

function payload(payloads: unknown[], index: unknown, what: string): Json {
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= payloads.length) throw new CorruptRecordError(what);
  return payloads[index] as Json;
}

function decodeEvents(payloads: unknown[], flat: unknown[]): RecordedEvent[] {
  const out: RecordedEvent[] = [];
  let millis = 0;
  let i = 0;
  while (i < flat.length) {
    const [key, id, previousEventId, time, code, shape] = flat.slice(i, (i += 6));
    const type = typeof code === 'number' ? EVENT_TYPES[code] : code;
    const head = typeof key === 'string' && typeof id === 'number' && typeof previousEventId === 'number' && typeof time === 'number' && typeof type === 'string';
    if (!head || typeof shape !== 'number' || !Number.isInteger(shape)) throw new CorruptRecordError('history events');
    millis = out.length === 0 ? time : millis + time;
    const date = new Date(millis);
    if (Number.isNaN(date.getTime())) throw new CorruptRecordError('history events');
    const event: HistoryEvent = { timestamp: date.toISOString(), type, id, previousEventId };
    if (shape !== 0) {
      const detailsKey = shape > 0 ? detailsKeyOf(type) : flat[i++];
      if (typeof detailsKey !== 'string') throw new CorruptRecordError('history events');
      const details: Record<string, unknown> = {};
      for (let n = Math.abs(shape) - 1; n > 0; n--) {
        const field = flat[i];
        const value = flat[i + 1];
        i += 2;
        const name = typeof field === 'number' ? PAYLOAD_FIELDS[field] : field;
        if (typeof name !== 'string' || i > flat.length) throw new CorruptRecordError('history events');
        details[name] = typeof field === 'number' ? payload(payloads, value, 'history events') : value;
        const companion = COMPANIONS[name];
        if (companion !== undefined) details[companion] = { truncated: false };
      }
      event[detailsKey] = details;
    }
    out.push({ key, event });
  }
  return out;
}

function isObject(u: unknown): u is Record<string, unknown> {
  return typeof u === 'object' && u !== null && !Array.isArray(u);
}

function decodeMemo(payloads: unknown[], flat: unknown[]): Array<[string, MemoEntry]> {
  if (flat.length % 2 !== 0) throw new CorruptRecordError('task memo');
  const out: Array<[string, MemoEntry]> = [];
  for (let i = 0; i < flat.length; i += 2) {
    const key = flat[i];
    const entry = flat[i + 1];
    if (typeof key !== 'string') throw new CorruptRecordError('task memo');
    if (typeof entry === 'number') {
      out.push([key, { kind: 'task', ok: true, value: payload(payloads, entry, 'task memo') }]);
      continue;
    }
    const failed = isObject(entry) && entry.kind === 'task' && entry.ok === false && typeof entry.error === 'string' && (entry.cause === undefined || typeof entry.cause === 'string');
    const wait = isObject(entry) && entry.kind === 'wait' && typeof entry.until === 'number';
    if (!failed && !wait) throw new CorruptRecordError('task memo');
    out.push([key, entry as MemoEntry]);
  }
  return out;
}

function decodeCheckpoint(payloads: unknown[], u: unknown): TopLevelCheckpoint {
  if (!Array.isArray(u) || u.length !== 6) throw new CorruptRecordError('checkpoint');
  const [state, input, variables, key, count, last] = u as unknown[];
  if (typeof state !== 'string' || !isObject(variables) || typeof key !== 'string' || typeof count !== 'number' || typeof last !== 'number') {
    throw new CorruptRecordError('checkpoint');
  }
  return { state, input: payload(payloads, input, 'checkpoint'), variables: variables as Record<string, Json>, lane: { key, count, last } };
}
