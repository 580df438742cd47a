/**
 * Malformed requests against the order API, generated with fast-check: each is raw HTTP/1.1
 * bytes (so that header abuse and broken framing can be expressed) with a `Connection: close`,
 * and each carries at least one defect the API must refuse, so none may start an execution.
 */
import fc from 'fast-check';
import { sampleOrder } from '../../../local/system/client/sampleOrders';

/** Card-number-looking values (Luhn-valid test PANs, grouped and not), used as hostile payload. */
export const CARD_NUMBERS = ['4111111111111111', '4242 4242 4242 4242', '5555-5555-5555-4444', '378282246310005', '6011111111111117'] as const;

/** One hostile request: what defect it carries, and its bytes. */
export interface HostileRequest {
  readonly category: string;
  readonly bytes: Buffer;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const cardNumber = fc.constantFrom(...CARD_NUMBERS);

/** Builds a request's bytes; `Content-Length` follows the body unless a header sets it. */
function http(method: string, target: string, headers: ReadonlyArray<readonly [string, string]>, body?: Buffer | string): Buffer {
  const payload = body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  const lines = [`${method} ${target} HTTP/1.1`, 'host: 127.0.0.1', 'connection: close', ...headers.map(([name, value]) => `${name}: ${value}`)];
  if (body !== undefined && !headers.some(([name]) => /^(content-length|transfer-encoding)$/i.test(name))) lines.push(`content-length: ${payload.length}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), payload]);
}

function orderJson(): Record<string, Json> {
  return JSON.parse(JSON.stringify(sampleOrder('success'))) as Record<string, Json>;
}

/** Where a value can be broken in an order: top-level, nested and per-item paths. */
const ORDER_PATHS: ReadonlyArray<readonly string[]> = [
  ['orderId'], ['customer'], ['customer', 'id'], ['customer', 'name'], ['customer', 'email'], ['items'], ['items', '0'],
  ['items', '0', 'sku'], ['items', '0', 'quantity'], ['items', '0', 'unitPrice'], ['currency'], ['total'], ['paymentToken'],
  ['shippingAddress'], ['shippingAddress', 'line1'], ['shippingAddress', 'city'], ['shippingAddress', 'postalCode'], ['shippingAddress', 'country'],
];

function setAt(root: Record<string, Json>, path: readonly string[], value: Json | undefined): void {
  let node: Json = root;
  for (const key of path.slice(0, -1)) {
    node = (node as Record<string, Json>)[key] as Json;
    if (typeof node !== 'object' || node === null) return; // the parent is gone already
  }
  const last = path[path.length - 1] as string;
  if (value === undefined) delete (node as Record<string, Json>)[last];
  else (node as Record<string, Json>)[last] = value;
}

function typeOfPath(path: readonly string[]): 'string' | 'number' | 'object' | 'array' {
  const last = path[path.length - 1];
  if (last === 'items') return 'array';
  if (last === 'customer' || last === 'shippingAddress' || last === '0') return 'object';
  return last === 'quantity' || last === 'unitPrice' || last === 'total' ? 'number' : 'string';
}

/** A JSON value that is NOT of the type expected at `path`. */
function wrongValueFor(kind: ReturnType<typeof typeOfPath>): fc.Arbitrary<Json> {
  const values: Array<fc.Arbitrary<Json>> = [fc.constant(null), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 })];
  if (kind !== 'string') values.push(fc.string({ maxLength: 20 }), cardNumber);
  if (kind !== 'number') values.push(fc.double({ noNaN: true }), fc.constant(4111111111111111));
  if (kind === 'array' || kind === 'object') values.splice(kind === 'array' ? 2 : 3, 1);
  return fc.oneof(...values);
}

/** Extra fields: unknown names, prototype keys, card-number values (stripped if the order were valid). */
const extraFields = fc.dictionary(
  fc.oneof(fc.constantFrom('cardNumber', 'pan', '__proto__', 'constructor', 'prototype', '$where', 'admin'), fc.string({ minLength: 1, maxLength: 12 })),
  fc.oneof(cardNumber, fc.string({ maxLength: 30 }), fc.integer(), fc.constant({ $ne: null } as Json)),
  { minKeys: 1, maxKeys: 4 },
);

const API_KEY_HEADER = (key: string): [string, string] => ['x-api-key', key];

/** All hostile requests, given the server's valid API key. */
export function hostileRequests(apiKey: string): fc.Arbitrary<HostileRequest> {
  const json: [string, string] = ['content-type', 'application/json'];
  const post = (body: Buffer | string, extra: ReadonlyArray<readonly [string, string]> = []): Buffer => http('POST', '/orders', [json, API_KEY_HEADER(apiKey), ...extra], body);

  const wrongType = fc.constantFrom(...ORDER_PATHS).chain((path) =>
    fc.tuple(wrongValueFor(typeOfPath(path)), fc.option(extraFields, { nil: undefined })).map(([value, extra]) => {
      const order = orderJson();
      setAt(order, path, value);
      return { category: 'wrong type', bytes: post(JSON.stringify({ ...order, ...extra })) };
    }),
  );
  const missingField = fc.tuple(fc.subarray([...ORDER_PATHS.filter((p) => p[0] !== 'items' || p.length === 1)], { minLength: 1, maxLength: 4 }), fc.option(extraFields, { nil: undefined })).map(([paths, extra]) => {
    const order = orderJson();
    for (const path of paths) setAt(order, path, undefined);
    return { category: 'missing field', bytes: post(JSON.stringify({ ...order, ...extra })) };
  });
  const notAnOrder = fc.oneof(fc.jsonValue(), fc.array(fc.constant(orderJson()), { maxLength: 3 }), cardNumber).map((value) => ({
    category: 'not an order',
    bytes: post(JSON.stringify(value) ?? 'null'),
  }));
  const deepNesting = fc.tuple(fc.integer({ min: 1_000, max: 60_000 }), fc.constantFrom('[', '{"a":'), fc.boolean()).map(([depth, open, inField]) => {
    const close = open === '[' ? ']' : '}';
    const nested = `${open.repeat(depth)}1${close.repeat(depth)}`;
    return { category: 'deep nesting', bytes: post(inField ? JSON.stringify({ ...orderJson(), customer: '§' }).replace('"§"', nested) : nested) };
  });
  const oversized = fc.tuple(fc.integer({ min: 256 * 1024 + 1, max: 700 * 1024 }), fc.constantFrom('declared', 'chunked', 'lying')).map(([size, framing]) => {
    const filler = JSON.stringify({ ...orderJson(), customer: { id: 'c', name: 'x'.repeat(size), email: 'a@b.co' } });
    if (framing === 'declared') return { category: 'oversized body', bytes: post(filler) };
    if (framing === 'lying') return { category: 'oversized body', bytes: post(filler, [['content-length', '100']]) };
    const chunks = [filler.slice(0, 100_000), filler.slice(100_000)].map((part) => `${Buffer.byteLength(part).toString(16)}\r\n${part}\r\n`).join('');
    return { category: 'oversized body', bytes: post(`${chunks}0\r\n\r\n`, [['transfer-encoding', 'chunked']]) };
  });
  const bigButAllowed = fc.integer({ min: 10_000, max: 250 * 1024 }).map((size) => ({
    category: 'huge field',
    bytes: post(JSON.stringify({ ...orderJson(), total: 'x'.repeat(size) })),
  }));
  const invalidUtf8 = fc.tuple(fc.constantFrom(...ORDER_PATHS.filter((p) => typeOfPath(p) === 'string')), fc.constantFrom([0xc3, 0x28], [0xff], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf0, 0x28, 0x8c, 0xbc], [0xc0, 0xaf], [0x80])).map(([path, bad]) => {
    const order = orderJson();
    setAt(order, path, '§§');
    const [before, after] = JSON.stringify(order).split('§§') as [string, string];
    return { category: 'invalid UTF-8', bytes: post(Buffer.concat([Buffer.from(before), Buffer.from(bad), Buffer.from(after)])) };
  });
  const notJson = fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('{', '{"orderId":', "{'orderId':'x'}", 'NaN', '<order/>', 'orderId=x&total=1', '\u0000\u0000')).filter((text) => {
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  }).map((text) => ({ category: 'not JSON', bytes: post(text) }));
  const wrongContentType = fc
    .constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/jsonx', 'application/xml', 'json', '*/*', 'application/json; charset=utf-16')
    .map((type) => ({ category: 'wrong content type', bytes: http('POST', '/orders', [['content-type', type], API_KEY_HEADER(apiKey)], JSON.stringify(sampleOrder('success'))) }));
  const badKey = fc
    .oneof(fc.constant(undefined), fc.string({ maxLength: 40 }).filter((k) => k !== apiKey && /^[\x21-\x7e]*$/.test(k)), fc.constant(apiKey.toUpperCase()), fc.constant(`${apiKey}x`), fc.constant(apiKey.slice(1)), fc.constant(`${apiKey},${apiKey}`), cardNumber)
    .map((key) => ({
      category: 'bad API key',
      bytes: http('POST', '/orders', [json, ...(key === undefined ? [] : [API_KEY_HEADER(key)])], JSON.stringify(sampleOrder('success'))),
    }));
  const traversal = fc
    .oneof(
      fc.constantFrom('../../etc/passwd', '..%2F..%2Fetc%2Fpasswd', '%2e%2e%2f%2e%2e%2f', '..', '.', '%00', 'a%00b', '%', '%E0%A4%A', '%C0%AE%C0%AE%2F', '..%5c..%5cwindows', 'x'.repeat(2000), '%ZZ', '*', '$', 'ord?x=1#frag'),
      cardNumber.map((card) => encodeURIComponent(card)),
      fc.string({ minLength: 1, maxLength: 30 }).map((s) => encodeURIComponent(s)),
    )
    .chain((id) => fc.constantFrom(`/orders/${id}`, `/orders/${id}/x`, `/orders/../orders/${id}`, `//orders/${id}`, `/ORDERS/${id}`, `http://evil.example/orders/${id}`).map((target) => ({ category: 'path traversal', bytes: http('GET', target, [API_KEY_HEADER(apiKey)]) })));
  const wrongMethod = fc.tuple(fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'GET', 'PROPFIND'), fc.constantFrom('/orders', '/orders/', '/', '/order', '/orders/ord-1/cancel')).filter(([method, target]) => !(method === 'GET' && target === '/')).map(([method, target]) => ({
    category: 'wrong method or route',
    bytes: http(method, target, [json, API_KEY_HEADER(apiKey)], JSON.stringify(sampleOrder('success'))),
  }));
  const headerAbuse = fc.oneof(
    fc.integer({ min: 17 * 1024, max: 64 * 1024 }).map((size) => http('GET', '/orders/x', [API_KEY_HEADER(apiKey), ['x-filler', 'a'.repeat(size)]])),
    fc.integer({ min: 300, max: 3000 }).map((count) => http('GET', '/orders/x', [API_KEY_HEADER(apiKey), ...Array.from({ length: count }, (_, i) => [`x-h${i}`, 'v'] as const)])),
    fc.constantFrom<ReadonlyArray<readonly [string, string]>>(
      [['content-length', '10'], ['content-length', '20']],
      [['content-length', '-1']],
      [['content-length', 'abc']],
      [['content-length', '99999999999999999999']],
      [['transfer-encoding', 'chunked'], ['content-length', '5']],
      [['transfer-encoding', 'gzip, chunked, identity']],
      [['bad header name', 'x']],
      [['x-inject', 'a\rb']],
      [['x-null', 'a\u0000b']],
      [['', 'empty name']],
    ).map((headers) => http('POST', '/orders', [json, API_KEY_HEADER(apiKey), ...headers], '{"orderId":"x"}')),
    fc.constantFrom('GARBAGE\r\n\r\n', 'GET /orders/x HTTP/9.9\r\n\r\n', 'GET\r\n\r\n', 'GET /orders/x\r\n\r\n', '\u0000\u0001\u0002\r\n\r\n', 'POST /orders HTTP/1.1\r\nhost: x\r\nx-api-key: k\r\nfolded: a\r\n b\r\n\r\n').map((text) => Buffer.from(text, 'latin1')),
    cardNumber.map((card) => http('POST', '/orders', [json, API_KEY_HEADER(card), ['x-card', card]], `{"cardNumber":"${card}"}`)),
  ).map((bytes) => ({ category: 'header abuse', bytes }));
  const stepFunctions = fc
    .tuple(
      fc.constantFrom('StartExecution', 'StartSyncExecution', 'DescribeExecution', 'GetExecutionHistory', 'StopExecution', 'RedriveExecution', 'DeleteStateMachine', 'Nope', '', '../x'),
      fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'), fc.constantFrom('{', '', '{"stateMachineArn":1}', '{"executionArn":"arn:aws:states:us-east-1:000000000000:execution:OrderProcessing:../../x"}')),
    )
    .map(([operation, body]) => ({
      category: 'step functions garbage',
      bytes: http('POST', '/', [['content-type', 'application/x-amz-json-1.0'], ['x-amz-target', `AWSStepFunctions.${operation}`]], body),
    }));

  return fc.oneof(
    { arbitrary: wrongType, weight: 30 },
    { arbitrary: missingField, weight: 12 },
    { arbitrary: notAnOrder, weight: 6 },
    { arbitrary: deepNesting, weight: 2 },
    { arbitrary: oversized, weight: 2 },
    { arbitrary: bigButAllowed, weight: 2 },
    { arbitrary: invalidUtf8, weight: 6 },
    { arbitrary: notJson, weight: 5 },
    { arbitrary: wrongContentType, weight: 6 },
    { arbitrary: badKey, weight: 6 },
    { arbitrary: traversal, weight: 10 },
    { arbitrary: wrongMethod, weight: 4 },
    { arbitrary: headerAbuse, weight: 6 },
    { arbitrary: stepFunctions, weight: 3 },
  );
}
