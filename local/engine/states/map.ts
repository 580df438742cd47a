import { evaluateAssign, inStateSync, jsonPathEffectiveInput, jsonPathOutput, jsonPathScope, jsonataOutput, jsonataScope } from '../dataflow';
import { StatesError, StatesErrorName } from '../errors';
import { queryEvaluationError, runtimeError } from '../failures';
import { Json } from '../json';
import { evaluateJsonataTemplate, evaluateJsonataValue, expressionText, isJsonataExpression } from '../jsonata/evaluate';
import * as jp from '../query/jsonPath';
import { reportEvaluationFailure } from '../evaluationEvents';
import { EvaluationError } from '../failures';
import { SleepAbortedError } from '../clock';
import { StateContext, StateResult } from '../runtime';
import { ScopeRunner, childFrame, isAbort, markScopeFailure, redriveCarried } from './scopes';

function jsonType(v: Json): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

function valueText(v: Json): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** The iteration settings of a Map state, evaluated. */
interface MapPlan {
  items: Json[];
  maxConcurrency: number;
  toleratedCount?: number;
  toleratedPercentage?: number;
  /** The input of iteration `index`. */
  itemInput(index: number): Promise<Json>;
}

async function jsonataNumber(sc: StateContext, raw: Json, value: number | string | undefined, field: string): Promise<number | undefined> {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  if (!isJsonataExpression(value)) return Number(value);
  const v = await evaluateJsonataValue(value, jsonataScope(sc, raw), sc.ref, field);
  if (typeof v !== 'number') {
    throw queryEvaluationError(sc.ref, `The JSONata expression '${expressionText(value)}' specified for the field '${field}' returned an unexpected result type. Expected 'number', but was '${jsonType(v)}' for value: ${JSON.stringify(v)}`, field);
  }
  return v;
}

async function jsonataPlan(sc: StateContext, raw: Json): Promise<MapPlan> {
  const { state } = sc;
  let items: Json = raw;
  if (state.Items !== undefined) {
    items = await evaluateJsonataTemplate(state.Items, jsonataScope(sc, raw), sc.ref, 'Items');
    if (!Array.isArray(items)) {
      const text = typeof state.Items === 'string' ? expressionText(state.Items) : JSON.stringify(state.Items);
      throw queryEvaluationError(
        sc.ref,
        `The JSONata expression '${text}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '${jsonType(items)}' for value: ${JSON.stringify(items)}`,
        'Items',
      );
    }
  } else if (!Array.isArray(items)) {
    throw queryEvaluationError(sc.ref, `Map state input must be an array but was: ${JSON.stringify(items)}`, 'Items');
  }
  const list = items;
  return {
    items: list,
    maxConcurrency: (await jsonataNumber(sc, raw, state.MaxConcurrency, 'MaxConcurrency')) ?? 0,
    toleratedCount: await jsonataNumber(sc, raw, state.ToleratedFailureCount, 'ToleratedFailureCount'),
    toleratedPercentage: await jsonataNumber(sc, raw, state.ToleratedFailurePercentage, 'ToleratedFailurePercentage'),
    itemInput: async (index) => {
      if (state.ItemSelector === undefined) return list[index];
      const context = sc.context({ index, value: list[index] });
      return evaluateJsonataTemplate(state.ItemSelector, jsonataScope(sc, raw, { context }), sc.ref, 'ItemSelector');
    },
  };
}

function pathInteger(sc: StateContext, input: Json, path: string | undefined, field: string): number | undefined {
  if (path === undefined) return undefined;
  const value = inStateSync(sc, () => jp.selectWithPath(path, jsonPathScope(sc, input)));
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw runtimeError(sc.ref, `The ${field} field refers to value "${valueText(value)}" which is not a valid integer: ${path}`);
  }
  return value;
}

function jsonPathPlan(sc: StateContext, raw: Json): MapPlan {
  const { state } = sc;
  const { filtered } = jsonPathEffectiveInput(sc, raw, undefined);
  const items = state.ItemsPath === undefined ? filtered : inStateSync(sc, () => jp.selectWithPath(state.ItemsPath as string, jsonPathScope(sc, filtered)));
  if (!Array.isArray(items)) {
    throw runtimeError(sc.ref, `Map state input must be an array but was: ${JSON.stringify(items)}`);
  }
  const selector = state.ItemSelector ?? state.Parameters;
  return {
    items,
    maxConcurrency: pathInteger(sc, filtered, state.MaxConcurrencyPath, 'MaxConcurrencyPath') ?? Number(state.MaxConcurrency ?? 0),
    toleratedCount: pathInteger(sc, filtered, state.ToleratedFailureCountPath, 'ToleratedFailureCountPath') ?? optionalNumber(state.ToleratedFailureCount),
    toleratedPercentage:
      pathInteger(sc, filtered, state.ToleratedFailurePercentagePath, 'ToleratedFailurePercentagePath') ?? optionalNumber(state.ToleratedFailurePercentage),
    itemInput: async (index) => {
      if (selector === undefined) return items[index];
      const context = sc.context({ index, value: items[index] });
      return inStateSync(sc, () => jp.evaluatePayloadTemplate(selector, jsonPathScope(sc, filtered, context)));
    },
  };
}

