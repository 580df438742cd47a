import { expect } from 'chai';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';
import { HttpTimeoutError, KeepAliveHttpClient } from '../../../../local/system/client/keepAliveHttp';
import { rejection } from '../../../support/rejection';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

/** A node:http server that hands each request, with its body read as UTF-8, to `handler`; counts connections. */
async function httpServer(handler: Handler, configure: (server: Server) => void = () => undefined): Promise<{ server: Server; origin: URL; connections: () => number; maxOpen: () => number }> {
  let connections = 0;
  let open = 0;
  let maxOpen = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handler(req, Buffer.concat(chunks).toString('utf8'), res));
  });
  configure(server);
  server.on('connection', (socket: Socket) => {
    connections++;
    maxOpen = Math.max(maxOpen, ++open);
    socket.on('close', () => open--);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`), connections: () => connections, maxOpen: () => maxOpen };
}

/** A raw TCP server: `onRequest` gets the socket each time a request head (and no body) has arrived on it. */
async function rawServer(onRequest: (socket: Socket, head: string) => void): Promise<{ server: NetServer; origin: URL; connections: () => number }> {
  let connections = 0;
  const server = createNetServer((socket) => {
    connections++;
    socket.setNoDelay(true);
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      for (let end = received.indexOf('\r\n\r\n'); end >= 0; end = received.indexOf('\r\n\r\n')) {
        const head = received.slice(0, end);
        received = received.slice(end + 4);
        onRequest(socket, head);
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`), connections: () => connections };
}

/** Writes `bytes` one byte per TCP write, each after the previous was flushed and a macrotask passed. */
async function dribble(socket: Socket, bytes: Buffer): Promise<void> {
  for (const byte of bytes) {
    await new Promise<void>((resolve) => socket.write(Buffer.of(byte), () => setImmediate(resolve)));
  }
}

