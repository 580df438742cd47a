import { evaluateAssign, jsonPathEffectiveInput, jsonPathOutputPath, jsonPathScope, jsonataOutput, jsonataScope } from '../dataflow';
import { queryEvaluationError, runtimeError } from '../failures';
import { Json } from '../json';
import { evaluateJsonataValue, isJsonataExpression } from '../jsonata/evaluate';
import * as jp from '../query/jsonPath';
import { StateContext, StateResult } from '../runtime';
import { parseIsoOffsetDateTime } from '../timestamps';

const TIMESTAMP_FORMAT = 'ISO-8601 extended offset date-time format string';

function read(sc: StateContext, path: string, input: Json): { found: true; value: Json } | { found: false } {
  try {
    return { found: true, value: jp.readPath(path, jsonPathScope(sc, input)) };
  } catch {
    return { found: false };
  }
}

/** The moment (epoch ms) a JSONPath Wait state waits until. */
function jsonPathDeadline(sc: StateContext, input: Json, start: number): number {
  const { state } = sc;
  if (state.SecondsPath !== undefined) {
    const r = read(sc, state.SecondsPath, input);
    if (!r.found) throw runtimeError(sc.ref, `The SecondsPath parameter does not reference an input value: ${state.SecondsPath}`);
    if (typeof r.value !== 'number' || !Number.isInteger(r.value)) {
      throw runtimeError(sc.ref, `The SecondsPath parameter cannot be parsed as a long value: ${state.SecondsPath} == ${text(r.value)}`);
    }
    if (r.value < 0) throw runtimeError(sc.ref, `The SecondsPath parameter references a negative value: ${state.SecondsPath} == ${r.value}`);
    return start + r.value * 1000;
  }
  if (state.TimestampPath !== undefined) {
    const r = read(sc, state.TimestampPath, input);
    if (!r.found) throw runtimeError(sc.ref, `The TimestampPath parameter does not reference an input value: ${state.TimestampPath}`);
    const at = typeof r.value === 'string' ? parseIsoOffsetDateTime(r.value) : undefined;
    if (at === undefined) {
      throw runtimeError(sc.ref, `The TimestampPath parameter does not reference a valid ${TIMESTAMP_FORMAT}: ${state.TimestampPath} == ${text(r.value)}`);
    }
    return at;
  }
  if (typeof state.Timestamp === 'string') {
    const at = parseIsoOffsetDateTime(state.Timestamp);
    if (at === undefined) throw runtimeError(sc.ref, `The Timestamp field cannot be parsed as an ${TIMESTAMP_FORMAT}: ${state.Timestamp}`);
    return at;
  }
  return start + Number(state.Seconds ?? 0) * 1000;
}

function text(v: Json): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** The moment (epoch ms) a JSONata Wait state waits until. */
async function jsonataDeadline(sc: StateContext, raw: Json, start: number): Promise<number> {
  const { state } = sc;
  if (state.Timestamp !== undefined) {
    let value: Json = state.Timestamp;
    if (isJsonataExpression(value)) value = await evaluateJsonataValue(value, jsonataScope(sc, raw), sc.ref, 'Timestamp');
    const at = typeof value === 'string' ? parseIsoOffsetDateTime(value) : undefined;
    if (at === undefined) throw queryEvaluationError(sc.ref, `The Timestamp field cannot be parsed as an ${TIMESTAMP_FORMAT}: ${text(value)}`);
    return at;
  }
  let seconds: Json = state.Seconds ?? 0;
  if (isJsonataExpression(seconds)) seconds = await evaluateJsonataValue(seconds, jsonataScope(sc, raw), sc.ref, 'Seconds');
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
    throw queryEvaluationError(sc.ref, `The Seconds field must be a non-negative integer, but was: ${text(seconds)}`);
  }
  return start + seconds * 1000;
}

/** Waits until `until`, remembering the deadline so a resumed execution only waits what is left. */
async function waitUntil(sc: StateContext, deadline: number): Promise<void> {
  const key = `wait:${sc.runtime.history.nextKey(sc.lane)}`;
  const recorded = sc.runtime.memo.get(key);
  const until = recorded?.kind === 'wait' ? recorded.until : deadline;
  if (recorded === undefined) {
    sc.runtime.memo.set(key, { kind: 'wait', until });
    sc.runtime.commit();
  }
  const ms = until - sc.runtime.clock.now();
  if (ms > 0) await sc.runtime.clock.sleep(ms, sc.signal);
}

/** Wait: pauses for Seconds or until Timestamp (or their *Path / JSONata forms). */
export async function runWait(sc: StateContext, raw: Json): Promise<StateResult> {
  const start = sc.enteredAt;
  if (sc.language === 'JSONata') {
    const deadline = await jsonataDeadline(sc, raw, start);
    const assigned = await evaluateAssign(sc, sc.state.Assign, raw, { input: raw });
    const output = await jsonataOutput(sc, sc.state.Output, raw, { input: raw });
    await waitUntil(sc, deadline);
    return { output, next: sc.state.Next, assigned };
  }
  const { filtered } = jsonPathEffectiveInput(sc, raw, undefined);
  const deadline = jsonPathDeadline(sc, filtered, start);
  const assigned = await evaluateAssign(sc, sc.state.Assign, filtered, { input: raw });
  await waitUntil(sc, deadline);
  return { output: jsonPathOutputPath(sc, filtered), next: sc.state.Next, assigned };
}
