/**
 * A Step Functions API endpoint speaking AWS's JSON 1.0 protocol (`POST /`,
 * `X-Amz-Target: AWSStepFunctions.<Operation>`, `application/x-amz-json-1.0`), so the AWS SDK
 * and CLI can drive local executions with an endpoint override. Serves StartExecution,
 * DescribeExecution, GetExecutionHistory, ListExecutions, StopExecution and RedriveExecution
 * over a {@link StepFunctionsOperations} port. Signatures are not checked (any credentials do).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { isValidExecutionName } from './executionName';
import { parseJsonBody, readBody } from './requestBody';
import { sendJson } from './responses';
import {
  InvalidArn,
  InvalidExecutionInput,
  InvalidName,
  SerializationException,
  STEP_FUNCTIONS_CLIENT_ERRORS,
  StepFunctionsServiceError,
  UnknownOperationException,
  ValidationException,
} from './stepFunctionsErrors';
import type { StepFunctionsOperations } from './stepFunctionsOperations';
import { decodeRequest, isServedOperation, type StepFunctionsOperationName } from './stepFunctionsRequests';
import { toWire } from './stepFunctionsWire';

/** The JSON 1.0 protocol's media type. */
export const AMZ_JSON_1_0 = 'application/x-amz-json-1.0';
const TARGET_PREFIX = 'AWSStepFunctions.';
/** An execution's input may hold 256 KiB of UTF-8. */
const MAX_INPUT_BYTES = 256 * 1024;
/** A request body: the input, JSON-escaped inside the request's JSON, with room to spare. */
const MAX_REQUEST_BYTES = 2 * 1024 * 1024;
const MAX_PAGE_SIZE = 1000;

/** How to build the Step Functions endpoint. */
export interface StepFunctionsApiOptions {
  readonly operations: StepFunctionsOperations;
  /** Called once per request with the operation (or `unknown`) and the HTTP status. */
  readonly onRequest?: (entry: { readonly operation: string; readonly status: number; readonly errorType?: string }) => void;
}

/** Creates the Step Functions endpoint as a node:http request listener. */
export function createStepFunctionsApi(options: StepFunctionsApiOptions): RequestListener {
  const { operations } = options;

  async function dispatch(operation: StepFunctionsOperationName, body: unknown): Promise<unknown> {
    switch (operation) {
      case 'StartExecution': {
        const request = decodeRequest('StartExecution', body);
        requireArn(request.stateMachineArn);
        if (request.name !== undefined && !isValidExecutionName(request.name)) throw new InvalidName(request.name);
        if (request.input !== undefined) checkInput(request.input);
        return operations.startExecution(request);
      }
      case 'DescribeExecution': {
        const request = decodeRequest('DescribeExecution', body);
        requireArn(request.executionArn);
        return operations.describeExecution(request);
      }
      case 'GetExecutionHistory': {
        const request = decodeRequest('GetExecutionHistory', body);
        requireArn(request.executionArn);
        checkPageSize(request.maxResults);
        return operations.getExecutionHistory(request);
      }
      case 'ListExecutions': {
        const request = decodeRequest('ListExecutions', body);
        if (request.stateMachineArn !== undefined) requireArn(request.stateMachineArn);
        checkPageSize(request.maxResults);
        return operations.listExecutions(request);
      }
      case 'StopExecution': {
        const request = decodeRequest('StopExecution', body);
        requireArn(request.executionArn);
        return operations.stopExecution(request);
      }
      case 'RedriveExecution': {
        const request = decodeRequest('RedriveExecution', body);
        requireArn(request.executionArn);
        return operations.redriveExecution(request);
      }
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse, requestId: string): Promise<{ operation: string; errorType?: string }> {
    const target = request.headers['x-amz-target'];
    const operation = typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
    const fail = (error: StepFunctionsServiceError, status = 400): { operation: string; errorType: string } => {
      sendJson(response, status, { __type: error.name, message: error.message }, { 'x-amzn-requestid': requestId }, AMZ_JSON_1_0);
      return { operation: operation ?? 'unknown', errorType: error.name };
    };
    if (request.method !== 'POST' || (request.url !== '/' && !request.url?.startsWith('/?'))) {
      return fail(new UnknownOperationException(`${request.method ?? ''} ${request.url ?? ''}`), 404);
    }
    if (operation === undefined || !isServedOperation(operation)) return fail(new UnknownOperationException(String(target)));
    const reading = await readBody(request, MAX_REQUEST_BYTES);
    if (!reading.ok) {
      response.once('finish', () => request.destroy());
      return fail(new ValidationException(`Request must be smaller than ${MAX_REQUEST_BYTES} bytes`), 413);
    }
    const parsed = reading.body.length === 0 ? { value: {} } : parseJsonBody(reading.body);
    if (parsed === undefined || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
      return fail(new SerializationException('The request body is not a JSON object'));
    }
    try {
      const result = await dispatch(operation, parsed.value);
      sendJson(response, 200, toWire(result), { 'x-amzn-requestid': requestId }, AMZ_JSON_1_0);
      return { operation };
    } catch (error) {
      if (error instanceof StepFunctionsServiceError) return fail(error);
      if (error instanceof Error && STEP_FUNCTIONS_CLIENT_ERRORS.has(error.name)) {
        sendJson(response, 400, { __type: error.name, message: error.message }, { 'x-amzn-requestid': requestId }, AMZ_JSON_1_0);
        return { operation, errorType: error.name };
      }
      throw error;
    }
  }

  return (request, response) => {
    const requestId = randomUUID();
    request.on('error', () => undefined);
    response.on('error', () => undefined);
    handle(request, response, requestId)
      .catch(() => {
        // Anything else is the service's fault: AWS's 500, without internal details.
        if (!response.headersSent) {
          sendJson(response, 500, { __type: 'InternalFailure', message: 'The request processing has failed because of an unknown error.' }, { 'x-amzn-requestid': requestId }, AMZ_JSON_1_0);
        } else response.destroy();
        return { operation: 'unknown', errorType: 'InternalFailure' };
      })
      .then((entry) => options.onRequest?.({ ...entry, status: response.statusCode }))
      .catch(() => undefined);
  };
}

function requireArn(arn: string): void {
  if (!/^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:[a-zA-Z]+:.+$/.test(arn)) throw new InvalidArn(arn);
}

function checkInput(input: string): void {
  if (Buffer.byteLength(input, 'utf8') > MAX_INPUT_BYTES) {
    throw new ValidationException(`1 validation error detected: Value at 'input' failed to satisfy constraint: Member must have length less than or equal to ${MAX_INPUT_BYTES}`);
  }
  try {
    JSON.parse(input);
  } catch (error) {
    throw new InvalidExecutionInput(error instanceof Error ? error.message : 'not JSON');
  }
}

function checkPageSize(maxResults: number | undefined): void {
  if (maxResults === undefined) return;
  if (!Number.isInteger(maxResults) || maxResults < 0 || maxResults > MAX_PAGE_SIZE) {
    throw new ValidationException(
      `1 validation error detected: Value '${maxResults}' at 'maxResults' failed to satisfy constraint: Member must have value between 0 and ${MAX_PAGE_SIZE}`,
    );
  }
}