function optionalNumber(v: number | string | undefined): number | undefined {
  return v === undefined ? undefined : Number(v);
}

/** Whether `failed` of `total` iterations is more than the Map state tolerates. */
function exceedsTolerance(plan: MapPlan, failed: number, total: number): boolean {
  if (plan.toleratedCount === undefined && plan.toleratedPercentage === undefined) return failed > 0;
  const byCount = plan.toleratedCount !== undefined && failed > plan.toleratedCount;
  const byPercent = plan.toleratedPercentage !== undefined && total > 0 && (failed / total) * 100 > plan.toleratedPercentage;
  if (plan.toleratedCount !== undefined && plan.toleratedPercentage !== undefined) return byCount && byPercent ? true : byCount || byPercent;
  return byCount || byPercent;
}

/** Runs the iterations, at most `maxConcurrency` at a time (0: all at once). */
async function runIterations(sc: StateContext, plan: MapPlan, runScope: ScopeRunner): Promise<Json[]> {
  const { state } = sc;
  const processor = (state.ItemProcessor ?? state.Iterator)!;
  const laneKey = sc.runtime.history.nextKey(sc.lane);
  const startedId = sc.event('MapStateStarted', { length: plan.items.length });
  const controller = sc.signal.child(); // also cancels when the state's scope does
  const results: Json[] = new Array<Json>(plan.items.length).fill(null);
  const tolerant = plan.toleratedCount !== undefined || plan.toleratedPercentage !== undefined;
  let failed = 0;
  let failure: unknown;
  let nextIndex = 0;
  const carried = redriveCarried(sc);
  const iterate = async (index: number): Promise<void> => {
    if (carried?.has(index)) {
      results[index] = carried.get(index)!;
      return;
    }
    const value = plan.items[index];
    const frame = childFrame(sc, processor, `${laneKey}/i${index}`, controller, startedId, { index, value });
    sc.runtime.history.add(frame.lane, 'MapIterationStarted', { name: sc.name, index });
    try {
      const input = await plan.itemInput(index);
      results[index] = await runScope(sc.runtime, frame, processor.StartAt, input);
      sc.runtime.history.add(frame.lane, 'MapIterationSucceeded', { name: sc.name, index });
    } catch (e) {
      if (isAbort(e) || (controller.aborted && failure !== undefined)) {
        sc.runtime.history.add(frame.lane, 'MapIterationAborted', { name: sc.name, index });
        return;
      }
      sc.runtime.history.add(frame.lane, 'MapIterationFailed', { name: sc.name, index });
      failed++;
      const err = e instanceof StatesError ? e : new StatesError(StatesErrorName.Runtime, String(e));
      results[index] = err.cause === undefined ? { Error: err.error } : { Error: err.error, Cause: err.cause };
      if (failure === undefined && exceedsTolerance(plan, failed, plan.items.length)) {
        failure = tolerant
          ? new StatesError(StatesErrorName.ExceedToleratedFailureThreshold, 'The specified tolerated failure threshold was exceeded')
          : e;
        controller.cancel();
      }
    }
  };
  const lanes = plan.maxConcurrency > 0 ? Math.min(plan.maxConcurrency, plan.items.length) : plan.items.length;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (nextIndex < plan.items.length && failure === undefined && !sc.signal.aborted) await iterate(nextIndex++);
    }),
  );
  controller.release();
  if (failure === undefined && sc.signal.aborted) throw new SleepAbortedError();
  if (failure !== undefined) throw markScopeFailure(failure);
  sc.event('MapStateSucceeded');
  return results;
}

/** Map (inline): runs its item processor once per item; the outputs, in order, are its result. */
export async function runMap(sc: StateContext, raw: Json, runScope: ScopeRunner): Promise<StateResult> {
  const { state } = sc;
  let plan: MapPlan;
  try {
    plan = sc.language === 'JSONata' ? await jsonataPlan(sc, raw) : jsonPathPlan(sc, raw);
  } catch (e) {
    if (e instanceof EvaluationError) reportEvaluationFailure(sc, e);
    throw e;
  }
  if (sc.language === 'JSONata') {
    const result = await runIterations(sc, plan, runScope);
    const scope = { input: raw, result };
    const assigned = await evaluateAssign(sc, state.Assign, result, scope);
    return { output: await jsonataOutput(sc, state.Output, result, scope), next: state.Next, assigned };
  }
  const result = await runIterations(sc, plan, runScope);
  const { selected, output } = jsonPathOutput(sc, raw, result);
  const assigned = await evaluateAssign(sc, state.Assign, selected, { input: raw, result });
  return { output, next: state.Next, assigned };
}
