/** What a route answers, before it is written: status, JSON body, extra headers. */
import type { GatewayError } from './responses';

export interface ApiReply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Close the connection once answered (the request body was left unread). */
  readonly closeConnection?: boolean;
}

/** API Gateway's reply for a request it refuses. */
export function gatewayReply(error: GatewayError, closeConnection = false): ApiReply {
  return {
    status: error.status,
    body: { message: error.message },
    ...(error.errorType !== undefined ? { headers: { 'x-amzn-errortype': error.errorType } } : {}),
    ...(closeConnection ? { closeConnection } : {}),
  };
}
