import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JsonHttpClient, ServerUnreachableError } from '../../../../local/system/client/httpJson';
import { rejection } from '../../../support/rejection';

/** A server that echoes what it received, as JSON (or answers plain text on /text). */
function echoServer(): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      if (req.url === '/text') {
        res.writeHead(418, { 'content-type': 'text/plain' }).end('not json');
        return;
      }
      res.writeHead(201, { 'content-type': 'application/json', 'x-seen': 'yes' });
      res.end(JSON.stringify({ method: req.method, url: req.url, key: req.headers['x-api-key'], body: body === '' ? null : JSON.parse(body) }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('Class: JsonHttpClient', () => {
  let server: Server;
  let client: JsonHttpClient;

  before(async () => {
    server = await echoServer();
    client = new JsonHttpClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 4);
  });

  after(() => {
    client.close();
    server.close();
  });

  it('sends an object as JSON with its headers, and parses the JSON answer', async () => {
    const response = await client.send('POST', '/orders?x=1', { 'content-type': 'application/json', 'x-api-key': 'k-1' }, { orderId: 'o-1', items: [1] });

    expect(response.status).to.equal(201);
    expect(response.headers['x-seen']).to.equal('yes');
    expect(response.body).to.deep.equal({ method: 'POST', url: '/orders?x=1', key: 'k-1', body: { orderId: 'o-1', items: [1] } });
  });

  it('sends a string body as it is, and many requests over its few connections', async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => client.send('PUT', `/n/${i}`, {}, JSON.stringify({ i }))));

    expect(answers.map((a) => (a.body as { body: { i: number } }).body.i)).to.deep.equal(Array.from({ length: 50 }, (_, i) => i));
  });

  it('gives a body that is not JSON as text', async () => {
    const response = await client.send('GET', '/text');

    expect(response).to.include({ status: 418, body: 'not json' });
  });

  it('names a server that is not running', async () => {
    const closed = await echoServer();
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const nobody = new JsonHttpClient(`http://127.0.0.1:${port}`);

    const error = await rejection(nobody.send('GET', '/orders/x'));
    nobody.close();

    expect(error).to.be.instanceOf(ServerUnreachableError);
    expect((error as Error).message).to.equal(`cannot reach http://127.0.0.1:${port}: is local mode running (npm start)?`);
  });
});
