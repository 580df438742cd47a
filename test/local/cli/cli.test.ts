/** Each CLI command, run as a child process against local mode started in a temporary directory. */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dataDirLayout } from '../../../local/system/dataDir';
import { generatedOrder } from '../../../local/system/client/sampleOrders';
import { CLI_ENTRY, spawnServer, type ServerProcess } from '../../../local/system/serverProcess';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `tsx local/cli.ts <args>` without ORDERS_API_KEY or ORDERS_API_URL in its environment. */
function cli(args: readonly string[]): Promise<Run> {
  const env = { ...process.env };
  delete env.ORDERS_API_KEY;
  delete env.ORDERS_API_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', CLI_ENTRY, ...args], { env, cwd: path.resolve(__dirname, '../../..'), timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('CLI: local/cli.ts', function () {
  this.timeout(60_000);
  let root: string;
  let dataDir: string;
  let server: ServerProcess;

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'order-cli-'));
    dataDir = path.join(root, 'data');
    const env = { ...process.env };
    delete env.ORDERS_API_KEY;
    server = await spawnServer({ dataDir, env: { ...env, ORDERS_API_KEY: '' } });
  });

  after(async () => {
    await server.stop('SIGKILL');
    rmSync(root, { recursive: true, force: true });
  });

  it('start: prints the URL, the generated key and a curl command, and records the server in the data directory', () => {
    const out = server.output();
    expect(out).to.match(/API key:\s+local-\S+\s+\(generated, kept in /);
    expect(out).to.include(`curl -s -X POST ${server.url}/orders -H 'x-api-key: ${server.apiKey}'`);
    expect(out).to.include('-d @examples/orders/success.json');
    expect(existsSync(dataDirLayout(dataDir).serverFile)).to.equal(true);
  });

  it('submit, status and history: a file, then its status and its timeline', async () => {
    const submitted = await cli(['submit', 'examples/orders/success.json', '--data-dir', dataDir]);
    const declined = await cli(['submit', '--kind', 'declined', '--wait', '--json', '--data-dir', dataDir]);
    const status = await cli(['status', 'ord-example-success', '--json', '--data-dir', dataDir]);
    const history = await cli(['history', 'ord-example-success', '--data-dir', dataDir]);

    expect(submitted).to.include({ code: 0 });
    expect(submitted.stdout).to.include('Accepted order ord-example-success');
    expect(declined.code).to.equal(0);
    expect(JSON.parse(declined.stdout)).to.include({ status: 'FAILED', error: 'PaymentDeclined' });
    expect(status.code).to.equal(0);
    expect(JSON.parse(status.stdout)).to.include({ orderId: 'ord-example-success', status: 'SUCCEEDED' });
    expect(history.code).to.equal(0);
    expect(history.stdout).to.match(/^Order ord-example-success: SUCCEEDED in \d+ ms/);
    for (const state of ['ValidateOrder', 'ProcessOrder', '  ReserveInventory', '  ChargePayment', 'NotifySuccess', 'OrderSucceeded']) expect(history.stdout).to.include(state);
  });

  it('history: shows the retry of a charge that failed once', async () => {
    const file = path.join(root, 'retried.json');
    const order = { ...generatedOrder('success'), paymentToken: 'tok_processingErrorOnce' };
    writeFileSync(file, JSON.stringify(order));
    const submitted = await cli(['submit', file, '--wait', '--data-dir', dataDir]);
    const history = await cli(['history', order.orderId, '--json', '--data-dir', dataDir]);

    expect(submitted.code).to.equal(0);
    const timeline = (JSON.parse(history.stdout) as { timeline: Array<{ name: string; attempts: number; retries: number; depth: number; error?: string }> }).timeline;
    expect(timeline.find((entry) => entry.name === 'ChargePayment')).to.deep.include({ attempts: 2, retries: 1, depth: 1 });
    expect(timeline.find((entry) => entry.name === 'ChargePayment')).to.not.have.property('error');
  });

  it('load: N orders with a mix, and a summary', async () => {
    const run = await cli(['load', '--count', '40', '--concurrency', '8', '--mix', 'success=2,declined=1,out-of-stock=1,rejected=1', '--json', '--data-dir', dataDir]);
    expect(run.code, run.stderr).to.equal(0);
    const summary = JSON.parse(run.stdout) as {
      accepted: number;
      unfinished: number;
      succeeded: number;
      failedByReason: Record<string, number>;
      acceptedByKind: Record<string, number>;
      endToEndMs: { p99: number };
      throughputPerSec: number;
    };
    const byKind = summary.acceptedByKind;
    expect(summary).to.include({ accepted: 40, unfinished: 0, succeeded: byKind.success });
    expect(summary.failedByReason).to.deep.equal({ PaymentDeclined: byKind.declined, OutOfStock: byKind['out-of-stock'], InvalidOrder: byKind.rejected });
    // Every kind of the mix is there, the successes about two fifths.
    expect(Object.keys(byKind).sort()).to.deep.equal(['declined', 'out-of-stock', 'rejected', 'success']);
    expect(byKind.success).to.be.within(12, 20);
    expect(summary.endToEndMs.p99).to.be.greaterThan(0);
    expect(summary.throughputPerSec).to.be.greaterThan(0);
  });

  it('load: prints a readable summary', async () => {
    const run = await cli(['load', '--count', '10', '--rate', '50', '--data-dir', dataDir]);
    expect(run.code, run.stderr).to.equal(0);
    for (const label of ['accepted            10', 'succeeded', 'failed', 'end-to-end latency  p50', 'p90', 'p99', 'throughput']) expect(run.stdout).to.include(label);
  });

  it('start: refuses a second server on the same data directory', async () => {
    const run = await cli(['start', '--port', '0', '--data-dir', dataDir]);
    expect(run.code).to.equal(1);
    expect(run.stderr).to.include(`local mode already runs on ${dataDir} (pid ${server.child.pid}`);
  });

  const failures: Array<{ label: string; args: (dir: string) => string[]; code: number; output: RegExp }> = [
    { label: 'an unknown order', args: (dir) => ['status', 'no-such-order', '--data-dir', dir], code: 1, output: /No order no-such-order/ },
    { label: 'an unknown command', args: () => ['frobnicate'], code: 2, output: /unknown command 'frobnicate'/ },
    { label: 'both --rate and --concurrency', args: (dir) => ['load', '--rate', '5', '--concurrency', '2', '--data-dir', dir], code: 2, output: /--rate or --concurrency/ },
    { label: 'an unknown option', args: (dir) => ['status', 'x', '--colour', '--data-dir', dir], code: 2, output: /Unknown option '--colour'/ },
    { label: 'a data directory with no server', args: (dir) => ['status', 'x', '--data-dir', path.join(dir, '..', 'empty')], code: 1, output: /no running server recorded/ },
    { label: 'a wrong --api-key', args: (dir) => ['status', 'x', '--api-key', 'wrong', '--data-dir', dir], code: 1, output: /HTTP 403/ },
  ];
  for (const { label, args, code, output } of failures) {
    it(`exits ${code} on ${label}`, async () => {
      const run = await cli(args(dataDir));
      expect(run.code).to.equal(code);
      expect(run.stdout + run.stderr).to.match(output);
    });
  }

  it('start: Ctrl-C stops it cleanly and removes the server record', async () => {
    const exit = await server.stop('SIGINT');
    expect(exit).to.equal(0);
    expect(server.output()).to.match(/Stopped: every execution finished\./);
    expect(existsSync(dataDirLayout(dataDir).serverFile)).to.equal(false);
  });
});
