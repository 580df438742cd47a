import * as t from 'io-ts';
import { isLeft } from 'fp-ts/Either';
import type { HistoryEvent } from '../../engine/history';
import { PackedEvent, PackedEvents, unpackEvents } from './eventPacking';
import type { Json } from '../../engine/json';
import type { MemoEntry, TopLevelCheckpoint } from '../../engine/runtime';

// Readers of the JSON that schema versions 1 to 3 wrote (a step's events, memo and checkpoint as
// three texts), for migrating such files and for checkpoints kept in executions by version 1.
// Version 4 steps are read by stepCodec.

/** Stored JSON that does not have the shape the engine wrote. */
export class CorruptRecordError extends Error {
  public constructor(what: string, options?: ErrorOptions) {
    super(`stored ${what} is corrupt`, options);
    this.name = 'CorruptRecordError';
  }
}

const JsonValue = new t.Type<Json, Json, unknown>(
  'Json',
  (u): u is Json => u !== undefined && typeof u !== 'function',
  (u, c) => (u !== undefined && typeof u !== 'function' ? t.success(u as Json) : t.failure(u, c)),
  t.identity,
);

const Lane = t.type({ key: t.string, count: t.number, last: t.number });
const Checkpoint = t.type({ state: t.string, input: JsonValue, variables: t.record(t.string, JsonValue), lane: Lane });
const Memo = t.union([
  t.type({ kind: t.literal('task'), ok: t.literal(true), value: JsonValue }),
  t.intersection([t.type({ kind: t.literal('task'), ok: t.literal(false), error: t.string }), t.partial({ cause: t.string })]),
  t.type({ kind: t.literal('wait'), until: t.number }),
]);

function decode<A>(codec: t.Decoder<unknown, A>, text: string, what: string): A {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new CorruptRecordError(what, { cause: e });
  }
  const result = codec.decode(parsed);
  if (isLeft(result)) throw new CorruptRecordError(what);
  return result.right;
}

/** A stored top-level checkpoint. */
export const decodeCheckpoint = (text: string): TopLevelCheckpoint => decode(Checkpoint, text, 'checkpoint');
function isPackedEvent(u: unknown): u is PackedEvent {
  if (!Array.isArray(u) || (u.length !== 5 && u.length !== 7)) return false;
  const [key, id, prev, ts, type, detailsKey, details] = u as unknown[];
  const head = typeof key === 'string' && typeof id === 'number' && typeof prev === 'number' && typeof ts === 'number' && typeof type === 'string';
  return head && (u.length === 5 || (typeof detailsKey === 'string' && typeof details === 'object' && details !== null && !Array.isArray(details)));
}

const PackedEventTuple = new t.Type<PackedEvent, PackedEvent, unknown>(
  'PackedEvent',
  isPackedEvent,
  (u, c) => (isPackedEvent(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
);
const Events = t.type({ p: t.array(t.unknown), e: t.array(PackedEventTuple) });
const MemoEntries = t.array(t.tuple([t.string, Memo]));

/** The history events of a stored step, with their replay keys. */
export const decodeEvents = (text: string): Array<{ key: string; event: HistoryEvent }> =>
  unpackEvents(decode(Events, text, 'history events') as PackedEvents);
/** The task outcomes and wait deadlines of a stored step. */
export const decodeMemo = (text: string): Array<[string, MemoEntry]> => decode(MemoEntries, text, 'task memo');
