/**
 * Lambda's part of local mode: invokes handler functions in-process the way Lambda's
 * synchronous Invoke does for Step Functions (payload limits, timeout, error payloads,
 * concurrency limit, context object, per-invocation logs).
 */
import { randomUUID } from 'node:crypto';
import { ConcurrencyLimiter, type ThrottleBehaviour } from './concurrency';
import { createLambdaContext } from './context';
import { EnvironmentPool, type Environment, type LambdaHandler } from './environments';
import {
  InvalidRequestContentException,
  RequestEntityTooLargeException,
  ResourceNotFoundException,
  TooManyRequestsException,
} from './errors';
import { functionArn, parseFunctionReference, type LambdaLocation } from './functionArn';
import {
  responseTooLargeFunctionError,
  thrownToFunctionError,
  timedOutFunctionError,
  type FunctionErrorPayload,
} from './functionError';
import { DEFAULT_MEMORY_MB, MAX_SYNC_REQUEST_BYTES, MAX_SYNC_RESPONSE_BYTES } from './limits';
import { InvocationLog, runCapturingLogs, type LogLine } from './logCapture';

/**
 * One function: its handler and configuration. Give `createHandler` for a handler with state
 * of its own (a logger, metrics, connections): it builds one instance per execution
 * environment, as Lambda loads the module once per environment. `handler` is one instance
 * shared by every invocation, for stateless functions.
 */
export type LambdaFunctionDefinition = FunctionSettings & ({ readonly handler: LambdaHandler } | { readonly createHandler: () => LambdaHandler });

/** A function's configuration. */
interface FunctionSettings {
  /** The function's timeout, 1 ms to 15 minutes (Lambda's default is 3 s). */
  readonly timeoutMs: number;
  /**
   * Reported to the handler as `context.memoryLimitInMB`; not enforced.
   * @default 128
   */
  readonly memoryMb?: number;
}

/** Which invocation a log line belongs to. */
export interface InvocationIdentity {
  readonly functionName: string;
  readonly requestId: string;
}

/**
 * One completed Invoke, as Lambda's Invoke API answers it (HTTP 200), with its logs.
 * A function error is a completed Invoke too: `functionError` is set and `payload` holds
 * `{ errorType, errorMessage, trace? }`; see `taskOutcome` to map it to an ASL error and cause.
 */
export interface InvocationRecord extends InvocationIdentity {
  readonly functionArn: string;
  readonly statusCode: 200;
  readonly executedVersion: '$LATEST';
  /** The response payload: the handler's result, or the error, as JSON text. */
  readonly payload: string;
  /** `Unhandled` when the function failed (threw, timed out, or answered too much). */
  readonly functionError?: 'Unhandled';
  readonly startedAt: Date;
  readonly endedAt: Date;
  readonly durationMs: number;
  /** Everything the invocation wrote, one entry a line, with Lambda's START/END/REPORT lines. */
  readonly logs: readonly LogLine[];
  /** Lines not kept because the invocation logged more than 4 MiB. */
  readonly droppedLogLines: number;
}

/** How to build a {@link LambdaRuntime}. */
export interface LambdaRuntimeOptions {
  /** The functions, by name (the name in their ARN). */
  readonly functions: Readonly<Record<string, LambdaFunctionDefinition>>;
  /** How many invocations may run at once (the account's concurrency). */
  readonly concurrency: number;
  /**
   * What an Invoke over the concurrency limit does: `throw` TooManyRequestsException as Lambda
   * does, or `queue` until a slot frees.
   * @default 'throw'
   */
  readonly whenThrottled?: ThrottleBehaviour;
  /** @default 'us-east-1' */
  readonly region?: string;
  /** @default '000000000000' */
  readonly accountId?: string;
  /** Called with each log line as it is written (the same lines end up in the record). */
  readonly onLog?: (invocation: InvocationIdentity, line: LogLine) => void;
  /** The clock, in epoch milliseconds. @default Date.now */
  readonly now?: () => number;
}

