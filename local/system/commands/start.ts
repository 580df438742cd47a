/**
 * `start`: runs local mode until Ctrl-C. Prints where it listens, the API key and curl commands
 * for a sample order; on SIGINT or SIGTERM stops taking requests, lets running executions
 * finish for a few seconds and leaves the rest checkpointed for the next start.
 */
import path from 'node:path';
import { clearServerInfo, dataDirLayout, readServerInfo, writeServerInfo } from '../dataDir';
import { snapshotEnvironment } from '../environmentSnapshot';
import { startOrderSystem, type OrderSystem } from '../orderSystem';
import { EXAMPLES_DIR, sampleOrder } from '../client/sampleOrders';
import { COMMON_OPTIONS, numberOption, parseOptions, say } from './options';

export const START_USAGE = `Usage: order-workflow start [--port 3000] [--host 127.0.0.1] [--data-dir .data] [--inventory examples/inventory.json] [--drain-ms 5000] [--lambda-concurrency 1000] [--verbose]

Runs local mode: the order API and the Step Functions API on one port, the engine with SQLite
durability, the handlers with Lambda's semantics. The API key is ORDERS_API_KEY, or one generated
once and kept in the data directory. Ctrl-C stops (running executions resume on the next start).`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  port: { type: 'string', default: '3000' },
  host: { type: 'string', default: '127.0.0.1' },
  inventory: { type: 'string' },
  'drain-ms': { type: 'string', default: '5000' },
  'lambda-concurrency': { type: 'string', default: '1000' },
  verbose: { type: 'boolean', default: false },
} as const;

/** Runs `start`; resolves once the server listens (the process then runs until a signal). */
export async function startCommand(args: readonly string[]): Promise<void> {
  const { values } = parseOptions(args, OPTIONS, false);
  if (values.help) return say(START_USAGE);
  const port = numberOption(values.port, 'port', { integer: true, min: 0 }) ?? 3000;
  const drainMs = numberOption(values['drain-ms'], 'drain-ms', { min: 0 }) ?? 5000;
  const lambdaConcurrency = numberOption(values['lambda-concurrency'], 'lambda-concurrency', { integer: true, min: 1 }) ?? 1000;
  refuseSecondServer(values['data-dir']);
  // The handlers' Powertools re-reads the environment on every log line; serve it from memory.
  snapshotEnvironment();
  const system = await startOrderSystem({
    dataDir: values['data-dir'],
    port,
    host: values.host,
    lambdaConcurrency,
    ...(values.inventory !== undefined ? { inventory: values.inventory } : {}),
    ...(values.verbose ? { onRequest: (entry) => say(`${entry.method} ${entry.route} ${entry.status} ${entry.durationMs.toFixed(1)} ms`) } : {}),
  });
  writeServerInfo(system.layout, { url: system.url, pid: process.pid, startedAt: new Date().toISOString() });
  printBanner(system);
  handleSignals(system, drainMs);
}

/** Two servers on one data directory would both run its executions: refuse a second one. */
function refuseSecondServer(dataDir: string): void {
  const running = readServerInfo(dataDirLayout(dataDir));
  if (running === undefined || running.pid === process.pid) return;
  try {
    process.kill(running.pid, 0);
  } catch {
    return; // that process is gone (killed): its record is stale
  }
  throw new Error(`local mode already runs on ${dataDirLayout(dataDir).root} (pid ${running.pid}, ${running.url}); stop it first or use another --data-dir`);
}

function printBanner(system: OrderSystem): void {
  const keyNote =
    system.apiKeySource === 'environment'
      ? 'from ORDERS_API_KEY'
      : `${system.apiKeySource === 'generated' ? 'generated, ' : ''}kept in ${shortPath(system.layout.apiKeyFile)}`;
  const sample = shortPath(path.join(EXAMPLES_DIR, 'success.json'));
  const sampleId = sampleOrder('success').orderId;
  say('Order workflow: local mode');
  say(`  Order API:          ${system.url}/orders`);
  say(`  Step Functions API: ${system.url}  (AWS SDK/CLI with --endpoint-url ${system.url})`);
  say(`  Dashboard:          ${system.url}/  (metrics as JSON: ${system.url}/metrics)`);
  say(`  API key:            ${system.apiKey}  (${keyNote})`);
  say(`  State machine:      ${system.stateMachineArn}`);
  say(`  Data directory:     ${system.layout.root}`);
  if (system.seededSkus.length > 0) say(`  Stock seeded:       ${system.seededSkus.join(', ')}`);
  if (system.resumed.length > 0) say(`  Resumed:            ${system.resumed.length} execution(s) that were running`);
  say('');
  say('Submit the sample order, then ask for its status:');
  say(`  curl -s -X POST ${system.url}/orders -H 'x-api-key: ${system.apiKey}' -H 'content-type: application/json' -d @${sample}`);
  say(`  curl -s ${system.url}/orders/${sampleId} -H 'x-api-key: ${system.apiKey}'`);
  say('');
  say('Press Ctrl-C to stop.');
}

/** A path relative to the working directory when it is inside it, else absolute. */
function shortPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === '' || relative.startsWith('..') ? file : relative;
}

function handleSignals(system: OrderSystem, drainMs: number): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      // A second Ctrl-C: every step is already checkpointed, so leave at once.
      say('Stopping now; running executions resume on the next start.');
      process.exit(130);
    }
    stopping = true;
    say(`\n${signal}: no longer taking requests; letting running executions finish (up to ${drainMs} ms)…`);
    void system.stop({ drainMs }).then(
      (report) => {
        clearServerInfo(system.layout);
        say(report.drained ? 'Stopped: every execution finished.' : `Stopped: ${report.running} execution(s) checkpointed; they resume on the next start.`);
        process.exit(0);
      },
      (error: unknown) => {
        process.stderr.write(`error while stopping: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
