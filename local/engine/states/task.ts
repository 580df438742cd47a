import { Cancellation } from '../cancellation';
import { SleepAbortedError } from '../clock';
import { evaluateAssign, jsonPathAssign, jsonPathEffectiveInput, jsonPathOutput, jsonPathScope, jsonataOutput, jsonataScope, inStateSync } from '../dataflow';
import { StatesError, StatesErrorName } from '../errors';
import { Json, isJsonObject, exceedsByteSize, toJsonValue } from '../json';
import { evaluateJsonataTemplate, evaluateJsonataValue, isJsonataExpression } from '../jsonata/evaluate';
import {
  decodeInvokeParameters,
  invokeResponseEnvelope,
  isLambdaFunctionArn,
  isLambdaInvokeIntegration,
  lambdaFailure,
  taskFailure,
} from '../lambda';
import * as jp from '../query/jsonPath';
import { StateContext, StateResult, payloadDetails } from '../runtime';
import { TaskRequest } from '../tasks';

/** How a Task's resource shows in history: Lambda* events for a function ARN, Task* otherwise. */
interface ResourceShape {
  lambdaEvents: boolean;
  resourceType: string;
  resource: string;
  region: string;
}

const shapes = new Map<string, ResourceShape>();

function resourceShape(arn: string): ResourceShape {
  let shape = shapes.get(arn);
  if (shape === undefined) {
    shape = computeShape(arn);
    if (shapes.size > 1000) shapes.clear();
    shapes.set(arn, shape);
  }
  return shape;
}

function computeShape(arn: string): ResourceShape {
  if (isLambdaFunctionArn(arn)) return { lambdaEvents: true, resourceType: 'lambda', resource: arn, region: arn.split(':')[3] ?? '' };
  const m = /^arn:[^:]+:states:([^:]*):[^:]*:([^:]+):(.+)$/.exec(arn);
  if (m !== null) return { lambdaEvents: false, resourceType: m[2], resource: m[3], region: m[1] || 'us-east-1' };
  return { lambdaEvents: false, resourceType: 'activity', resource: arn, region: 'us-east-1' };
}

async function timeoutSeconds(sc: StateContext, raw: Json, input: Json): Promise<number | undefined> {
  const { state } = sc;
  if (state.TimeoutSeconds === undefined && state.TimeoutSecondsPath === undefined) return undefined;
  let value: Json | undefined = state.TimeoutSeconds;
  if (state.TimeoutSecondsPath !== undefined) value = inStateSync(sc, () => jp.readPath(state.TimeoutSecondsPath as string, jsonPathScope(sc, input)));
  if (isJsonataExpression(value)) value = await evaluateJsonataValue(value, jsonataScope(sc, raw), sc.ref, 'TimeoutSeconds');
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new StatesError(StatesErrorName.Runtime, `The TimeoutSeconds value must be a positive integer, but was: ${JSON.stringify(value)}`);
  }
  return value;
}

/** Races a task against its timeout and the scope's cancellation (not async: most tasks have no timeout). */
function invokeWithTimeout(sc: StateContext, request: TaskRequest, timeout: number | undefined): Promise<unknown> {
  const scope = sc.signal;
  if (scope.aborted) return Promise.reject(new SleepAbortedError());
  return timeout === undefined ? invokeCancellable(sc, request, scope) : invokeRacingTimeout(sc, request, scope, timeout);
}

async function invokeRacingTimeout(sc: StateContext, request: TaskRequest, scope: Cancellation, timeout: number): Promise<unknown> {
  let unsubscribe = (): void => undefined;
  const cancelled = new Promise<never>((_, reject) => {
    unsubscribe = scope.subscribe(() => reject(new SleepAbortedError()));
  });
  const timer = new Cancellation();
  try {
    const invoked = sc.runtime.invokeTask(request);
    const expired = sc.runtime.clock.sleep(timeout * 1000, timer).then(
      () => {
        throw new StatesError(StatesErrorName.Timeout);
      },
      () => new Promise(() => undefined),
    );
    return await Promise.race([invoked, cancelled, expired]);
  } finally {
    timer.cancel();
    unsubscribe();
  }
}

/** A task's outcome, or SleepAbortedError as soon as its scope is cancelled (most tasks have no timeout). */
function invokeCancellable(sc: StateContext, request: TaskRequest, scope: Cancellation): Promise<unknown> {
  return new Promise<unknown>((resolve, reject) => {
    const unsubscribe = scope.subscribe(() => reject(new SleepAbortedError()));
    const settle = (ok: boolean, value: unknown): void => {
      unsubscribe();
      if (ok) resolve(value);
      else reject(value);
    };
    try {
      sc.runtime.invokeTask(request).then(
        (v) => settle(true, v),
        (e: unknown) => settle(false, e),
      );
    } catch (e) {
      settle(false, e);
    }
  });
}

