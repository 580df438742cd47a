import { randomUUID } from 'node:crypto';
import { Json, JsonObject, isJsonObject } from './json';
import { StatesError, StatesErrorName } from './errors';

/** `arn:aws:states:::lambda:invoke` (optionally `.waitForTaskToken`): the SDK-style integration. */
export function isLambdaInvokeIntegration(resource: string): boolean {
  return /^arn:[^:]+:states:::lambda:invoke(\.waitForTaskToken)?$/.test(resource);
}

/** A Lambda function ARN used directly as the Task's Resource. */
export function isLambdaFunctionArn(resource: string): boolean {
  return /^arn:[^:]+:lambda:[^:]*:[^:]*:function:[^:]+(:[^:]+)?$/.test(resource);
}

/**
 * The invoke integration's FunctionName and Payload, from the state's effective parameters. As
 * with Lambda's Invoke API, a string Payload is the event's JSON text and no Payload is `{}`.
 */
export function decodeInvokeParameters(parameters: Json): { functionName: string; payload: Json; logTail: boolean } {
  if (!isJsonObject(parameters) || typeof parameters.FunctionName !== 'string') {
    throw new StatesError(
      StatesErrorName.Runtime,
      "The field 'FunctionName' is required by the lambda:invoke integration and must be a string",
    );
  }
  let payload: Json = parameters.Payload === undefined || parameters.Payload === null ? {} : parameters.Payload;
  if (typeof payload === 'string') {
    try {
      payload = JSON.parse(payload) as Json;
    } catch {
      throw new StatesError('Lambda.InvalidRequestContentException', 'Could not parse request body into json: the Payload is not valid JSON text');
    }
  }
  return { functionName: parameters.FunctionName, payload, logTail: parameters.LogType === 'Tail' };
}

/** The invoke integration's response envelope around a function's result, as AWS returns it. */
export function invokeResponseEnvelope(payload: Json, logTail = false): JsonObject {
  const requestId = randomUUID();
  const length = String(Buffer.byteLength(JSON.stringify(payload) ?? 'null', 'utf8'));
  const date = new Date().toUTCString();
  const traceId = `Root=1-${Math.floor(Date.now() / 1000).toString(16)}-${randomUUID().replace(/-/g, '').slice(0, 24)}`;
  const logResult = Buffer.from(`START RequestId: ${requestId} Version: $LATEST\nEND RequestId: ${requestId}\n`).toString('base64');
  const envelope: JsonObject = {
    ExecutedVersion: '$LATEST',
    ...(logTail ? { LogResult: logResult } : {}),
    Payload: payload,
    SdkHttpMetadata: {
      AllHttpHeaders: {
        'X-Amz-Executed-Version': ['$LATEST'],
        'x-amzn-Remapped-Content-Length': ['0'],
        Connection: ['keep-alive'],
        'x-amzn-RequestId': [requestId],
        'Content-Length': [length],
        Date: [date],
        'X-Amzn-Trace-Id': [traceId],
        'Content-Type': ['application/json'],
      },
      HttpHeaders: {
        Connection: 'keep-alive',
        'Content-Length': length,
        'Content-Type': 'application/json',
        Date: date,
        'X-Amz-Executed-Version': '$LATEST',
        'x-amzn-Remapped-Content-Length': '0',
        'x-amzn-RequestId': requestId,
        'X-Amzn-Trace-Id': traceId,
      },
      HttpStatusCode: 200,
    },
    SdkResponseMetadata: { RequestId: requestId },
    StatusCode: 200,
  };
  if (logTail) {
    (envelope.SdkHttpMetadata as { AllHttpHeaders: JsonObject; HttpHeaders: JsonObject }).AllHttpHeaders['X-Amz-Log-Result'] = [logResult];
    (envelope.SdkHttpMetadata as { AllHttpHeaders: JsonObject; HttpHeaders: JsonObject }).HttpHeaders['X-Amz-Log-Result'] = logResult;
  }
  return envelope;
}

/**
 * A failed invocation as Step Functions reports it: the function's `errorType` becomes the
 * error and the cause is the error JSON Lambda returns. An error that is already a StatesError
 * (a timeout, a Lambda service error) passes through.
 */
export function lambdaFailure(thrown: unknown): StatesError {
  if (thrown instanceof StatesError) return thrown;
  const e = (typeof thrown === 'object' && thrown !== null ? thrown : { message: String(thrown) }) as Record<string, unknown>;
  // Lambda service errors (the function is missing, throttled...) are not the function's own
  // failure: AWS reports them by name with the service's message as the cause.
  if (typeof e.name === 'string' && e.name.startsWith('Lambda.') && e.errorType === undefined) {
    return new StatesError(e.name, str(e.message));
  }
  const errorType = str(e.errorType) ?? (str(e.name) !== 'Error' || str(e.code) === undefined ? str(e.name) : undefined) ?? 'Error';
  const errorMessage = str(e.errorMessage) ?? str(e.message) ?? '';
  const cause: Record<string, unknown> = { errorMessage, errorType, requestId: str(e.requestId) ?? randomUUID() };
  if (Array.isArray(e.stackTrace)) cause.stackTrace = e.stackTrace;
  else if (Array.isArray(e.trace)) cause.trace = e.trace;
  else if (typeof e.stack === 'string') cause.trace = e.stack.split('\n');
  return new StatesError(errorType, JSON.stringify(cause));
}

/** A failed non-Lambda task: the error's name (or `error`) and its `cause` or message. */
export function taskFailure(thrown: unknown): StatesError {
  if (thrown instanceof StatesError) return thrown;
  const e = (typeof thrown === 'object' && thrown !== null ? thrown : { message: String(thrown) }) as Record<string, unknown>;
  const error = str(e.error) ?? str(e.errorType) ?? str(e.name) ?? StatesErrorName.TaskFailed;
  const cause = str(e.cause) ?? str(e.errorMessage) ?? str(e.message);
  return new StatesError(error === 'Error' ? StatesErrorName.TaskFailed : error, cause);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
