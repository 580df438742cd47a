import { StatesError } from './errors';
import { inState, runtimeError } from './failures';
import * as jsonModule from './json';
import { Json, JsonObject } from './json';
import { JsonataScope, evaluateJsonataTemplate } from './jsonata/evaluate';
import * as jsonPathModule from './query/jsonPath';
import type { JsonPathScope } from './query/jsonPath';
import { StateContext } from './runtime';

// Bound once at load: under tsx (esbuild) every use of a named import is a call to a getter.
const { isJsonObject } = jsonModule;
const jp = { ...jsonPathModule };

/** Runs a JSONPath-side operation, wording its errors with the state's preamble. */
export function inStateSync<T>(sc: StateContext, op: () => T): T {
  try {
    return op();
  } catch (e) {
    throw inState(sc.ref, e);
  }
}

/**
 * The JSONPath scope of a state: `$` is `input`. Paths are read synchronously and no scope is
 * kept once read, so a state has one, set to the input of each call: no object per template.
 */
export function jsonPathScope(sc: StateContext, input: Json, context?: Json): JsonPathScope {
  if (context !== undefined) return { input, context, variables: sc.frame.variables };
  let scope = sc.pathScope as LazyContextScope | undefined;
  if (scope === undefined) sc.pathScope = scope = new LazyContextScope(sc);
  scope.reset(input);
  return scope;
}

/** A JSONPath scope whose `$$` is built only when a path reads it (it rarely is). */
class LazyContextScope implements JsonPathScope {
  public input: Json = null;
  public variables: Readonly<Record<string, Json>>;
  private built: Json | undefined;

  public constructor(private readonly sc: StateContext) {
    this.variables = sc.frame.variables;
  }

  /** Ready for another read: `$` is `input`; `$$` (which shows the retry count) and the variables are read anew. */
  public reset(input: Json): void {
    this.input = input;
    this.variables = this.sc.frame.variables;
    this.built = undefined;
  }

  public get context(): Json {
    return (this.built ??= this.sc.context());
  }
}

/** The JSONata scope of a state. */
export function jsonataScope(sc: StateContext, input: Json, extra: Partial<JsonataScope> = {}): JsonataScope {
  let built: Json | undefined;
  const scope: JsonataScope = {
    input,
    get context(): Json {
      return (built ??= sc.context());
    },
    variables: sc.frame.variables,
  };
  if (extra.result !== undefined) scope.result = extra.result;
  if (extra.errorOutput !== undefined) scope.errorOutput = extra.errorOutput;
  if (extra.context !== undefined) built = extra.context;
  return scope;
}

/*
 * The JSONPath steps below run on every state, so they spell out inStateSync's try/catch (no
 * closure per call) and make a path scope only for a path other than `$`.
 */

/** The state's InputPath applied to `raw` (the default `$` keeps it). */
function inputPath(sc: StateContext, raw: Json): Json {
  const path = sc.state.InputPath;
  return path === undefined || path === '$' ? raw : jp.applyInputPath(raw, path, jsonPathScope(sc, raw));
}

/** The state's OutputPath applied to `value` (the default `$` keeps it). */
function outputPath(sc: StateContext, value: Json): Json {
  const path = sc.state.OutputPath;
  return path === undefined || path === '$' ? value : jp.applyOutputPath(value, path, jsonPathScope(sc, value));
}

/** JSONPath InputPath, then Parameters (or Result-less Pass) — the state's effective input. */
export function jsonPathEffectiveInput(sc: StateContext, raw: Json, template: Json | undefined): { filtered: Json; effective: Json } {
  const filtered = jsonPathInput(sc, raw);
  return { filtered, effective: jsonPathParameters(sc, filtered, template) };
}

/** JSONPath InputPath: the part of the raw input the state works on. */
export function jsonPathInput(sc: StateContext, raw: Json): Json {
  try {
    return inputPath(sc, raw);
  } catch (e) {
    throw inState(sc.ref, e);
  }
}

/** JSONPath Parameters (a payload template; none keeps the input) on the filtered input. */
export function jsonPathParameters(sc: StateContext, filtered: Json, template: Json | undefined): Json {
  if (template === undefined) return filtered;
  try {
    return jp.evaluatePayloadTemplate(template, jsonPathScope(sc, filtered));
  } catch (e) {
    throw inState(sc.ref, e);
  }
}

/** JSONPath ResultSelector, ResultPath and OutputPath: a result becomes the state's output. */
export function jsonPathOutput(sc: StateContext, raw: Json, result: Json, withSelector = true): { selected: Json; output: Json } {
  const selected = withSelector ? jsonPathResultSelector(sc, result) : result;
  return { selected, output: jsonPathPlaceResult(sc, raw, selected) };
}

/** JSONPath ResultSelector (none keeps the result): what ResultPath places and Assign sees. */
export function jsonPathResultSelector(sc: StateContext, result: Json): Json {
  const selector = sc.state.ResultSelector;
  if (selector === undefined) return result;
  try {
    return jp.evaluatePayloadTemplate(selector, jsonPathScope(sc, result));
  } catch (e) {
    throw inState(sc.ref, e);
  }
}

/** JSONPath ResultPath, then OutputPath: the (selected) result placed in the raw input, filtered. */
export function jsonPathPlaceResult(sc: StateContext, raw: Json, selected: Json): Json {
  try {
    let combined: Json;
    try {
      combined = jp.applyResultPath(raw, sc.state.ResultPath, selected);
    } catch (e) {
      if (e instanceof StatesError) throw e;
      throw runtimeError(sc.ref, String((e as Error).message));
    }
    return outputPath(sc, combined);
  } catch (e) {
    throw inState(sc.ref, e);
  }
}

/** JSONPath OutputPath only (Choice, Wait, Succeed). */
export function jsonPathOutputPath(sc: StateContext, value: Json): Json {
  try {
    return outputPath(sc, value);
  } catch (e) {
    throw inState(sc.ref, e);
  }
}

/**
 * A state's (or a catcher's, or a choice rule's) Assign: evaluated against the variables as they
 * were when the state began; the engine applies them all at once afterwards.
 */
export async function evaluateAssign(
  sc: StateContext,
  assign: JsonObject | undefined,
  jsonPathInput: Json,
  jsonata: Partial<JsonataScope> & { input: Json },
): Promise<Record<string, Json> | undefined> {
  if (assign === undefined) return undefined;
  if (sc.language === 'JSONata') {
    const out = await evaluateJsonataTemplate(assign, jsonataScope(sc, jsonata.input, jsonata), sc.ref, 'Assign');
    return isJsonObject(out) ? out : {};
  }
  return jsonPathAssign(sc, assign, jsonPathInput);
}

/** A JSONPath state's Assign, evaluated on `input` (see {@link evaluateAssign}). */
export function jsonPathAssign(sc: StateContext, assign: JsonObject | undefined, input: Json): Record<string, Json> | undefined {
  if (assign === undefined) return undefined;
  let out: Json;
  try {
    out = jp.evaluatePayloadTemplate(assign, jsonPathScope(sc, input));
  } catch (e) {
    throw inState(sc.ref, e);
  }
  return isJsonObject(out) ? out : {};
}

/** JSONata Output of a state, defaulting to `fallback`. */
export async function jsonataOutput(sc: StateContext, template: Json | undefined, fallback: Json, scope: Partial<JsonataScope> & { input: Json }): Promise<Json> {
  if (template === undefined) return fallback;
  return evaluateJsonataTemplate(template, jsonataScope(sc, scope.input, scope), sc.ref, 'Output');
}