/** Invokes local functions as Lambda does. */
export interface LambdaRuntime {
  /**
   * Invokes a function synchronously (RequestResponse) with a JSON payload.
   * @param functionName its name, ARN or partial ARN, optionally qualified with `$LATEST`
   * @returns the completed Invoke, including function errors
   * @throws ResourceNotFoundException, TooManyRequestsException, RequestEntityTooLargeException,
   *   InvalidRequestContentException (all `LambdaServiceError`s)
   */
  invoke(functionName: string, payload: unknown): Promise<InvocationRecord>;
  /** A function's ARN, as the ASL's Task Resource names it. */
  functionArn(functionName: string): string;
  /** The functions this runtime knows. */
  readonly functionNames: readonly string[];
  /** Invocations running now. */
  readonly inFlight: number;
}

/** A function as deployed: its settings and where its handler comes from. */
interface DeployedFunction {
  readonly settings: LambdaFunctionDefinition;
  /** One handler per execution environment (`createHandler`). */
  readonly pool: EnvironmentPool | undefined;
  /** One handler for every invocation (`handler`). */
  readonly shared: LambdaHandler | undefined;
}

type HandlerOutcome = { result: unknown } | { error: unknown } | { timedOut: true };

const MAX_TIMEOUT_MS = 15 * 60 * 1000;

/** Creates a local Lambda service for the given functions. */
export function createLambdaRuntime(options: LambdaRuntimeOptions): LambdaRuntime {
  const location: LambdaLocation = { region: options.region ?? 'us-east-1', accountId: options.accountId ?? '000000000000' };
  const now = options.now ?? Date.now;
  const limiter = new ConcurrencyLimiter(options.concurrency);
  const whenThrottled = options.whenThrottled ?? 'throw';
  // A Map, so that names such as `__proto__` or `constructor` are never looked up on a prototype.
  const functions = new Map<string, DeployedFunction>();
  for (const [name, definition] of Object.entries(options.functions)) {
    if (!Number.isFinite(definition.timeoutMs) || definition.timeoutMs < 1 || definition.timeoutMs > MAX_TIMEOUT_MS) {
      throw new RangeError(`timeoutMs of ${name} must be between 1 and ${MAX_TIMEOUT_MS}, got ${definition.timeoutMs}`);
    }
    const shared = 'handler' in definition ? definition.handler : undefined;
    const pool = shared === undefined && 'createHandler' in definition ? new EnvironmentPool(definition.createHandler, now) : undefined;
    if (shared === undefined && pool === undefined) throw new TypeError(`${name} needs a handler or createHandler`);
    functions.set(name, { settings: definition, pool, shared });
  }

  async function invoke(reference: string, payload: unknown): Promise<InvocationRecord> {
    const requestId = randomUUID();
    const event = serializeRequest(payload, requestId);
    const parsed = parseFunctionReference(reference, location);
    const definition =
      parsed !== undefined && (parsed.qualifier === undefined || parsed.qualifier === '$LATEST')
        ? functions.get(parsed.name)
        : undefined;
    if (parsed === undefined || definition === undefined) {
      throw new ResourceNotFoundException(reference.startsWith('arn:') ? reference : functionArn(location, reference), requestId);
    }
    if (whenThrottled === 'queue') await limiter.acquire();
    else if (!limiter.tryAcquire()) throw new TooManyRequestsException('ConcurrentInvocationLimitExceeded', requestId);
    try {
      return await run(parsed.name, definition, event, requestId);
    } finally {
      limiter.release();
    }
  }

  async function run(name: string, fn: DeployedFunction, event: string, requestId: string): Promise<InvocationRecord> {
    const definition = fn.settings;
    const identity: InvocationIdentity = { functionName: name, requestId };
    const log = new InvocationLog(now, (line) => options.onLog?.(identity, line));
    const arn = functionArn(location, name);
    const memoryMb = definition.memoryMb ?? DEFAULT_MEMORY_MB;
    const started = now();
    log.platform(`START RequestId: ${requestId} Version: $LATEST`);

    let environment: Environment | undefined;
    const outcome = await new Promise<HandlerOutcome>((resolve) => {
      let settled = false;
      const settle = (value: HandlerOutcome): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(value);
      };
      // Lambda stops the sandbox at the timeout; here the handler's promise is abandoned
      // (its later output is dropped by the closed log), its environment is never reused,
      // and its slot is freed.
      const timer = setTimeout(() => settle({ timedOut: true }), definition.timeoutMs);
      const context = createLambdaContext({
        functionName: name,
        functionArn: arn,
        memoryMb,
        requestId,
        logStreamName: `${new Date(started).toISOString().slice(0, 10).replace(/-/g, '/')}/[$LATEST]${requestId.replace(/-/g, '')}`,
        deadline: started + definition.timeoutMs,
        now,
        settle,
      });
      runCapturingLogs(log, () => {
        try {
          // A failed initialisation (cold start) is the invocation's error, as on Lambda.
          environment = fn.pool === undefined ? { handler: fn.shared! } : fn.pool.acquire();
          Promise.resolve(environment.handler(JSON.parse(event) as unknown, context)).then(
            (result) => settle({ result }),
            (error: unknown) => settle({ error }),
          );
        } catch (error) {
          settle({ error });
        }
      });
    });
    if (environment !== undefined && !('timedOut' in outcome)) fn.pool?.release(environment);

    const response = toResponse(outcome, requestId, definition.timeoutMs);
    const ended = now();
    if ('timedOut' in outcome) {
      log.platform(`${new Date(ended).toISOString()} ${requestId} Task timed out after ${(definition.timeoutMs / 1000).toFixed(2)} seconds`);
    }
    const durationMs = ended - started;
    log.platform(`END RequestId: ${requestId}`);
    const init = environment?.initMs !== undefined ? `\tInit Duration: ${environment.initMs.toFixed(2)} ms` : '';
    log.platform(
      `REPORT RequestId: ${requestId}\tDuration: ${durationMs.toFixed(2)} ms\tBilled Duration: ${Math.max(1, Math.ceil(durationMs))} ms\tMemory Size: ${memoryMb} MB${init}`,
    );
    log.close();
    return {
      functionName: name,
      requestId,
      functionArn: arn,
      statusCode: 200,
      executedVersion: '$LATEST',
      payload: response.payload,
      ...(response.failed ? { functionError: 'Unhandled' as const } : {}),
      startedAt: new Date(started),
      endedAt: new Date(ended),
      durationMs,
      logs: log.recorded,
      droppedLogLines: log.droppedLines,
    };
  }

  return {
    invoke,
    functionArn: (name) => functionArn(location, name),
    functionNames: [...functions.keys()],
    get inFlight() {
      return limiter.inFlight;
    },
  };
}

