/**
 * The order API's two routes, once the caller is authenticated and within its usage plan:
 * start an order's execution, describe it.
 */
import type { IncomingMessage } from 'node:http';
import { isLeft } from 'fp-ts/Either';
import { Order } from '../../workflow/contracts';
import { findOrderProblems } from '../../handlers/validation/rules';
import { formatDecodeErrors } from '../../workflow/decodeErrors';
import { gatewayReply, type ApiReply } from './apiReply';
import { toEpochSeconds } from './epochSeconds';
import { isValidExecutionName, MAX_EXECUTION_NAME_LENGTH } from './executionName';
import type { OrderExecutions, StartedExecution } from './orderExecutions';
import { parseJsonBody, readBody } from './requestBody';
import { GatewayErrors } from './responses';

const INVALID_ORDER_ID =
  `orderId: expected 1 to ${MAX_EXECUTION_NAME_LENGTH} characters without whitespace, brackets, wildcards, ` +
  'control characters or any of " # % \\ ^ | ~ ` $ & , ; : /';

/** `POST /orders`: validates the body as an Order and starts (or finds) its execution. */
export async function startOrder(request: IncomingMessage, executions: OrderExecutions, maxBodyBytes: number): Promise<ApiReply> {
  if (!isJsonContentType(request.headers['content-type'])) return gatewayReply(GatewayErrors.unsupportedMediaType);
  const reading = await readBody(request, maxBodyBytes);
  // The rest of an oversized body is never read: the connection is closed once answered.
  if (!reading.ok) return gatewayReply(GatewayErrors.requestTooLarge, true);
  const parsed = parseJsonBody(reading.body);
  if (parsed === undefined) return gatewayReply(GatewayErrors.unsupportedMediaType);
  const decoded = Order.decode(parsed.value);
  if (isLeft(decoded)) return invalidBody(formatDecodeErrors(decoded.left));
  if (!isValidExecutionName(decoded.right.orderId)) return invalidBody([INVALID_ORDER_ID]);
  // A card number must never reach the execution's input (kept in its history): refuse it here,
  // naming the field, never the value. Every other rule is the workflow's ValidateOrder step's.
  const cardFields = findOrderProblems(decoded.right).filter((problem) => problem.code === 'CARD_NUMBER_FORBIDDEN');
  if (cardFields.length > 0) return invalidBody(cardFields.map((problem) => `${problem.field}: ${problem.message}`));
  let started: StartedExecution;
  try {
    started = await executions.start(decoded.right);
  } catch (error) {
    // The port should return the existing execution for a known orderId; should it refuse
    // instead (Step Functions' answer to the same name with another input), that is the
    // caller's conflict, not a server fault.
    if (error instanceof Error && error.name === 'ExecutionAlreadyExists') return gatewayReply(GatewayErrors.orderConflict);
    throw error;
  }
  return { status: 200, body: { executionArn: started.executionArn, startDate: toEpochSeconds(started.startDate) } };
}

/** `GET /orders/{orderId}`: the order's execution, or 404. */
export async function describeOrder(rawOrderId: string, executions: OrderExecutions): Promise<ApiReply> {
  const orderId = decodePathSegment(rawOrderId);
  // An id that cannot name an execution (`../..`, 200 characters…) names no order either.
  if (orderId === undefined || !isValidExecutionName(orderId)) return gatewayReply(GatewayErrors.orderNotFound);
  const description = await executions.describe(orderId);
  if (description === undefined) return gatewayReply(GatewayErrors.orderNotFound);
  return {
    status: 200,
    body: {
      orderId,
      status: description.status,
      executionArn: description.executionArn,
      startDate: toEpochSeconds(description.startDate),
      ...(description.stopDate !== undefined ? { stopDate: toEpochSeconds(description.stopDate) } : {}),
      ...(description.output !== undefined ? { output: parseOutput(description.output) } : {}),
      ...(description.error !== undefined ? { error: description.error } : {}),
      ...(description.cause !== undefined ? { cause: description.cause } : {}),
    },
  };
}

function invalidBody(errors: readonly string[]): ApiReply {
  return { status: 400, body: { message: 'Invalid request body', errors } };
}

function decodePathSegment(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** `application/json`, with a UTF-8 charset if any; a missing Content-Type counts as JSON, as in API Gateway. */
function isJsonContentType(header: string | undefined): boolean {
  // Nearly every client sends exactly this: answer it without splitting the header.
  if (header === undefined || header === 'application/json') return true;
  const [type, ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return parameters.every((parameter) => !parameter.startsWith('charset=') || parameter === 'charset=utf-8' || parameter === 'charset="utf-8"');
}

function parseOutput(output: string): unknown {
  try {
    return JSON.parse(output) as unknown;
  } catch {
    return output;
  }
}