/** Runs the task once (one attempt), recording its events; memoised across a resume. */
async function invoke(sc: StateContext, parameters: Json, timeout: number | undefined): Promise<Json> {
  const resourceArn = sc.state.Resource ?? '';
  const shape = resourceShape(resourceArn);
  const invokeIntegration = isLambdaInvokeIntegration(resourceArn);
  const { runtime } = sc;
  const key = runtime.history.nextKey(sc.lane);
  const base = { resourceType: shape.resourceType, resource: shape.resource };
  if (shape.lambdaEvents) {
    sc.event('LambdaFunctionScheduled', { resource: resourceArn, ...payloadDetails('input', parameters), ...(timeout ? { timeoutInSeconds: timeout } : {}) });
    sc.event('LambdaFunctionStarted');
  } else {
    sc.event('TaskScheduled', { ...base, region: shape.region, parameters, ...(timeout ? { timeoutInSeconds: timeout } : {}) });
    sc.event('TaskStarted', base);
  }
  const recorded = runtime.memo.get(key);
  let outcome: { ok: true; value: Json } | { ok: false; error: StatesError };
  if (recorded?.kind === 'task') {
    outcome = recorded.ok ? { ok: true, value: recorded.value } : { ok: false, error: new StatesError(recorded.error, recorded.cause) };
  } else {
    const synced = runtime.sync();
    if (synced !== undefined) await synced;
    outcome = await attempt(sc, resourceArn, parameters, timeout, shape.lambdaEvents || invokeIntegration);
    if (outcome.ok && invokeIntegration) {
      const logTail = isJsonObject(parameters) && parameters.LogType === 'Tail';
      outcome = { ok: true, value: invokeResponseEnvelope(outcome.value, logTail) };
    }
    if (outcome.ok && exceedsByteSize(outcome.value, runtime.payloadLimitBytes)) {
      outcome = {
        ok: false,
        error: new StatesError(StatesErrorName.DataLimitExceeded, `The state/task '${sc.name}' returned a result with a size exceeding the maximum number of bytes service limit.`),
      };
    }
    runtime.memo.set(
      key,
      outcome.ok ? { kind: 'task', ok: true, value: outcome.value } : { kind: 'task', ok: false, error: outcome.error.error, cause: outcome.error.cause },
    );
  }
  if (outcome.ok) {
    if (shape.lambdaEvents) sc.event('LambdaFunctionSucceeded', payloadDetails('output', outcome.value));
    else sc.event('TaskSucceeded', { ...base, ...payloadDetails('output', outcome.value) });
    runtime.commit();
    return outcome.value;
  }
  const { error } = outcome;
  const details = { error: error.error, ...(error.cause !== undefined ? { cause: error.cause } : {}) };
  const timedOut = error.error === StatesErrorName.Timeout;
  if (shape.lambdaEvents) sc.event(timedOut ? 'LambdaFunctionTimedOut' : 'LambdaFunctionFailed', details);
  else sc.event(timedOut ? 'TaskTimedOut' : 'TaskFailed', { ...base, ...details });
  runtime.commit();
  throw error;
}

async function attempt(
  sc: StateContext,
  resource: string,
  parameters: Json,
  timeout: number | undefined,
  lambda: boolean,
): Promise<{ ok: true; value: Json } | { ok: false; error: StatesError }> {
  let request: TaskRequest;
  try {
    request = isLambdaFunctionArn(resource)
      ? new LambdaRequest(resource, parameters, resource, sc, timeout)
      : isLambdaInvokeIntegration(resource)
        ? invokeRequest(resource, parameters, sc, timeout)
        : new ResourceRequest(resource, parameters, sc, timeout);
  } catch (e) {
    return { ok: false, error: e as StatesError };
  }
  try {
    const value = await invokeWithTimeout(sc, request, timeout);
    return { ok: true, value: toJsonValue(value) };
  } catch (e) {
    if (e instanceof SleepAbortedError) throw e;
    return { ok: false, error: lambda ? lambdaFailure(e) : taskFailure(e) };
  }
}

/** Task: runs its resource (Lambda or any integration the caller handles) with its input. */
export async function runTask(sc: StateContext, raw: Json): Promise<StateResult> {
  const { state } = sc;
  if (sc.language === 'JSONata') {
    const args = state.Arguments === undefined ? raw : await evaluateJsonataTemplate(state.Arguments, jsonataScope(sc, raw), sc.ref, 'Arguments');
    const result = await invoke(sc, args, await timeoutSeconds(sc, raw, raw));
    const scope = { input: raw, result };
    const assigned = await evaluateAssign(sc, state.Assign, result, scope);
    const output = await jsonataOutput(sc, state.Output, result, scope);
    return { output, next: state.Next, assigned };
  }
  const { filtered, effective } = jsonPathEffectiveInput(sc, raw, state.Parameters);
  const timeout = state.TimeoutSeconds === undefined && state.TimeoutSecondsPath === undefined ? undefined : await timeoutSeconds(sc, raw, filtered);
  const result = await invoke(sc, effective, timeout);
  const { selected, output } = jsonPathOutput(sc, raw, result);
  return { output, next: state.Next, assigned: jsonPathAssign(sc, state.Assign, selected) };
}

function invokeRequest(resource: string, parameters: Json, sc: StateContext, timeout: number | undefined): LambdaRequest {
  const { functionName, payload } = decodeInvokeParameters(parameters);
  return new LambdaRequest(functionName, payload, resource, sc, timeout);
}

/** The fields every request has; `signal` is made only if the handler reads it. */
abstract class BaseRequest {
  public readonly stateName: string;
  public readonly executionArn: string;

  protected constructor(
    public readonly resource: string,
    private readonly sc: StateContext,
    public readonly timeoutSeconds: number | undefined,
  ) {
    this.stateName = sc.name;
    this.executionArn = sc.runtime.execution.executionArn;
  }

  public get signal(): AbortSignal {
    return this.sc.signal.signal;
  }
}

class LambdaRequest extends BaseRequest {
  public readonly kind = 'lambda' as const;

  public constructor(
    public readonly functionName: string,
    public readonly payload: Json,
    resource: string,
    sc: StateContext,
    timeout: number | undefined,
  ) {
    super(resource, sc, timeout);
  }
}

class ResourceRequest extends BaseRequest {
  public readonly kind = 'resource' as const;

  public constructor(
    resource: string,
    public readonly parameters: Json,
    sc: StateContext,
    timeout: number | undefined,
  ) {
    super(resource, sc, timeout);
  }
}
