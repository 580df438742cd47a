/**
 * Hostile input: 10,000 generated malformed requests against the local API. Every one is
 * answered with a 4xx and a JSON `message`, none is a 5xx, none starts an execution, no
 * answer echoes a card number, and the server still serves valid orders afterwards.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { generatedOrder } from '../../local/system/client/sampleOrders';
import type { OrderSystem } from '../../local/system';
import type { OrderClient } from '../../local/system/client/orderClient';
import { startTestSystem, tempDataDir } from '../local/system/support';
import { recordFigure } from './support/figures';
import { CARD_NUMBERS, hostileRequests, type HostileRequest } from './support/hostileRequests';
import { sendRaw, type RawResponse } from './support/rawHttp';

const REQUESTS = 10_000;
const SENDERS = 16;
const SEED = 20_261_125;

/** What is wrong with one answer, or `undefined` when it is a proper refusal. */
function problemWith(responses: readonly RawResponse[]): string | undefined {
  if (responses.length === 0) return 'no response';
  for (const response of responses) {
    if (response.status < 400 || response.status > 499) return `status ${response.status}: ${response.body.slice(0, 200)}`;
    if (!/json/.test(response.headers['content-type'] ?? '')) return `status ${response.status} with content-type ${response.headers['content-type'] ?? 'none'}: ${response.body.slice(0, 100)}`;
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      return `status ${response.status} with a body that is not JSON: ${response.body.slice(0, 100)}`;
    }
    const message = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).message : undefined;
    if (typeof message !== 'string' || message === '') return `status ${response.status} without a message: ${response.body.slice(0, 100)}`;
    const digits = response.body.replace(/[ -]/g, '');
    if (CARD_NUMBERS.some((card) => digits.includes(card.replace(/[ -]/g, '')))) return `status ${response.status} echoes a card number`;
  }
  return undefined;
}

describe('Hardening: hostile input against the local API', function () {
  this.timeout(240_000);
  let dir: ReturnType<typeof tempDataDir>;
  let system: OrderSystem;
  let client: OrderClient | undefined;

  before(async () => {
    dir = tempDataDir();
    // A usage plan wide enough that throttling does not hide what the routes answer.
    ({ system, client } = await startTestSystem(dir.path, { usagePlan: { throttle: { rateLimit: 1_000_000, burstLimit: 1_000_000 } } }));
  });

  after(async () => {
    client?.close();
    await system?.stop();
    dir.remove();
  });

  it(`refuses ${REQUESTS.toLocaleString('en')} malformed requests with a 4xx JSON message and starts no execution`, async () => {
    // Prepare
    const requests = fc.sample(hostileRequests(system.apiKey), { numRuns: REQUESTS, seed: SEED });
    const problems: Array<{ category: string; problem: string }> = [];
    const byCategory = new Map<string, number>();
    let serverErrors = 0;
    const statuses = new Map<number, number>();

    // Act
    let next = 0;
    const sender = async (): Promise<void> => {
      while (next < requests.length) {
        const request = requests[next++] as HostileRequest;
        byCategory.set(request.category, (byCategory.get(request.category) ?? 0) + 1);
        let responses: RawResponse[];
        try {
          responses = await sendRaw(system.url, request.bytes);
        } catch (error) {
          problems.push({ category: request.category, problem: `unreadable answer: ${error instanceof Error ? error.message : String(error)}` });
          continue;
        }
        serverErrors += responses.filter((response) => response.status >= 500).length;
        for (const { status } of responses) statuses.set(status, (statuses.get(status) ?? 0) + 1);
        const problem = problemWith(responses);
        if (problem !== undefined) problems.push({ category: request.category, problem });
      }
    };
    await Promise.all(Array.from({ length: SENDERS }, sender));
    const executionsAfterFuzz = system.engine.listExecutions().length;
    const listed = await sendRaw(system.url, Buffer.from(`POST / HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-type: application/x-amz-json-1.0\r\nx-amz-target: AWSStepFunctions.ListExecutions\r\ncontent-length: 2\r\n\r\n{}`));
    recordFigure('fuzz.requests', requests.length);
    recordFigure('fuzz.5xx', serverErrors);
    recordFigure('fuzz.improperAnswers', problems.length);
    recordFigure('fuzz.executionsStarted', executionsAfterFuzz);

    // Then a valid order is still served, end to end.
    const order = generatedOrder('success');
    const accepted = await client!.postOrder(order);
    const final = await client!.waitForTerminal(order.orderId, 20_000);

    // Assess
    expect(byCategory.size, [...byCategory.keys()].join(', ')).to.equal(14);
    // The requests reached every gate: parsing, key, routing, media type, size, schema.
    expect([...statuses.keys()].sort()).to.include.members([400, 403, 404, 413, 415, 431]);
    expect(serverErrors).to.equal(0);
    expect(problems.slice(0, 10), `${problems.length} improper answers`).to.deep.equal([]);
    expect(executionsAfterFuzz).to.equal(0);
    expect(listed.map((response) => [response.status, JSON.parse(response.body)])).to.deep.equal([[200, { executions: [] }]]);
    expect(accepted.status).to.equal(200);
    expect(final?.status).to.equal('SUCCEEDED');
    expect(system.engine.listExecutions()).to.have.length(1);
  });
});
