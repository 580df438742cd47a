import { StatesError } from '../errors';
import { inStateSync, jsonPathScope, jsonataScope } from '../dataflow';
import { Json } from '../json';
import { evaluateJsonataValue, isJsonataExpression } from '../jsonata/evaluate';
import * as jp from '../query/jsonPath';
import { StateContext } from '../runtime';

/** The error a Fail state ends its scope with; Catch on an enclosing Parallel or Map sees it. */
export class FailStateError extends StatesError {
  public constructor(error: string | undefined, cause: string | undefined) {
    super(error ?? '', cause);
    this.name = 'FailStateError';
    this.failError = error;
  }
  /** The Fail state's Error, or undefined when it names none. */
  public readonly failError: string | undefined;
}

async function field(sc: StateContext, raw: Json, literal: string | undefined, path: string | undefined, name: string): Promise<string | undefined> {
  if (sc.language === 'JSONata') {
    if (literal === undefined) return undefined;
    if (!isJsonataExpression(literal)) return literal;
    const v = await evaluateJsonataValue(literal, jsonataScope(sc, raw), sc.ref, name);
    return typeof v === 'string' ? v : JSON.stringify(v);
  }
  if (path !== undefined) {
    const v = inStateSync(sc, () => jp.evaluatePayloadTemplate({ [`${name}Path.$`]: path }, jsonPathScope(sc, raw)));
    const value = (v as Record<string, Json>)[`${name}Path`];
    return typeof value === 'string' ? value : JSON.stringify(value);
  }
  return literal;
}

/** Fail: ends its scope with Error and Cause (or their *Path forms / JSONata expressions). */
export async function runFail(sc: StateContext, raw: Json): Promise<never> {
  const error = await field(sc, raw, sc.state.Error, sc.state.ErrorPath, 'Error');
  const cause = await field(sc, raw, sc.state.Cause, sc.state.CausePath, 'Cause');
  throw new FailStateError(error, cause);
}
