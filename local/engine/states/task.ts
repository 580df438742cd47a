import { CancelListener, Cancellation } from '../cancellation';
import { SleepAbortedError } from '../clock';
import * as dataflowModule from '../dataflow';
import { evaluateAssign, jsonPathScope, jsonataOutput, jsonataScope, inStateSync } from '../dataflow';
import { StatesError, StatesErrorName } from '../errors';
import * as jsonModule from '../json';
import { Json } from '../json';
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
import { StateContext, StateResult } from '../runtime';
import { TaskRequest } from '../tasks';
import { cachedBy } from '../../common/boundedCache';

// Bound once at load: under tsx (esbuild) every use of a named import is a call to a getter.
const { jsonPathAssign, jsonPathInput, jsonPathParameters, jsonPathPlaceResult, jsonPathResultSelector } = dataflowModule;
const { cloneJson, isJsonObject, exceedsByteSize, toJsonValue } = jsonModule;

const NOT_TRUNCATED = Object.freeze({ truncated: false });

/**
 * How a Task's resource is run and shows in history: a Lambda function ARN (Lambda* events), the
 * lambda:invoke integration or any other resource (Task* events, with the resource's type).
 */
interface ResourceShape {
  kind: 'function' | 'invoke' | 'resource';
  lambdaEvents: boolean;
  resourceType: string;
  resource: string;
  region: string;
  /** The fields every Task* event of this resource starts with. */
  base: { resourceType: string; resource: string };
}

const resourceShape = cachedBy(computeShape, 1000);

