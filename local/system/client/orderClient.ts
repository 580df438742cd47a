/**
 * The client side of local mode: the order API (`POST /orders`, `GET /orders/{orderId}`, with
 * the API key) and the Step Functions API's history, with responses decoded at the boundary.
 */
import * as t from 'io-ts';
import { isLeft } from 'fp-ts/Either';
import { formatDecodeErrors } from '../../../workflow/decodeErrors';
import { JsonHttpClient, type JsonResponse } from './httpJson';

/** The server answered something this client does not understand, or an error status. */
export class UnexpectedResponseError extends Error {
  public constructor(
    what: string,
    public readonly status: number,
    public readonly body: unknown,
  ) {
    super(`${what}: HTTP ${status} ${typeof body === 'string' ? body : JSON.stringify(body)}`);
    this.name = 'UnexpectedResponseError';
  }
}

/** `POST /orders`' answer. `startDate` is epoch seconds. */
export const AcceptedOrder = t.type({ executionArn: t.string, startDate: t.number }, 'AcceptedOrder');
export type AcceptedOrder = t.TypeOf<typeof AcceptedOrder>;

/** `GET /orders/{orderId}`'s answer. Dates are epoch seconds. */
export const OrderStatus = t.intersection(
  [
    t.type({ orderId: t.string, status: t.string, executionArn: t.string, startDate: t.number }),
    t.partial({ stopDate: t.number, output: t.unknown, error: t.string, cause: t.string }),
  ],
  'OrderStatus',
);
export type OrderStatus = t.TypeOf<typeof OrderStatus>;

/** A history event as the JSON protocol sends it (`timestamp` in epoch seconds). */
const WireEvent = t.intersection([t.type({ id: t.number, type: t.string, timestamp: t.number }), t.partial({ previousEventId: t.number })]);
const ExecutionsPage = t.intersection([t.type({ executions: t.array(t.unknown) }), t.partial({ nextToken: t.string })]);
const HistoryPage = t.intersection([t.type({ events: t.array(t.UnknownRecord) }), t.partial({ nextToken: t.string })]);

/** One history event: its type, ids, time, and the details object of its type. */
export interface ExecutionEvent {
  readonly id: number;
  readonly previousEventId: number;
  readonly type: string;
  readonly timestamp: Date;
  readonly details: Readonly<Record<string, unknown>>;
}

/** Statuses after which an execution never changes (unless redriven). */
export const TERMINAL_STATUSES: ReadonlySet<string> = new Set(['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED']);

function decode<A>(codec: t.Decoder<unknown, A>, response: JsonResponse, what: string): A {
  const decoded = codec.decode(response.body);
  if (isLeft(decoded)) throw new UnexpectedResponseError(`${what} (${formatDecodeErrors(decoded.left).join('; ')})`, response.status, response.body);
  return decoded.right;
}

/** Talks to a running local mode. */
export class OrderClient {
  private readonly http: JsonHttpClient;

  public constructor(
    public readonly url: string,
    private readonly apiKey: string,
    maxSockets?: number,
  ) {
    this.http = new JsonHttpClient(url, maxSockets);
  }

  /** Posts an order (an object, or JSON text sent as is); the raw answer, whatever its status. */
  public postOrder(order: unknown): Promise<JsonResponse> {
    return this.http.send('POST', '/orders', { 'content-type': 'application/json', 'x-api-key': this.apiKey }, order);
  }

  /** Posts an order and decodes the 200 answer; throws on any other status. */
  public async submit(order: unknown): Promise<AcceptedOrder> {
    const response = await this.postOrder(order);
    if (response.status !== 200) throw new UnexpectedResponseError('POST /orders', response.status, response.body);
    return decode(AcceptedOrder, response, 'POST /orders');
  }

  /** The order's status, or `undefined` when no order has that id. */
  public async status(orderId: string): Promise<OrderStatus | undefined> {
    const response = await this.http.send('GET', `/orders/${encodeURIComponent(orderId)}`, { 'x-api-key': this.apiKey });
    if (response.status === 404) return undefined;
    if (response.status !== 200) throw new UnexpectedResponseError(`GET /orders/${orderId}`, response.status, response.body);
    return decode(OrderStatus, response, `GET /orders/${orderId}`);
  }

  /** Polls until the order reaches a terminal status (or `timeoutMs` passes: its last status). */
  public async waitForTerminal(orderId: string, timeoutMs = 30_000, intervalMs = 50): Promise<OrderStatus | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = await this.status(orderId);
      if ((status !== undefined && TERMINAL_STATUSES.has(status.status)) || Date.now() >= deadline) return status;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }

  /** Every history event of an execution, through the Step Functions API. */
  public async history(executionArn: string): Promise<ExecutionEvent[]> {
    const events: ExecutionEvent[] = [];
    let nextToken: string | undefined;
    do {
      const response = await this.http.send(
        'POST',
        '/',
        { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSStepFunctions.GetExecutionHistory' },
        { executionArn, maxResults: 1000, ...(nextToken !== undefined ? { nextToken } : {}) },
      );
      if (response.status !== 200) throw new UnexpectedResponseError('GetExecutionHistory', response.status, response.body);
      const page = decode(HistoryPage, response, 'GetExecutionHistory');
      for (const raw of page.events) {
        const event = WireEvent.decode(raw);
        if (isLeft(event)) throw new UnexpectedResponseError('GetExecutionHistory (an event)', response.status, raw);
        const { id, type, timestamp, previousEventId } = event.right;
        const detailsKey = Object.keys(raw).find((key) => key.endsWith('EventDetails'));
        const details = detailsKey !== undefined && typeof raw[detailsKey] === 'object' && raw[detailsKey] !== null ? (raw[detailsKey] as Record<string, unknown>) : {};
        events.push({ id, type, previousEventId: previousEventId ?? 0, timestamp: new Date(timestamp * 1000), details });
      }
      nextToken = page.nextToken;
    } while (nextToken !== undefined);
    return events;
  }

  /** How many executions are RUNNING, through the Step Functions API's ListExecutions. */
  public async runningExecutions(): Promise<number> {
    let count = 0;
    let nextToken: string | undefined;
    do {
      const response = await this.http.send(
        'POST',
        '/',
        { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSStepFunctions.ListExecutions' },
        { statusFilter: 'RUNNING', maxResults: 1000, ...(nextToken !== undefined ? { nextToken } : {}) },
      );
      if (response.status !== 200) throw new UnexpectedResponseError('ListExecutions', response.status, response.body);
      const page = decode(ExecutionsPage, response, 'ListExecutions');
      count += page.executions.length;
      nextToken = page.nextToken;
    } while (nextToken !== undefined);
    return count;
  }

  /** Closes kept-alive connections. */
  public close(): void {
    this.http.close();
  }
}
