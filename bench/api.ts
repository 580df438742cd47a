/**
 * How long `POST /orders` takes through the local order API (key check, usage plan, body read,
 * io-ts validation, response), against the in-memory test double of the executions port, so
 * the figure is the API's own cost. Client and server share this process (and its CPU), so
 * the figures are pessimistic. Target with the real engine later: p99 < 25 ms at 1,000 orders/s.
 */
import { createServer, request, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createOrderApi } from '../local/api';
import { FakeOrderExecutions } from '../test/local/api/fakeOrderExecutions';
import { API_KEY, TEST_KEYS, validOrder } from '../test/local/api/orderFixtures';

const OPEN_LOOP_RATE = 1_000;
const OPEN_LOOP_SECONDS = 5;
const SEQUENTIAL_REQUESTS = 2_000;
const WARM_UP_REQUESTS = 300;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export default async function run(): Promise<Record<string, number>> {
  const executions = new FakeOrderExecutions();
  const api = createOrderApi({ executions, apiKeys: TEST_KEYS, usagePlan: { throttle: { rateLimit: 1e9, burstLimit: 1e9 } } });
  // Server-side time (request received to response written), apart from the client's share.
  let serverTimes: number[] = [];
  const server = createServer((request, response) => {
    const received = performance.now();
    response.once('finish', () => serverTimes.push(performance.now() - received));
    api(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let counter = 0;

  const postOrder = (): Promise<number> =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify(validOrder(`bench-${++counter}`));
      const started = performance.now();
      const outgoing = request(
        { host: '127.0.0.1', port, method: 'POST', path: '/orders', agent, headers: { 'content-type': 'application/json', 'x-api-key': API_KEY, 'content-length': Buffer.byteLength(body) } },
        (incoming) => {
          incoming.resume();
          incoming.on('end', () => (incoming.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`status ${incoming.statusCode}`))));
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });

  try {
    for (let i = 0; i < WARM_UP_REQUESTS; i++) await postOrder();

    const sequential: number[] = [];
    for (let i = 0; i < SEQUENTIAL_REQUESTS; i++) sequential.push(await postOrder());
    sequential.sort((a, b) => a - b);

    serverTimes = [];
    // Open loop: requests are sent on schedule whatever the latency, as independent clients would.
    const total = OPEN_LOOP_RATE * OPEN_LOOP_SECONDS;
    const openLoop: Array<Promise<number>> = [];
    const began = performance.now();
    for (let sent = 0; sent < total; ) {
      const due = Math.min(total, Math.floor(((performance.now() - began) / 1000) * OPEN_LOOP_RATE) + 1);
      while (sent < due) {
        openLoop.push(postOrder());
        sent++;
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const latencies = (await Promise.all(openLoop)).sort((a, b) => a - b);
    const elapsedSeconds = (performance.now() - began) / 1000;
    const serverSide = [...serverTimes].sort((a, b) => a - b);

    return {
      'api.postOrders.sequential.p50Ms': percentile(sequential, 50),
      'api.postOrders.sequential.p99Ms': percentile(sequential, 99),
      'api.postOrders.at1000rps.p50Ms': percentile(latencies, 50),
      'api.postOrders.at1000rps.p99Ms': percentile(latencies, 99),
      'api.postOrders.at1000rps.maxMs': latencies[latencies.length - 1] ?? Number.NaN,
      'api.postOrders.at1000rps.serverP50Ms': percentile(serverSide, 50),
      'api.postOrders.at1000rps.serverP99Ms': percentile(serverSide, 99),
      'api.postOrders.at1000rps.achievedRps': total / elapsedSeconds,
    };
  } finally {
    agent.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

// Run directly (`npx tsx bench/api.ts`) as well as through bench/run.ts.
if (require.main === module) {
  run()
    .then((figures) => {
      for (const [name, value] of Object.entries(figures)) process.stdout.write(`${name.padEnd(40)} ${value.toFixed(2)}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    });
}