function computeShape(arn: string): ResourceShape {
  const shape = (kind: ResourceShape['kind'], lambdaEvents: boolean, resourceType: string, resource: string, region: string): ResourceShape =>
    Object.freeze({ kind, lambdaEvents, resourceType, resource, region, base: Object.freeze({ resourceType, resource }) });
  if (isLambdaFunctionArn(arn)) return shape('function', true, 'lambda', arn, arn.split(':')[3] ?? '');
  const kind = isLambdaInvokeIntegration(arn) ? 'invoke' : 'resource';
  const m = /^arn:[^:]+:states:([^:]*):[^:]*:([^:]+):(.+)$/.exec(arn);
  if (m !== null) return shape(kind, false, m[2], m[3], m[1] || 'us-east-1');
  return shape(kind, false, 'activity', arn, 'us-east-1');
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

/** What a Task makes of its result: the state's result (JSONPath), or the result itself (JSONata, which goes on). */
type Finish<T> = (sc: StateContext, raw: Json, result: Json) => T;

const resultItself: Finish<Json> = (_sc, _raw, result) => result;

/**
 * Runs the task once (one attempt), recording its events; memoised across a resume. Resolves
 * with what `finish` makes of the result; rejects with the task's error, or SleepAbortedError
 * when the scope is cancelled first.
 */
function invoke<T>(sc: StateContext, parameters: Json, timeout: number | undefined, raw: Json, finish: Finish<T>, now = sc.runtime.clock.now()): Promise<T> {
  const resourceArn = sc.state.Resource ?? '';
  const shape = resourceShape(resourceArn);
  const { runtime } = sc;
  const key = runtime.history.nextKey(sc.lane);
  if (shape.lambdaEvents) {
    if (timeout) {
      runtime.history.add(sc.lane, 'LambdaFunctionScheduled', { resource: resourceArn, input: parameters ?? null, inputDetails: NOT_TRUNCATED, timeoutInSeconds: timeout }, now);
    } else {
      runtime.history.addPayload(sc.lane, 'LambdaFunctionScheduled', resourceArn, parameters ?? null, now);
    }
    runtime.history.add(sc.lane, 'LambdaFunctionStarted', undefined, now);
  } else {
    const scheduled: Record<string, unknown> = { resourceType: shape.resourceType, resource: shape.resource, region: shape.region, parameters };
    if (timeout) scheduled.timeoutInSeconds = timeout;
    runtime.history.add(sc.lane, 'TaskScheduled', scheduled, now);
    runtime.history.add(sc.lane, 'TaskStarted', shape.base, now);
  }
  const attempt = new TaskAttempt(sc, shape, resourceArn, key, parameters, timeout, raw, finish);
  const recorded = runtime.memo.get(key);
  if (recorded?.kind === 'task') {
    try {
      return Promise.resolve(recorded.ok ? attempt.recordOutcome(recorded.value, undefined) : attempt.recordOutcome(null, new StatesError(recorded.error, recorded.cause)));
    } catch (e) {
      return Promise.reject(e);
    }
  }
  const synced = runtime.sync();
  if (timeout !== undefined) return attempt.runWithTimeout(synced, timeout);
  return synced === undefined ? attempt.run() : synced.then(() => attempt.run());
}

/**
 * One attempt of a Task that was not recorded before: calls the resource, waits for it unless
 * the scope is cancelled first, records the outcome. An object with callbacks rather than async
 * functions and a promise of its own: there is one per task.
 */
class TaskAttempt<T> extends CancelListener {
  private resolve: (value: T) => void = noop;
  private reject: (error: unknown) => void = noop;
  /** Settled: by the call's outcome or by the scope's cancellation, whichever came first. */
  private done = false;

  public constructor(
    private readonly sc: StateContext,
    private readonly shape: ResourceShape,
    private readonly resource: string,
    private readonly key: string,
    private readonly parameters: Json,
    private readonly timeout: number | undefined,
    private readonly raw: Json,
    private readonly finish: Finish<T>,
  ) {
    super();
  }

  /** Calls the resource (a task without a timeout). */
  public run(): Promise<T> {
    const request = taskRequest(this.sc, this.shape, this.resource, this.parameters, this.timeout);
    if (request instanceof StatesError) return this.settled(null, request);
    const scope = this.sc.signal;
    if (scope.aborted) return Promise.reject(new SleepAbortedError());
    TaskAttempt.capturing = this as TaskAttempt<unknown>;
    const promise = new Promise<T>(TaskAttempt.captureSettlers as (resolve: (value: T) => void, reject: (error: unknown) => void) => void);
    scope.listen(this);
    try {
      this.sc.runtime.invokeTask(request).then(
        (v) => this.returned(v),
        (e: unknown) => this.threw(e),
      );
    } catch (e) {
      this.threw(e);
    }
    return promise;
  }

  /** The attempt whose promise is being made (see captureSettlers). */
  private static capturing: TaskAttempt<unknown> | undefined;

  /** A promise's executor that is not a closure made per attempt: it hands the settlers to `capturing`. */
  private static captureSettlers(this: void, resolve: (value: unknown) => void, reject: (error: unknown) => void): void {
    const attempt = TaskAttempt.capturing!;
    TaskAttempt.capturing = undefined;
    attempt.resolve = resolve;
    attempt.reject = reject;
  }

  /** Calls the resource racing its timeout, once the outcomes recorded before are durable. */
  public async runWithTimeout(synced: Promise<void> | undefined, timeout: number): Promise<T> {
    if (synced !== undefined) await synced;
    const request = taskRequest(this.sc, this.shape, this.resource, this.parameters, timeout);
    if (request instanceof StatesError) return this.complete(null, request);
    const scope = this.sc.signal;
    if (scope.aborted) throw new SleepAbortedError();
    let value: Json = null;
    let error: StatesError | undefined;
    try {
      value = toJsonValue(await invokeRacingTimeout(this.sc, request, scope, timeout));
    } catch (e) {
      if (e instanceof SleepAbortedError) throw e;
      error = this.failure(e);
    }
    return this.complete(value, error);
  }

  public onCancel(): void {
    if (this.done) return;
    this.done = true;
    this.reject(new SleepAbortedError());
  }

  private returned(v: unknown): void {
    if (this.done) return;
    this.done = true;
    this.sc.signal.unlisten(this);
    let value: Json;
    try {
      value = toJsonValue(v);
    } catch (e) {
      this.settle(null, this.failure(e));
      return;
    }
    this.settle(value, undefined);
  }

  private threw(e: unknown): void {
    if (this.done) return;
    this.done = true;
    this.sc.signal.unlisten(this);
    if (e instanceof SleepAbortedError) this.reject(e);
    else this.settle(null, this.failure(e));
  }

  private settle(value: Json, error: StatesError | undefined): void {
    try {
      this.resolve(this.complete(value, error));
    } catch (e) {
      this.reject(e);
    }
  }

  private settled(value: Json, error: StatesError | undefined): Promise<T> {
    try {
      return Promise.resolve(this.complete(value, error));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /** How a thrown error fails the task: as Lambda reports it, or as other integrations do. */
  private failure(e: unknown): StatesError {
    return this.shape.kind === 'resource' ? taskFailure(e) : lambdaFailure(e);
  }

  /** A fresh outcome: the invoke envelope and the size limit applied, memoised, then recorded. */
  private complete(result: Json, failure: StatesError | undefined): T {
    const { runtime } = this.sc;
    let value = result;
    let error = failure;
    if (error === undefined && this.shape.kind === 'invoke') value = invokeResponseEnvelope(value, isJsonObject(this.parameters) && this.parameters.LogType === 'Tail');
    if (error === undefined && exceedsByteSize(value, runtime.payloadLimitBytes)) {
      error = new StatesError(StatesErrorName.DataLimitExceeded, `The state/task '${this.sc.name}' returned a result with a size exceeding the maximum number of bytes service limit.`);
    }
    if (error === undefined) runtime.memo.setTaskResult(this.key, value);
    else runtime.memo.set(this.key, { kind: 'task', ok: false, error: error.error, cause: error.cause });
    return this.recordOutcome(value, error);
  }

  /** The outcome's events and step; what `finish` makes of a result, or the task's error thrown. */
  public recordOutcome(value: Json, error: StatesError | undefined): T {
    const { sc, shape } = this;
    if (error === undefined) {
      if (shape.lambdaEvents) sc.runtime.history.addPayload(sc.lane, 'LambdaFunctionSucceeded', '', value ?? null);
      else sc.event('TaskSucceeded', { resourceType: shape.resourceType, resource: shape.resource, output: value ?? null, outputDetails: NOT_TRUNCATED });
      sc.runtime.commit();
      return this.finish(sc, this.raw, value);
    }
    const details: Record<string, unknown> = { error: error.error };
    if (error.cause !== undefined) details.cause = error.cause;
    const timedOut = error.error === StatesErrorName.Timeout;
    if (shape.lambdaEvents) sc.event(timedOut ? 'LambdaFunctionTimedOut' : 'LambdaFunctionFailed', details);
    else sc.event(timedOut ? 'TaskTimedOut' : 'TaskFailed', { resourceType: shape.resourceType, resource: shape.resource, ...details });
    sc.runtime.commit();
    throw error;
  }
}

function noop(): void {}

/** The request for one attempt, or the error that fails it before it runs (a bad lambda:invoke FunctionName). */
function taskRequest(sc: StateContext, shape: ResourceShape, resource: string, parameters: Json, timeout: number | undefined): TaskRequest | StatesError {
  try {
    if (shape.kind === 'function') return new LambdaRequest(resource, parameters, resource, sc, timeout);
    if (shape.kind === 'invoke') return invokeRequest(resource, parameters, sc, timeout);
    return new ResourceRequest(resource, parameters, sc, timeout);
  } catch (e) {
    return e as StatesError;
  }
}

/** Task: runs its resource (Lambda or any integration the caller handles) with its input. */
export function runTask(sc: StateContext, raw: Json): Promise<StateResult> {
  const { state } = sc;
  if (sc.language === 'JSONata') return runTaskJsonata(sc, raw);
  const filtered = jsonPathInput(sc, raw);
  const effective = jsonPathParameters(sc, filtered, state.Parameters);
  if (state.TimeoutSeconds === undefined && state.TimeoutSecondsPath === undefined) {
    // The first attempt gets here without awaiting since the state entered: it is scheduled then.
    return invoke(sc, effective, undefined, raw, jsonPathTaskResult, sc.retryCount === 0 ? sc.enteredAt : undefined);
  }
  return runTaskWithTimeout(sc, raw, filtered, effective);
}

async function runTaskWithTimeout(sc: StateContext, raw: Json, filtered: Json, effective: Json): Promise<StateResult> {
  return invoke(sc, effective, await timeoutSeconds(sc, raw, filtered), raw, jsonPathTaskResult);
}

/** A JSONPath Task's ResultSelector, ResultPath, OutputPath and Assign. */
function jsonPathTaskResult(sc: StateContext, raw: Json, result: Json): StateResult {
  const selected = jsonPathResultSelector(sc, result);
  const output = jsonPathPlaceResult(sc, raw, selected);
  return { output, next: sc.state.Next, assigned: jsonPathAssign(sc, sc.state.Assign, selected) };
}

async function runTaskJsonata(sc: StateContext, raw: Json): Promise<StateResult> {
  const { state } = sc;
  const args = state.Arguments === undefined ? raw : await evaluateJsonataTemplate(state.Arguments, jsonataScope(sc, raw), sc.ref, 'Arguments');
  const result = await invoke(sc, args, await timeoutSeconds(sc, raw, raw), raw, resultItself);
  const scope = { input: raw, result };
  const assigned = await evaluateAssign(sc, state.Assign, result, scope);
  const output = await jsonataOutput(sc, state.Output, result, scope);
  return { output, next: state.Next, assigned };
}

function invokeRequest(resource: string, parameters: Json, sc: StateContext, timeout: number | undefined): LambdaRequest {
  const { functionName, payload } = decodeInvokeParameters(parameters);
  return new LambdaRequest(functionName, payload, resource, sc, timeout);
}

/**
 * The fields every request has; `signal` is made only if the handler reads it. What the task is
 * given (a Lambda payload, another integration's parameters) is handed out as a copy, made when
 * first read: a handler called in-process may change it, as a Lambda function may change its
 * event, without changing the execution's data (its states share nodes, and its history keeps them).
 */
abstract class BaseRequest {
  public readonly stateName: string;
  public readonly executionArn: string;
  private copy: Json | undefined;

  protected constructor(
    public readonly resource: string,
    private readonly given: Json,
    private readonly sc: StateContext,
    public readonly timeoutSeconds: number | undefined,
  ) {
    this.stateName = sc.name;
    this.executionArn = sc.runtime.execution.executionArn;
  }

  public get signal(): AbortSignal {
    return this.sc.signal.signal;
  }

  /** A copy of what the task is given, the same one every time it is read. */
  protected givenCopy(): Json {
    return (this.copy ??= cloneJson(this.given));
  }
}

/** A Lambda task's request. */
class LambdaRequest extends BaseRequest {
  public readonly kind = 'lambda' as const;

  public constructor(
    public readonly functionName: string,
    payload: Json,
    resource: string,
    sc: StateContext,
    timeout: number | undefined,
  ) {
    super(resource, payload, sc, timeout);
  }

  public get payload(): Json {
    return this.givenCopy();
  }
}

/** Another integration's request. */
class ResourceRequest extends BaseRequest {
  public readonly kind = 'resource' as const;

  public constructor(resource: string, parameters: Json, sc: StateContext, timeout: number | undefined) {
    super(resource, parameters, sc, timeout);
  }

  public get parameters(): Json {
    return this.givenCopy();
  }
}
