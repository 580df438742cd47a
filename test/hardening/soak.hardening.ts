/**
 * Load: a soak of 60 seconds at a fixed rate (100 orders/s, open loop) against local mode in
 * its own process. Its memory stays flat (resident set size sampled from /proc), latency
 * percentiles are reported, and every order reaches its terminal state.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { OrderClient } from '../../local/system/client/orderClient';
import { runLoad } from '../../local/system/client/loadRun';
import { DEFAULT_MIX } from '../../local/system/client/sampleOrders';
import { spawnedServerSuite, TEST_API_KEY } from '../local/system/support';
import { recordFigure } from './support/figures';

const RATE = 100;
const SECONDS = 60;
/** Growth of the resident set from the end of warm-up to the end of the soak that still counts as flat. */
const MAX_RSS_GROWTH_MB = 48;
const WARM_UP_MS = 20_000;

/** A process's resident set size in MiB (Linux). */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

describe('Hardening: a soak at a fixed rate', function () {
  this.timeout(180_000);
  const suite = spawnedServerSuite();

  it(`holds ${RATE} orders/s for ${SECONDS} s with flat memory and nothing lost`, async () => {
    // Prepare: enough stock that the soak itself never runs out.
    const seed = suite.writeSeed({ 'BOOK-1': 1_000_000, 'PEN-7': 1_000_000, 'MUG-3': 1_000_000, 'LAMP-9': 1_000_000, 'SOLD-OUT-1': 0 });
    const server = await suite.spawn({ env: { ORDERS_API_KEY: TEST_API_KEY }, args: ['--inventory', seed] });
    const pid = server.child.pid!;
    const client = new OrderClient(server.url, TEST_API_KEY);
    const samples: Array<{ atMs: number; rss: number }> = [];
    const began = Date.now();
    const sampler = setInterval(() => samples.push({ atMs: Date.now() - began, rss: rssMb(pid) }), 1_000);
    const rssAtStart = rssMb(pid);

    // Act
    const summary = await runLoad(client, { count: RATE * SECONDS, rate: RATE, mix: DEFAULT_MIX, idPrefix: 'soak', settleTimeoutMs: 30_000 });
    clearInterval(sampler);
    const rssAtEnd = rssMb(pid);
    client.close();
    await server.stop('SIGINT');

    const warm = samples.find((s) => s.atMs >= WARM_UP_MS)?.rss ?? rssAtStart;
    const peak = Math.max(...samples.map((s) => s.rss));
    recordFigure('soak.orders', summary.count);
    recordFigure('soak.ratePerSec', RATE);
    recordFigure('soak.seconds', SECONDS);
    recordFigure('soak.accepted', summary.accepted);
    recordFigure('soak.unfinished', summary.unfinished);
    recordFigure('soak.acceptP50Ms', summary.acceptMs.p50);
    recordFigure('soak.acceptP99Ms', summary.acceptMs.p99);
    recordFigure('soak.endToEndP50Ms', summary.endToEndMs.p50);
    recordFigure('soak.endToEndP90Ms', summary.endToEndMs.p90);
    recordFigure('soak.endToEndP99Ms', summary.endToEndMs.p99);
    recordFigure('soak.endToEndMaxMs', summary.endToEndMs.max);
    recordFigure('soak.rssStartMb', rssAtStart);
    recordFigure('soak.rssAfterWarmUpMb', warm);
    recordFigure('soak.rssEndMb', rssAtEnd);
    recordFigure('soak.rssPeakMb', peak);

    // Assess
    expect(summary.refused).to.deep.equal({});
    expect(summary.accepted).to.equal(RATE * SECONDS);
    expect(summary.unfinished).to.equal(0);
    const finished = summary.succeeded + Object.values(summary.failedByReason).reduce((sum, n) => sum + n, 0);
    expect(finished).to.equal(summary.accepted);
    expect(rssAtEnd - warm, `RSS ${rssAtStart.toFixed(0)} MB at start, ${warm.toFixed(0)} after warm-up, ${rssAtEnd.toFixed(0)} at the end`).to.be.lessThan(MAX_RSS_GROWTH_MB);
  });
});
