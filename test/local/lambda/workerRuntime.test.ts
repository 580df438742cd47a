import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  ResourceNotFoundException,
  ServiceException,
  startWorkerLambdaRuntime,
  TooManyRequestsException,
  type InvocationRecord,
  type WorkerLambdaRuntime,
  type WorkerLambdaRuntimeOptions,
} from '../../../local/lambda';
import { SETTLED_PER_TURN } from '../../../local/lambda/worker/workerConnection';
import { rejection } from '../../support/rejection';
import type { FixtureConfig } from './fixtures/hostedFunctions';

const FIXTURE = path.join(__dirname, 'fixtures/hostedFunctions.ts');

function reportLine(record: InvocationRecord): string {
  return record.logs.map((line) => line.text).find((text) => text.startsWith('REPORT')) ?? '';
}

describe('Function: startWorkerLambdaRuntime', function () {
  this.timeout(20_000);
  let dir: string;
  const started: WorkerLambdaRuntime[] = [];

  async function start(config: FixtureConfig = {}, options: Partial<WorkerLambdaRuntimeOptions> = {}): Promise<WorkerLambdaRuntime> {
    const runtime = await startWorkerLambdaRuntime({ module: FIXTURE, config, concurrency: 4, ...options });
    started.push(runtime);
    return runtime;
  }

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'lambda-worker-'));
  });

  afterEach(async () => {
    await Promise.all(started.splice(0).map((runtime) => runtime.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  describe('Method: invoke', () => {
    it('runs the function on the worker and answers the record with its logs, Init Duration on the cold start only', async () => {
      // Prepare
      const runtime = await start();

      // Act
      const first = await runtime.invoke('echo', { orderId: 'o-1' });
      const second = await runtime.invoke('arn:aws:lambda:us-east-1:000000000000:function:echo:$LATEST', { orderId: 'o-2' });

      // Assess
      expect(runtime.functionNames).to.deep.equal(['echo', 'sleep', 'crash', 'block']);
      expect(JSON.parse(first.payload)).to.deep.equal({ environment: 1, result: { orderId: 'o-1' } });
      expect(JSON.parse(second.payload)).to.deep.equal({ environment: 1, result: { orderId: 'o-2' } });
      expect(first.functionArn).to.equal('arn:aws:lambda:us-east-1:000000000000:function:echo');
      expect(first.startedAt).to.be.instanceOf(Date);
      expect(first.logs.map((l) => l.text)).to.include('echo {"orderId":"o-1"}');
      expect(reportLine(first)).to.match(/\tInit Duration: \d+\.\d{2} ms$/);
      expect(reportLine(second)).to.not.include('Init Duration');
      expect(runtime.inFlight).to.equal(0);
    });

    it('answers Sandbox.Timedout at the timeout and never reuses that environment', async () => {
      const runtime = await start();

      const timedOut = await runtime.invoke('sleep', { ms: 1_000 });
      const next = await runtime.invoke('sleep', { ms: 0 });

      expect(timedOut.functionError).to.equal('Unhandled');
      expect(JSON.parse(timedOut.payload)).to.include({ errorType: 'Sandbox.Timedout' });
      expect(JSON.parse(next.payload)).to.deep.equal({ environment: 2, result: 'slept' });
    });

    it('refuses unknown functions, and invocations over the concurrency limit of running ones', async () => {
      const runtime = await start({}, { concurrency: 1 });

      const running = runtime.invoke('sleep', { ms: 50 });
      const throttled = await rejection(runtime.invoke('echo', {}));
      const missing = await rejection(runtime.invoke('nope', {}));
      await running;

      expect(throttled).to.be.instanceOf(TooManyRequestsException);
      expect(missing).to.be.instanceOf(ResourceNotFoundException);
      expect((missing as ResourceNotFoundException).aslError).to.equal('Lambda.ResourceNotFoundException');
    });

    it('queues over the concurrency limit when asked to, running one after the other', async () => {
      const runtime = await start({}, { concurrency: 1, whenThrottled: 'queue' });

      const [first, second] = await Promise.all([runtime.invoke('sleep', { ms: 30 }), runtime.invoke('sleep', { ms: 30 })]);

      expect([first.functionError, second.functionError]).to.deep.equal([undefined, undefined]);
      expect(second.startedAt.getTime()).to.be.at.least(first.endedAt.getTime());
    });
  });

  describe('Method: invokeFor', () => {
    it("has the worker record the invocation for its caller before answering, and answers only what the caller reads", async () => {
      // Prepare
      const recordFile = path.join(dir, 'records.jsonl');
      const runtime = await start({ recordFile });

      // Act
      const answer = await runtime.invokeFor({ executionArn: 'arn:exec:1', stateName: 'Echo' }, 'echo', { n: 1 });
      const records = readFileSync(recordFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { executionArn: string; stateName: string; lines: string[] });

      // Assess
      expect(answer).to.deep.equal({ payload: JSON.stringify({ environment: 1, result: { n: 1 } }) });
      expect(records).to.have.length(1);
      expect(records[0]).to.include({ executionArn: 'arn:exec:1', stateName: 'Echo' });
      expect(records[0]!.lines).to.include('echo {"n":1}');
    });
  });

  describe('a batch that cannot be made durable', () => {
    it('answers its invocations with Lambda.ServiceException, and the next batch normally', async () => {
      // Prepare
      const failFlushWhile = path.join(dir, 'disk-full');
      writeFileSync(failFlushWhile, '');
      const runtime = await start({ failFlushWhile });

      // Act
      const failed = await Promise.all([rejection(runtime.invoke('echo', { n: 1 })), rejection(runtime.invokeFor({ executionArn: 'arn:exec:1', stateName: 'Echo' }, 'echo', { n: 2 }))]);
      rmSync(failFlushWhile);
      const next = await runtime.invokeFor({ executionArn: 'arn:exec:2', stateName: 'Echo' }, 'echo', { n: 3 });

      // Assess
      for (const error of failed) {
        expect(error).to.be.instanceOf(ServiceException);
        expect((error as Error).message).to.include('could not make the invocation durable: disk full');
      }
      expect((JSON.parse(next.payload) as { result: unknown }).result).to.deep.equal({ n: 3 });
    });
  });

  describe('a burst of answers', () => {
    it('settles hundreds of answers over several turns of the event loop, each with its own payload, in order', async () => {
      // Prepare: a turn counter, to see over how many turns the answers settle
      const runtime = await start({}, { concurrency: 1000 });
      let turn = 0;
      let counting = true;
      const tick = (): void => {
        turn += 1;
        if (counting) setImmediate(tick);
      };
      setImmediate(tick);
      const count = 4 * SETTLED_PER_TURN + 10;
      const settledAt: Array<{ n: number; turn: number }> = [];

      // Act
      const answers = await Promise.all(
        Array.from({ length: count }, (_, n) =>
          runtime.invokeFor({ executionArn: `arn:exec:${n}`, stateName: 'Echo' }, 'echo', { n }).then((answer) => {
            settledAt.push({ n, turn });
            return answer;
          }),
        ),
      );
      counting = false;

      // Assess
      expect(answers.map((answer) => (JSON.parse(answer.payload) as { result: { n: number } }).result.n)).to.deep.equal(Array.from({ length: count }, (_, n) => n));
      expect(settledAt.map((s) => s.n)).to.deep.equal(Array.from({ length: count }, (_, n) => n));
      // The answers come in 5 shares of at most SETTLED_PER_TURN, each in a turn of its own. The
      // counter ticks in the same turns, before or after a share: where the order of the two
      // flips (once, when the shares go from the worker's message to setImmediate), two shares
      // read the same tick. So at least 4 ticks, and never more than two shares at one tick.
      const perTick = new Map<number, number>();
      for (const s of settledAt) perTick.set(s.turn, (perTick.get(s.turn) ?? 0) + 1);
      expect(perTick.size).to.be.at.least(Math.ceil(count / SETTLED_PER_TURN) - 1);
      expect(Math.max(...perTick.values())).to.be.at.most(2 * SETTLED_PER_TURN);
    });
  });

  describe('a lost worker', () => {
    it('fails the invocations it owed with Lambda.ServiceException and runs the next ones on a new worker', async () => {
      // Prepare
      const lost: Error[] = [];
      const runtime = await start({}, { onWorkerLost: (why) => lost.push(why) });
      await runtime.invoke('echo', {});

      // Act
      const [crashed, sleeping] = await Promise.all([rejection(runtime.invoke('crash', {})), rejection(runtime.invoke('sleep', { ms: 100 }))]);
      const after = await runtime.invoke('echo', { again: true });

      // Assess
      for (const error of [crashed, sleeping]) {
        expect(error).to.be.instanceOf(ServiceException);
        expect((error as ServiceException).aslError).to.equal('Lambda.ServiceException');
      }
      expect(JSON.parse(after.payload)).to.deep.equal({ environment: 1, result: { again: true } });
      expect(reportLine(after)).to.include('Init Duration');
      expect(runtime.restarts).to.equal(1);
      expect(lost.map((e) => e.message)).to.deep.equal(['the Lambda worker exited with code 3']);
      expect(runtime.inFlight).to.equal(0);
    });

    it('fails invocations at once while no worker can be started, and recovers when one can', async () => {
      // Prepare
      const broken = path.join(dir, 'broken');
      const runtime = await start({ failDeployWhile: broken });
      writeFileSync(broken, '');
      await rejection(runtime.invoke('crash', {}));

      // Act: the replacement fails to deploy; invocations meanwhile fail, and never hang
      await new Promise((resolve) => setTimeout(resolve, 300));
      const whileBroken = await rejection(runtime.invoke('echo', {}));
      rmSync(broken);
      let after: InvocationRecord | undefined;
      for (let i = 0; i < 50 && after === undefined; i++) {
        after = await runtime.invoke('echo', { i }).catch(() => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 100)));
      }

      // Assess
      expect(whileBroken).to.be.instanceOf(ServiceException);
      expect(after?.functionName).to.equal('echo');
      expect(runtime.restarts).to.be.at.least(2);
    });

    it('replaces a worker whose handler never gives its thread back', async () => {
      const runtime = await start({}, { stuckAfterMs: 100 });

      const blocked = await rejection(runtime.invoke('block', {}));
      const after = await runtime.invoke('echo', {});

      expect(blocked).to.be.instanceOf(ServiceException);
      expect(JSON.parse(after.payload)).to.have.property('environment', 1);
      expect(runtime.restarts).to.equal(1);
    });
  });

  describe('start and stop', () => {
    it('rejects when the module fails to deploy', async () => {
      const error = await rejection(startWorkerLambdaRuntime({ module: FIXTURE, config: { failDeploy: true } satisfies FixtureConfig, concurrency: 1 }));
      expect(error).to.be.instanceOf(Error).with.property('message', 'no database here');
    });

    it('lets the module release what it holds, then ends the worker', async () => {
      const closedFile = path.join(dir, 'closed');
      const runtime = await startWorkerLambdaRuntime({ module: FIXTURE, config: { closedFile } satisfies FixtureConfig, concurrency: 1 });

      await runtime.stop();

      expect(existsSync(closedFile)).to.equal(true);
      expect(await rejection(runtime.invoke('echo', {}))).to.be.instanceOf(ServiceException);
    });
  });
});
