/**
 * `load`: N orders at a rate or a concurrency, with a mix of outcomes, a progress bar, and a
 * summary (accepted, succeeded, failed by reason, end-to-end latency percentiles, throughput).
 */
import { runLoad, type LoadProgress, type LoadSummary } from '../client/loadRun';
import type { Percentiles } from '../client/percentiles';
import { DEFAULT_MIX, parseMix, type OrderMix } from '../client/sampleOrders';
import { clientFor, withClient } from './client';
import { CLIENT_OPTIONS, numberOption, parseOptions, say, UsageError } from './options';

export const LOAD_USAGE = `Usage: order-workflow load [--count 1000] [--rate R | --concurrency C] [--mix success=85,declined=5,out-of-stock=5,rejected=5] [--settle-ms 60000] [--follow drain|poll] [--json] [--url URL] [--api-key KEY] [--data-dir .data]

Submits --count orders, --rate per second (open loop) or with --concurrency in flight (closed
loop; the default is 32), follows each to its terminal status, and prints a summary. --follow
drain (the default) waits until nothing runs and reads each order's status once; poll asks for
each order's status until it is terminal.`;

const OPTIONS = {
  ...CLIENT_OPTIONS,
  count: { type: 'string', default: '1000' },
  rate: { type: 'string' },
  concurrency: { type: 'string' },
  mix: { type: 'string' },
  'settle-ms': { type: 'string', default: '60000' },
  follow: { type: 'string', default: 'drain' },
} as const;

/** Runs `load`; the process exit code (1 when an order was refused or did not finish). */
export async function loadCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, OPTIONS, false);
  if (values.help) {
    say(LOAD_USAGE);
    return 0;
  }
  void positionals;
  const count = numberOption(values.count, 'count', { integer: true, min: 1 }) ?? 1000;
  const rate = numberOption(values.rate, 'rate', { min: 0.001 });
  const concurrency = numberOption(values.concurrency, 'concurrency', { integer: true, min: 1 });
  if (rate !== undefined && concurrency !== undefined) throw new UsageError('give --rate or --concurrency, not both');
  let mix: OrderMix;
  try {
    mix = values.mix === undefined ? DEFAULT_MIX : parseMix(values.mix);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.follow !== 'drain' && values.follow !== 'poll') throw new UsageError("--follow must be 'drain' or 'poll'");
  const follow = values.follow;
  const settleTimeoutMs = numberOption(values['settle-ms'], 'settle-ms', { min: 0 }) ?? 60_000;
  const bar = process.stderr.isTTY && !values.json ? progressBar : undefined;

  const summary = await withClient(clientFor(values, 256), (client) =>
    runLoad(client, {
      count,
      mix,
      settleTimeoutMs,
      follow,
      ...(rate !== undefined ? { rate } : { concurrency: concurrency ?? 32 }),
      ...(bar !== undefined ? { onProgress: bar } : {}),
    }),
  );
  if (bar !== undefined) process.stderr.write('\n');
  const how = rate !== undefined ? `${rate}/s (open loop)` : `${concurrency ?? 32} in flight (closed loop)`;
  say(values.json ? JSON.stringify(summary) : formatSummary(summary, how, mix));
  return summary.accepted === count && summary.unfinished === 0 ? 0 : 1;
}

function progressBar(p: LoadProgress): void {
  const width = 30;
  const done = Math.round((p.finished / p.count) * width);
  const sentMark = Math.max(done, Math.round((p.sent / p.count) * width));
  const bar = '█'.repeat(done) + '▒'.repeat(sentMark - done) + '░'.repeat(width - sentMark);
  process.stderr.write(`\r[${bar}] ${String(Math.floor((p.finished / p.count) * 100)).padStart(3)}%  sent ${p.sent}/${p.count}  accepted ${p.accepted}  finished ${p.finished}`);
}

/** The summary as the CLI prints it. */
export function formatSummary(s: LoadSummary, how: string, mix: OrderMix): string {
  const refused = Object.entries(s.refused);
  const failed = Object.entries(s.failedByReason).sort(([, a], [, b]) => b - a);
  const failedTotal = failed.reduce((sum, [, n]) => sum + n, 0);
  const latency = (p: Percentiles): string => `p50 ${fmt(p.p50)}  p90 ${fmt(p.p90)}  p99 ${fmt(p.p99)}  max ${fmt(p.max)}`;
  return [
    `Load: ${s.count} orders, ${how}, mix ${Object.entries(mix).map(([k, w]) => `${k}=${w}`).join(',')}`,
    `  accepted            ${s.accepted}`,
    `  refused             ${refused.length === 0 ? 0 : refused.map(([status, n]) => `${n} (HTTP ${status})`).join(', ')}`,
    `  succeeded           ${s.succeeded}`,
    `  failed              ${failedTotal}${failed.length > 0 ? `  (${failed.map(([reason, n]) => `${reason} ${n}`).join(', ')})` : ''}`,
    `  unfinished          ${s.unfinished}`,
    `  end-to-end latency  ${latency(s.endToEndMs)}`,
    `  accept latency      ${latency(s.acceptMs)}`,
    `  throughput          ${s.throughputPerSec.toFixed(0)} orders/s to a terminal state (${Number.isNaN(s.completionsPerSec) ? '–' : s.completionsPerSec.toFixed(0)}/s from the first to finish to the last); ${s.acceptedPerSec.toFixed(0)} accepted/s`,
    `  elapsed             ${(s.elapsedMs / 1000).toFixed(1)} s`,
  ].join('\n');
}

function fmt(ms: number): string {
  if (Number.isNaN(ms)) return '-';
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}