function stop(server: Server | NetServer): Promise<void> {
  if ('closeAllConnections' in server) server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('Class: KeepAliveHttpClient', () => {
  const cleanup: Array<() => unknown> = [];

  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  function client(origin: URL, maxConnections = 4, timeoutMs?: number): KeepAliveHttpClient {
    const c = new KeepAliveHttpClient(origin, maxConnections, timeoutMs);
    cleanup.push(() => c.close());
    return c;
  }

  async function served<T extends { server: Server | NetServer }>(started: Promise<T>): Promise<T> {
    const s = await started;
    cleanup.push(() => stop(s.server));
    return s;
  }

  it('sends a non-ASCII body as UTF-8 with its byte length, and decodes the answer as UTF-8', async () => {
    const { origin } = await served(
      httpServer((req, body, res) => {
        res.writeHead(201, { 'content-type': 'application/json', 'x-seen': 'yes' });
        res.end(JSON.stringify({ method: req.method, url: req.url, host: req.headers.host, key: req.headers['x-api-key'], length: req.headers['content-length'], body: JSON.parse(body) }));
      }),
    );
    const order = { name: 'Zoë Ångström', note: '注文 — 🚀', price: '€10' };
    const text = JSON.stringify(order);

    const response = await client(origin).request('POST', '/orders?x=1', { 'content-type': 'application/json', 'x-api-key': 'k-1' }, text);

    expect(response.status).to.equal(201);
    expect(response.headers['x-seen']).to.equal('yes');
    expect(response.headers['content-type']).to.equal('application/json');
    expect(JSON.parse(response.text)).to.deep.equal({ method: 'POST', url: '/orders?x=1', host: origin.host, key: 'k-1', length: String(Buffer.byteLength(text)), body: order });
  });

  it('sends no body on a GET, and content-length 0 on a POST without one', async () => {
    const { origin } = await served(httpServer((req, body, res) => res.end(`${req.method} ${req.headers['content-length'] ?? 'none'} ${JSON.stringify(body)}`)));
    const c = client(origin);

    expect((await c.request('GET', '/a', {})).text).to.equal('GET none ""');
    expect((await c.request('POST', '/a', {})).text).to.equal('POST 0 ""');
  });

  it('decodes a chunked answer, with a character split across chunks', async () => {
    const { origin } = await served(
      httpServer((_req, _body, res) => {
        const bytes = Buffer.from('héllo wörld ✓', 'utf8');
        res.writeHead(200, { 'content-type': 'text/plain' });
        // Split inside the two-byte "é" and the three-byte "✓".
        res.write(bytes.subarray(0, 2));
        res.write(bytes.subarray(2, bytes.length - 1));
        setTimeout(() => res.end(bytes.subarray(bytes.length - 1)), 5);
      }),
    );

    const response = await client(origin).request('GET', '/', {});

    expect(response.headers['transfer-encoding']).to.equal('chunked');
    expect(response.text).to.equal('héllo wörld ✓');
  });

  it('parses answers that arrive one byte at a time: informational, length, chunked with trailers, repeated headers', async () => {
    const answers: Record<string, string> = {
      '/length': 'HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 7\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nX-Mixed-Case: V\r\nX-Word: \t voilà \r\n\r\nhé ok!',
      '/chunked': 'HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\nA\r\n0123456789\r\n0\r\nX-Trailer: t\r\n\r\n',
      '/empty': 'HTTP/1.1 204 No Content\r\nX-Empty: 1\r\n\r\n',
    };
    const { origin, connections } = await served(
      rawServer((socket, head) => {
        const path = head.split(' ')[1]!;
        void dribble(socket, Buffer.from(answers[path]!, 'utf8'));
      }),
    );
    const c = client(origin, 1);

    const length = await c.request('GET', '/length', {});
    const chunked = await c.request('GET', '/chunked', {});
    const empty = await c.request('GET', '/empty', {});

    expect(length).to.deep.include({ status: 200, text: 'hé ok!' });
    expect(length.headers['set-cookie']).to.deep.equal(['a=1', 'b=2']);
    expect(length.headers['x-mixed-case']).to.equal('V');
    expect(length.headers['x-word']).to.equal('voilà');
    expect(chunked).to.deep.include({ status: 202, text: 'abc0123456789' });
    expect(empty).to.deep.include({ status: 204, text: '' });
    expect(connections()).to.equal(1);
  });

  it('reads a body without a length until the close, and an HTTP/1.0 answer; then opens a new connection', async () => {
    const { origin, connections } = await served(
      rawServer((socket, head) => {
        if (head.startsWith('GET /close ')) socket.end('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nall of it, ünTil the end');
        else socket.write('HTTP/1.0 200 OK\r\nContent-Length: 3\r\n\r\nold');
      }),
    );
    const c = client(origin, 1);

    const untilClose = await c.request('GET', '/close', {});
    const http10 = await c.request('GET', '/old', {});
    const again = await c.request('GET', '/old', {});

    expect(untilClose).to.deep.include({ status: 200, text: 'all of it, ünTil the end' });
    expect([http10.text, again.text]).to.deep.equal(['old', 'old']);
    // HTTP/1.0 without keep-alive: a connection per request.
    expect(connections()).to.equal(3);
  });

  it('keeps no connection that sent bytes after a complete answer, which no request asked for', async () => {
    const { origin, connections } = await served(
      rawServer((socket, head) => {
        if (head.startsWith('GET /extra ')) socket.write('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirstHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nstale');
        else socket.write('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfresh');
      }),
    );
    const c = client(origin, 1);

    const first = await c.request('GET', '/extra', {});
    const second = await c.request('GET', '/next', {});

    expect([first.text, second.text]).to.deep.equal(['first', 'fresh']);
    expect(connections()).to.equal(2);
  });

  it('does not reuse a connection answered with connection: close', async () => {
    let served_ = 0;
    const { origin, connections } = await served(
      httpServer((_req, _body, res) => {
        served_++;
        if (served_ === 2) res.setHeader('connection', 'close');
        res.end(`answer ${served_}`);
      }),
    );
    const c = client(origin, 1);

    const texts = [];
    for (let i = 0; i < 4; i++) texts.push((await c.request('GET', '/', {})).text);

    expect(texts).to.deep.equal(['answer 1', 'answer 2', 'answer 3', 'answer 4']);
    expect(connections()).to.equal(2);
  });

  it('opens new connections as the server closes them after maxRequestsPerSocket, for sequential and concurrent requests', async () => {
    const { origin, connections } = await served(
      httpServer(
        (req, body, res) => res.end(`${req.url} ${body}`),
        (server) => (server.maxRequestsPerSocket = 3),
      ),
    );
    const c = client(origin, 4);

    const sequential: string[] = [];
    for (let i = 0; i < 20; i++) sequential.push((await c.request('POST', `/s/${i}`, {}, `b${i}`)).text);
    const afterSequential = connections();
    const concurrent = await Promise.all(Array.from({ length: 20 }, (_, i) => c.request('POST', `/c/${i}`, {}, `b${i}`)));

    expect(sequential).to.deep.equal(Array.from({ length: 20 }, (_, i) => `/s/${i} b${i}`));
    expect(concurrent.map((r) => r.text)).to.deep.equal(Array.from({ length: 20 }, (_, i) => `/c/${i} b${i}`));
    expect(afterSequential).to.equal(7);
    expect(connections()).to.be.at.least(12);
  });

  it('never opens more than maxConnections, and queues the rest in order', async () => {
    const seen: string[] = [];
    const { origin, maxOpen } = await served(
      httpServer((req, _body, res) => {
        seen.push(req.url!);
        setTimeout(() => res.end(req.url), 3);
      }),
    );
    const c = client(origin, 3);

    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => c.request('GET', `/${i}`, {})));

    expect(answers.map((a) => a.text)).to.deep.equal(Array.from({ length: 30 }, (_, i) => `/${i}`));
    expect(maxOpen()).to.equal(3);
    expect(seen.slice(3)).to.deep.equal(Array.from({ length: 27 }, (_, i) => `/${i + 3}`));
  });

  it('rejects the request whose connection dies mid-answer, and serves the next on a new one', async () => {
    const { origin, connections } = await served(
      httpServer((req, _body, res) => {
        if (req.url === '/die') {
          res.writeHead(200, { 'content-length': '100' });
          res.write('partial', () => req.socket.destroy());
        } else res.end('fine');
      }),
    );
    const c = client(origin, 1);

    const error = (await rejection(c.request('GET', '/die', {}))) as NodeJS.ErrnoException;
    const next = await c.request('GET', '/next', {});

    expect(error).to.be.instanceOf(Error);
    expect(error.code === 'ECONNRESET' || error.message === 'the connection closed before the response was complete').to.equal(true, error.message);
    expect(next.text).to.equal('fine');
    expect(connections()).to.equal(2);
  });

  it('fails a request whose server stays silent past the timeout, closing that connection, and serves the next on a new one', async () => {
    const silent: ServerResponse[] = [];
    const { origin, connections } = await served(
      httpServer((req, _body, res) => {
        if (req.url === '/silent') silent.push(res); // never answered
        else res.end('fine');
      }),
    );
    cleanup.push(() => silent.forEach((res) => res.destroy()));
    const c = client(origin, 1, 150);

    const started = Date.now();
    const error = await rejection(c.request('GET', '/silent', {}));
    const waited = Date.now() - started;
    const next = await c.request('GET', '/next', {});

    expect(error).to.be.instanceOf(HttpTimeoutError);
    expect((error as HttpTimeoutError).message).to.equal('no response within 150 ms');
    expect((error as HttpTimeoutError).code).to.equal('ETIMEDOUT');
    expect(waited).to.be.at.least(140);
    expect(next.text).to.equal('fine');
    expect(connections()).to.equal(2);
  });

  it('drops idle connections the server closed, and rejects a malformed answer', async () => {
    const { origin, connections } = await served(
      rawServer((socket, head) => {
        if (head.startsWith('GET /bad ')) socket.write('HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n');
        else socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
      }),
    );
    const c = client(origin, 1);

    const first = await c.request('GET', '/', {});
    await delay(50);
    const second = await c.request('GET', '/', {});
    await delay(50);
    const bad = (await rejection(c.request('GET', '/bad', {}))) as Error;
    const third = await c.request('GET', '/', {});

    expect([first.text, second.text, third.text]).to.deep.equal(['ok', 'ok', 'ok']);
    expect(bad.message).to.equal('bad content-length "ten"');
    expect(connections()).to.equal(4);
  });

  it('fails with ECONNREFUSED when nothing listens', async () => {
    const { server, origin } = await httpServer(() => undefined);
    await stop(server);
    const c = client(origin, 2);

    const errors = (await Promise.all([1, 2, 3].map(() => rejection(c.request('GET', '/', {}))))) as NodeJS.ErrnoException[];

    expect(errors.map((e) => e.code)).to.deep.equal(['ECONNREFUSED', 'ECONNREFUSED', 'ECONNREFUSED']);
  });

  it('rejects in-flight and queued requests on close(), and any request after it', async () => {
    const { origin } = await served(httpServer(() => undefined));
    const c = client(origin, 1);
    const pending = [c.request('GET', '/1', {}), c.request('GET', '/2', {}), c.request('GET', '/3', {})];
    await delay(20);

    c.close();
    const errors = (await Promise.all(pending.map(rejection))) as Error[];
    const after = (await rejection(c.request('GET', '/4', {}))) as Error;

    expect(errors.map((e) => e.message)).to.deep.equal(['the HTTP client was closed', 'the HTTP client was closed', 'the HTTP client was closed']);
    expect(after.message).to.equal('the HTTP client is closed');
  });

  it('refuses header and path values that would break the request', async () => {
    const c = client(new URL('http://127.0.0.1:9'), 1);

    const injected = (await rejection(c.request('GET', '/', { 'x-a': 'v\r\nx-b: w' }))) as Error;
    const framing = (await rejection(c.request('GET', '/', { 'Content-Length': '3' }))) as Error;
    const path = (await rejection(c.request('GET', '/a b', {}))) as Error;

    expect([injected.message, framing.message, path.message]).to.deep.equal(['invalid value for header x-a', 'invalid or reserved header name "Content-Length"', 'invalid request path "/a b"']);
  });
});