/** The request as Lambda receives it: JSON text within the synchronous limit. */
function serializeRequest(payload: unknown, requestId: string): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(payload);
  } catch (error) {
    throw new InvalidRequestContentException(error instanceof Error ? error.message : String(error), requestId, { cause: error });
  }
  // An empty Invoke payload reaches the handler as `{}`.
  const event = json ?? '{}';
  if (utf8Exceeds(event, MAX_SYNC_REQUEST_BYTES)) {
    throw new RequestEntityTooLargeException(MAX_SYNC_REQUEST_BYTES, requestId);
  }
  return event;
}

function toResponse(outcome: HandlerOutcome, requestId: string, timeoutMs: number): { payload: string; failed: boolean } {
  const failure = (error: FunctionErrorPayload): { payload: string; failed: boolean } => ({ payload: JSON.stringify(error), failed: true });
  if ('timedOut' in outcome) return failure(timedOutFunctionError(requestId, timeoutMs));
  if ('error' in outcome) return failure(thrownToFunctionError(outcome.error));
  let payload: string | undefined;
  try {
    payload = JSON.stringify(outcome.result);
  } catch (error) {
    return failure(thrownToFunctionError(error));
  }
  // A handler that returns nothing answers `null`.
  const text = payload ?? 'null';
  if (utf8Exceeds(text, MAX_SYNC_RESPONSE_BYTES)) return failure(responseTooLargeFunctionError());
  return { payload: text, failed: false };
}

/**
 * True when `text` is over `limit` bytes in UTF-8. A UTF-16 code unit is at most 3 UTF-8
 * bytes, so short texts (nearly all payloads) are decided without encoding them.
 */
function utf8Exceeds(text: string, limit: number): boolean {
  return text.length * 3 > limit && Buffer.byteLength(text, 'utf8') > limit;
}
