/** Writes JSON responses, and API Gateway's standard error responses. */
import type { ServerResponse } from 'node:http';

/** Sends `body` as JSON with `status`. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
  contentType = 'application/json',
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(text, 'utf8')),
  });
  response.end(text);
}

/** A gateway error response: status, `{ message }`, and API Gateway's error type header. */
export interface GatewayError {
  readonly status: number;
  readonly message: string;
  readonly errorType?: string;
}

/** API Gateway's responses for requests it refuses, with their default bodies. */
export const GatewayErrors = {
  forbidden: { status: 403, message: 'Forbidden', errorType: 'ForbiddenException' },
  throttled: { status: 429, message: 'Too Many Requests', errorType: 'TooManyRequestsException' },
  quotaExceeded: { status: 429, message: 'Limit Exceeded', errorType: 'LimitExceededException' },
  requestTooLarge: { status: 413, message: 'Request Too Long' },
  unsupportedMediaType: { status: 415, message: 'Unsupported Media Type' },
  notFound: { status: 404, message: 'Not Found' },
  orderNotFound: { status: 404, message: 'Order not found' },
  orderConflict: { status: 409, message: 'An order with this orderId already exists with other content' },
  internal: { status: 500, message: 'Internal server error' },
} as const satisfies Record<string, GatewayError>;
