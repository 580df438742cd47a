import jsonata from 'jsonata';
import { StatesError, StatesErrorName } from '../errors';
import { Json, isJsonObject } from '../json';
import { StateRef, queryEvaluationError } from '../failures';
import { awsJsonataFunctions } from './functions';

/** What a JSONata expression of a state can see. */
export interface JsonataScope {
  /** `$states.input` */
  input: Json;
  /** `$states.context` */
  context: Json;
  /** `$name` for each variable in scope. */
  variables: Readonly<Record<string, Json>>;
  /** `$states.result` (Output and Assign of Task, Parallel, Map). */
  result?: Json;
  /** `$states.errorOutput` (Output and Assign of a Catcher). */
  errorOutput?: Json;
}

/** True for a string AWS evaluates as JSONata: `{% expression %}`. */
export function isJsonataExpression(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('{%') && value.endsWith('%}') && value.length >= 4;
}

/** The expression between `{%` and `%}`, trimmed. */
export function expressionText(value: string): string {
  return value.slice(2, -2).trim();
}

const compiled = new Map<string, jsonata.Expression>();

function compile(text: string, state: StateRef, field: string): jsonata.Expression {
  let expr = compiled.get(text);
  if (expr === undefined) {
    try {
      expr = jsonata(text);
    } catch (e) {
      throw queryEvaluationError(state, `The JSONata expression '${text}' specified for the field '${field}' threw an error during evaluation. ${describe(e)}`, field);
    }
    if (compiled.size > 5000) compiled.clear();
    compiled.set(text, expr);
  }
  return expr;
}

function describe(e: unknown): string {
  if (e instanceof StatesError) return e.cause ?? e.error;
  if (typeof e === 'object' && e !== null) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string') return `${code}: ${String(message)}`;
    if (typeof message === 'string') return message;
  }
  return String(e);
}

/**
 * Evaluates one JSONata expression (the text inside `{% %}`) and returns what JSONata returns,
 * `undefined` included; evaluation errors become States.QueryEvaluationError.
 */
export async function evaluateJsonata(text: string, scope: JsonataScope, state: StateRef, field: string): Promise<unknown> {
  const expr = compile(text, state, field);
  const states: Record<string, Json> = {
    input: scope.input,
    get context(): Json {
      return scope.context;
    },
  };
  if (scope.result !== undefined) states.result = scope.result;
  if (scope.errorOutput !== undefined) states.errorOutput = scope.errorOutput;
  const bindings: Record<string, unknown> = { ...awsJsonataFunctions, ...scope.variables, states };
  try {
    return await expr.evaluate(undefined, bindings);
  } catch (e) {
    throw queryEvaluationError(state, `The JSONata expression '${text}' specified for the field '${field}' threw an error during evaluation. ${describe(e)}`, field);
  }
}

/**
 * Evaluates one `{% %}` string to a JSON value, failing as AWS does when it yields nothing or
 * something JSON cannot hold.
 */
export async function evaluateJsonataValue(value: string, scope: JsonataScope, state: StateRef, field: string): Promise<Json> {
  const text = expressionText(value);
  const result = await evaluateJsonata(text, scope, state, field);
  if (result === undefined) {
    throw queryEvaluationError(state, `The JSONata expression '${text}' specified for the field '${field}' returned nothing (undefined).`, field);
  }
  if (typeof result === 'function' || isJsonataFunction(result)) {
    throw queryEvaluationError(state, `The JSONata expression '${text}' specified for the field '${field}' returned an unsupported result type.`, field);
  }
  return toJson(result);
}

/** JSONata's own function values (lambdas, partial applications), which JSON cannot hold. */
function isJsonataFunction(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v._jsonata_lambda === true || v._jsonata_function === true;
}

/** A JSONata result as plain JSON (JSONata's sequences and frozen objects copied). */
export function toJson(value: unknown): Json {
  if (isJsonataFunction(value)) return null;
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new StatesError(StatesErrorName.QueryEvaluationError, `The value ${String(value)} is not a valid JSON number`);
    }
    return value as Json;
  }
  if (Array.isArray(value)) return value.filter((v) => v !== undefined && typeof v !== 'function' && !isJsonataFunction(v)).map(toJson);
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined && typeof v !== 'function' && !isJsonataFunction(v)) out[k] = toJson(v);
  return out;
}

/**
 * Evaluates a field value (Arguments, Output, Assign values, ItemSelector...): a `{% %}` string
 * is evaluated, objects and arrays are walked, other values are kept as they are.
 */
export async function evaluateJsonataTemplate(template: Json, scope: JsonataScope, state: StateRef, field: string): Promise<Json> {
  if (isJsonataExpression(template)) return evaluateJsonataValue(template, scope, state, field);
  if (Array.isArray(template)) {
    const out: Json[] = [];
    for (let i = 0; i < template.length; i++) out.push(await evaluateJsonataTemplate(template[i], scope, state, `${field}[${i}]`));
    return out;
  }
  if (isJsonObject(template)) {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(template)) out[k] = await evaluateJsonataTemplate(v, scope, state, `${field}/${k}`);
    return out;
  }
  return template;
}
