import type { RecordedEvent } from '../../engine/history';

/** The detail fields that carry a state's payload, often the very same object event after event. */
const PAYLOAD_FIELDS = ['input', 'output', 'parameters'];

/** A step's events as stored: each distinct payload object once, events pointing at it. */
export interface PackedEvents {
  payloads: unknown[];
  events: RecordedEvent[];
}

interface PayloadRef {
  $payload: number;
}

function isRef(v: unknown): v is PayloadRef {
  return typeof v === 'object' && v !== null && typeof (v as PayloadRef).$payload === 'number' && Object.keys(v).length === 1;
}

/**
 * Packs events for storage: a payload object that appears in several events (a state's output
 * is the next state's input, a task's input its Scheduled event's) is written once.
 */
export function packEvents(events: readonly RecordedEvent[]): PackedEvents {
  const payloads: unknown[] = [];
  const seen = new Map<object, number>();
  const packed = events.map(({ key, event }) => {
    const out: Record<string, unknown> = { ...event };
    for (const [field, value] of Object.entries(event)) {
      if (!field.endsWith('EventDetails') || typeof value !== 'object' || value === null) continue;
      const details: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      for (const p of PAYLOAD_FIELDS) {
        const v = details[p];
        if (typeof v !== 'object' || v === null) continue;
        let index = seen.get(v);
        if (index === undefined) {
          index = payloads.length;
          payloads.push(v);
          seen.set(v, index);
        }
        details[p] = { $payload: index };
      }
      out[field] = details;
    }
    return { key, event: out as RecordedEvent['event'] };
  });
  return { payloads, events: packed };
}

/** The events of a packed step, payloads put back. */
export function unpackEvents(packed: PackedEvents): RecordedEvent[] {
  return packed.events.map(({ key, event }) => {
    for (const [field, value] of Object.entries(event)) {
      if (!field.endsWith('EventDetails') || typeof value !== 'object' || value === null) continue;
      const details = value as Record<string, unknown>;
      for (const p of PAYLOAD_FIELDS) {
        const v = details[p];
        if (isRef(v)) details[p] = packed.payloads[v.$payload];
      }
    }
    return { key, event };
  });
}
