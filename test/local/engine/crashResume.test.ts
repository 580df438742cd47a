import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const worker = path.join(__dirname, 'fixtures', 'crashWorker.ts');

function runWorker(mode: 'start' | 'resume', db: string, log: string, until?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', worker, mode, db, log], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (until !== undefined && out.includes(until)) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (until !== undefined ? signal === 'SIGKILL' : code === 0) resolve(out);
      else reject(new Error(`worker ${mode} ended with ${code ?? signal}: ${err}`));
    });
  });
}

describe('Crash and resume (SQLite file, kill -9)', function () {
  this.timeout(60_000);
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'engine-crash-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('resumes from the last recorded state and never re-runs a completed task', async () => {
    // Prepare
    const db = path.join(dir, 'executions.db');
    const log = path.join(dir, 'invocations.log');

    // Act
    await runWorker('start', db, log, 'BLOCKED');
    const result = JSON.parse((await runWorker('resume', db, log)).trim()) as { status: string; output: string; types: string[]; ids: number[] };

    // Assess
    const calls = readFileSync(log, 'utf8').trim().split('\n');
    expect(calls.filter((c) => c.startsWith('resume:'))).to.deep.equal(['resume:notify']);
    expect(calls.filter((c) => c.startsWith('start:')).sort()).to.deep.equal(['start:audit', 'start:charge', 'start:notify', 'start:reserve', 'start:validate']);
    expect(result.status).to.equal('SUCCEEDED');
    expect(JSON.parse(result.output)).to.deep.equal({
      orderId: 'o-1',
      validated: { by: 'validate' },
      reserved: { by: 'reserve' },
      both: [{ by: 'charge' }, { by: 'audit' }],
      notified: { by: 'notify' },
    });
    expect(result.ids).to.deep.equal(result.ids.map((_, i) => i + 1));
    expect(result.types.filter((t) => t === 'ExecutionStarted')).to.have.length(1);
    expect(result.types.filter((t) => t === 'LambdaFunctionSucceeded')).to.have.length(5);
    expect(result.types.filter((t) => t === 'TaskStateEntered')).to.have.length(5);
    expect(result.types.at(-1)).to.equal('ExecutionSucceeded');
  });
});
