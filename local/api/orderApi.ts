/**
 * API Gateway's part of local mode: the order API (`POST /orders`, `GET /orders/{orderId}`)
 * with API keys, a usage plan, request validation and API Gateway's error responses, over a
 * {@link OrderExecutions} port. Checks run in API Gateway's order: route, key, usage plan,
 * then the route's own (media type, size, schema).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener } from 'node:http';
import { ApiKeyRegistry, type ApiKeyDefinition } from './apiKeys';
import { gatewayReply, type ApiReply } from './apiReply';
import type { OrderExecutions } from './orderExecutions';
import { describeOrder, startOrder } from './orderRoutes';
import { GatewayErrors, sendJson } from './responses';
import { UsagePlanMeter, type UsagePlan } from './usagePlan';

/** Step Functions' limit on an execution's input, which an order body must fit in: 256 KiB. */
export const MAX_ORDER_BODY_BYTES = 256 * 1024;

/** One line of the access log. It never holds an API key, a body, or a header value. */
export interface AccessLogEntry {
  readonly requestId: string;
  readonly method: string;
  /** The matched route (`POST /orders`, `GET /orders/{orderId}`), or `unmatched`. */
  readonly route: string;
  readonly status: number;
  readonly durationMs: number;
  /** The id (never the value) of the API key that authenticated the request. */
  readonly apiKeyId?: string;
}

/** How to build the order API. */
export interface OrderApiOptions {
  readonly executions: OrderExecutions;
  /** The keys accepted in `x-api-key`. */
  readonly apiKeys: readonly ApiKeyDefinition[];
  /** The usage plan every key is metered against (each key has its own bucket and quota). */
  readonly usagePlan: UsagePlan;
  /** @default MAX_ORDER_BODY_BYTES */
  readonly maxBodyBytes?: number;
  /** The clock, in epoch milliseconds. @default Date.now */
  readonly now?: () => number;
  /** Called once per request, after its response is written. */
  readonly onRequest?: (entry: AccessLogEntry) => void;
}

type Route = { readonly name: 'POST /orders' } | { readonly name: 'GET /orders/{orderId}'; readonly rawOrderId: string };

/** Creates the order API as a node:http request listener. */
export function createOrderApi(options: OrderApiOptions): RequestListener {
  const keys = new ApiKeyRegistry(options.apiKeys);
  const meter = new UsagePlanMeter(options.usagePlan, options.now);
  const maxBodyBytes = options.maxBodyBytes ?? MAX_ORDER_BODY_BYTES;
  const now = options.now ?? Date.now;

  async function answer(request: IncomingMessage, route: Route, apiKeyId: string | undefined): Promise<ApiReply> {
    if (apiKeyId === undefined) return gatewayReply(GatewayErrors.forbidden);
    const verdict = meter.admit(apiKeyId);
    if (verdict === 'throttled') return gatewayReply(GatewayErrors.throttled);
    if (verdict === 'quotaExceeded') return gatewayReply(GatewayErrors.quotaExceeded);
    try {
      return route.name === 'POST /orders'
        ? await startOrder(request, options.executions, maxBodyBytes)
        : await describeOrder(route.rawOrderId, options.executions);
    } catch {
      // The port failed: API Gateway's answer for a failed integration, without its details.
      return gatewayReply(GatewayErrors.internal);
    }
  }

  return (request, response) => {
    const startedAt = now();
    const requestId = randomUUID();
    // A client that goes away mid-request must not become an unhandled 'error' event.
    request.on('error', ignore);
    response.on('error', ignore);
    const route = matchRoute(request.method, request.url);
    const presented = request.headers['x-api-key'];
    const apiKeyId = route === undefined ? undefined : keys.identify(typeof presented === 'string' ? presented : undefined);
    const replied = route === undefined ? Promise.resolve(gatewayReply(GatewayErrors.notFound)) : answer(request, route, apiKeyId);
    void replied.then((reply) => {
      if (response.headersSent || response.destroyed) return;
      const headers: Record<string, string> = reply.headers === undefined ? { 'x-amzn-requestid': requestId } : { 'x-amzn-requestid': requestId, ...reply.headers };
      if (reply.closeConnection === true) headers['connection'] = 'close';
      sendJson(response, reply.status, reply.body, headers);
      if (reply.closeConnection === true) response.once('finish', () => request.destroy());
      try {
        options.onRequest?.({
          requestId,
          method: request.method ?? '',
          route: route?.name ?? 'unmatched',
          status: reply.status,
          durationMs: now() - startedAt,
          ...(apiKeyId !== undefined ? { apiKeyId } : {}),
        });
      } catch {
        // A failing access log must not fail the request.
      }
    });
  };
}

function ignore(): void {}

function matchRoute(method: string | undefined, url: string | undefined): Route | undefined {
  if (url === undefined || !url.startsWith('/')) return undefined;
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  if (path === '/orders') return method === 'POST' ? { name: 'POST /orders' } : undefined;
  const segments = path.split('/');
  if (segments.length === 3 && segments[1] === 'orders' && segments[2] !== '' && method === 'GET') {
    return { name: 'GET /orders/{orderId}', rawOrderId: segments[2] as string };
  }
  return undefined;
}
