/**
 * Where functions run: each invocation in an execution environment of its function (one at a
 * time each), with its timeout, its context object and its own captured logs, framed by
 * Lambda's START/END/REPORT lines. The Invoke API in front of it (name resolution, payload
 * limits, concurrency) is {@link InvokeGate}; in-process the two make {@link createLambdaRuntime},
 * and a worker thread can run a host of its own (see `./worker`).
 */
import { createLambdaContext } from './context';
import { EnvironmentPool, type Environment, type LambdaHandler } from './environments';
import { functionArn, type LambdaLocation } from './functionArn';
import { responseTooLargeFunctionError, thrownToFunctionError, timedOutFunctionError, type FunctionErrorPayload } from './functionError';
import { textExceedsBytes } from '../common/utf8';
import { DEFAULT_MEMORY_MB, MAX_SYNC_RESPONSE_BYTES } from './limits';
import { InvocationLog, runCapturingLogs, type LogLine } from './logCapture';

/**
 * One function: its handler and configuration. Give `createHandler` for a handler with state
 * of its own (a logger, metrics, connections): it builds one instance per execution
 * environment, as Lambda loads the module once per environment. `handler` is one instance
 * shared by every invocation, for stateless functions.
 */
export type LambdaFunctionDefinition = FunctionSettings & ({ readonly handler: LambdaHandler } | { readonly createHandler: () => LambdaHandler });

/** A function's configuration. */
export interface FunctionSettings {
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

/** How to build a {@link FunctionHost}. */
export interface FunctionHostOptions {
  readonly location: LambdaLocation;
  /** Called with each log line as it is written (the same lines end up in the record). */
  readonly onLog?: (invocation: InvocationIdentity, line: LogLine) => void;
  /** The clock, in epoch milliseconds. @default Date.now */
  readonly now?: () => number;
}

/** Runs the invocations of a set of functions. */
export interface FunctionHost {
  /** The functions, by name. */
  readonly functionNames: readonly string[];
  /** True when `name` is one of the functions. */
  has(name: string): boolean;
  /** A function's settings. */
  settingsOf(name: string): FunctionSettings | undefined;
  /** Runs one invocation of a known function on `event` (JSON text); never rejects. */
  run(name: string, event: string, requestId: string): Promise<InvocationRecord>;
}

/** A function as deployed: its settings and where its handler comes from. */
interface DeployedFunction {
  readonly settings: LambdaFunctionDefinition;
  /** One handler per execution environment (`createHandler`). */
  readonly pool: EnvironmentPool | undefined;
  /** One handler for every invocation (`handler`). */
  readonly shared: LambdaHandler | undefined;
  readonly arn: string;
}

type HandlerOutcome = { result: unknown } | { error: unknown } | { timedOut: true };

const MAX_TIMEOUT_MS = 15 * 60 * 1000;

/** Deploys `functions` in this thread. @throws RangeError/TypeError for a bad definition */
export function createFunctionHost(functions: Readonly<Record<string, LambdaFunctionDefinition>>, options: FunctionHostOptions): FunctionHost {
  const { location, onLog } = options;
  const now = options.now ?? Date.now;
  // A Map, so that names such as `__proto__` or `constructor` are never looked up on a prototype.
  const deployed = new Map<string, DeployedFunction>();
  for (const [name, definition] of Object.entries(functions)) {
    if (!Number.isFinite(definition.timeoutMs) || definition.timeoutMs < 1 || definition.timeoutMs > MAX_TIMEOUT_MS) {
      throw new RangeError(`timeoutMs of ${name} must be between 1 and ${MAX_TIMEOUT_MS}, got ${definition.timeoutMs}`);
    }
    const shared = 'handler' in definition ? definition.handler : undefined;
    const pool = shared === undefined && 'createHandler' in definition ? new EnvironmentPool(definition.createHandler, now) : undefined;
    if (shared === undefined && pool === undefined) throw new TypeError(`${name} needs a handler or createHandler`);
    deployed.set(name, { settings: definition, pool, shared, arn: functionArn(location, name) });
  }

  async function run(name: string, event: string, requestId: string): Promise<InvocationRecord> {
    const fn = deployed.get(name);
    if (fn === undefined) throw new TypeError(`unknown function ${name}`);
    const definition = fn.settings;
    const identity: InvocationIdentity = { functionName: name, requestId };
    const log = new InvocationLog(now, (line) => onLog?.(identity, line));
    const arn = fn.arn;
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
        logStreamName: logStreamName(started, requestId),
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
    functionNames: [...deployed.keys()],
    has: (name) => deployed.has(name),
    settingsOf: (name) => deployed.get(name)?.settings,
    run,
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** The UTC day of the last log stream named, and its `YYYY/MM/DD` prefix. */
let streamDay = Number.NaN;
let streamDayPrefix = '';

/** Lambda's log stream name: `YYYY/MM/DD/[$LATEST]` and the request id without dashes. */
function logStreamName(started: number, requestId: string): string {
  const day = Math.floor(started / DAY_MS);
  if (day !== streamDay) {
    streamDay = day;
    streamDayPrefix = new Date(started).toISOString().slice(0, 10).replace(/-/g, '/');
  }
  return `${streamDayPrefix}/[$LATEST]${requestId.replace(/-/g, '')}`;
}

// At module level: a closure made per call would be named anew on every call under tsx (keepNames).
function failure(error: FunctionErrorPayload): { payload: string; failed: boolean } {
  return { payload: JSON.stringify(error), failed: true };
}

function toResponse(outcome: HandlerOutcome, requestId: string, timeoutMs: number): { payload: string; failed: boolean } {
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
  if (textExceedsBytes(text, MAX_SYNC_RESPONSE_BYTES)) return failure(responseTooLargeFunctionError());
  return { payload: text, failed: false };
}
