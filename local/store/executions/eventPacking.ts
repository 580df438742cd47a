import type { HistoryEvent, RecordedEvent } from '../../engine/history';

/** The `*Details: { truncated: false }` companions AWS puts beside payloads; restored on reading. */
const COMPANIONS: Record<string, string> = { input: 'inputDetails', output: 'outputDetails', assignedVariables: 'assignedVariablesDetails' };

/**
 * One stored event as schema versions 1 to 3 wrote it (see stepCodec for version 4): [replay
 * key, id, previousEventId, timestamp (epoch ms), type, details key, details]. Positional,
 * because history is most of what an execution writes.
 */
export type PackedEvent = [string, number, number, number, string, string?, Record<string, unknown>?];

/** A step's events as stored: each distinct payload object once, events pointing at it. */
export interface PackedEvents {
  p: unknown[];
  e: PackedEvent[];
}

interface PayloadRef {
  $p: number;
}

function isRef(v: unknown): v is PayloadRef {
  return typeof v === 'object' && v !== null && typeof (v as PayloadRef).$p === 'number' && Object.keys(v).length === 1;
}

/**
 * Packs events for storage: positional fields, no `truncated: false` companions, and a payload
 * object that appears in several events (a state's output is the next state's input) written once.
 */
export function packEvents(events: readonly RecordedEvent[]): PackedEvents {
  const payloads: unknown[] = [];
  const seen = new Map<object, number>();
  const packed = new Array<PackedEvent>(events.length);
  for (let i = 0; i < events.length; i++) {
    const { key, event } = events[i];
    const head: PackedEvent = [key, event.id, event.previousEventId, Date.parse(event.timestamp), event.type];
    for (const field in event) {
      const value = event[field];
      if (typeof value !== 'object' || value === null || !field.endsWith('EventDetails')) continue;
      const details: Record<string, unknown> = {};
      for (const k in value) {
        if (k === 'inputDetails' || k === 'outputDetails' || k === 'assignedVariablesDetails') continue;
        const v = (value as Record<string, unknown>)[k];
        if ((k === 'input' || k === 'output' || k === 'parameters') && typeof v === 'object' && v !== null) {
          let index = seen.get(v);
          if (index === undefined) {
            index = payloads.length;
            payloads.push(v);
            seen.set(v, index);
          }
          details[k] = { $p: index };
        } else {
          details[k] = v;
        }
      }
      head.push(field, details);
      break; // an event has one details object
    }
    packed[i] = head;
  }
  return { p: payloads, e: packed };
}

/** The events of a packed step, as they were recorded. */
export function unpackEvents(packed: PackedEvents): RecordedEvent[] {
  return packed.e.map(([key, id, previousEventId, millis, type, detailsKey, details]) => {
    const event: HistoryEvent = { timestamp: new Date(millis).toISOString(), type, id, previousEventId };
    if (detailsKey !== undefined && details !== undefined) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(details)) {
        out[k] = isRef(v) ? packed.p[v.$p] : v;
        const companion = COMPANIONS[k];
        if (companion !== undefined) out[companion] = { truncated: false };
      }
      event[detailsKey] = out;
    }
    return { key, event };
  });
}
