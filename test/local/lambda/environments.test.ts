import { Logger } from '@aws-lambda-powertools/logger';
import { expect } from 'chai';
import { createLambdaRuntime, type InvocationRecord, type LambdaContext } from '../../../local/lambda';

/** A handler factory that counts environments and records whether one ever ran two invocations at once. */
function trackedFactory(work: () => Promise<void> = async () => undefined) {
  let created = 0;
  let overlapped = false;
  const createHandler = () => {
    created += 1;
    const environment = created;
    let busy = false;
    return async () => {
      if (busy) overlapped = true;
      busy = true;
      try {
        await work();
        return { environment };
      } finally {
        busy = false;
      }
    };
  };
  return { createHandler, created: () => created, overlapped: () => overlapped };
}

function reportLine(record: InvocationRecord): string {
  return record.logs.map((line) => line.text).find((text) => text.startsWith('REPORT')) ?? '';
}

function gate(): { wait: () => Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { wait: () => opened, open };
}

describe('Lambda execution environments (createHandler)', () => {
  it('reuses one environment for invocations that follow each other, reporting the init on the cold start only', async () => {
    const tracked = trackedFactory();
    const runtime = createLambdaRuntime({ functions: { f: { createHandler: tracked.createHandler, timeoutMs: 1_000 } }, concurrency: 4 });

    const first = await runtime.invoke('f', {});
    const second = await runtime.invoke('f', {});

    expect(tracked.created()).to.equal(1);
    expect(JSON.parse(second.payload)).to.deep.equal({ environment: 1 });
    expect(reportLine(first)).to.match(/\tInit Duration: \d+\.\d{2} ms$/);
    expect(reportLine(second)).to.not.include('Init Duration');
  });

  it('runs invocations that overlap in environments of their own, one invocation at a time each', async () => {
    const g = gate();
    const tracked = trackedFactory(() => g.wait());
    const runtime = createLambdaRuntime({ functions: { f: { createHandler: tracked.createHandler, timeoutMs: 1_000 } }, concurrency: 4 });

    const running = [runtime.invoke('f', {}), runtime.invoke('f', {}), runtime.invoke('f', {})];
    g.open();
    const records = await Promise.all(running);
    const again = await Promise.all([runtime.invoke('f', {}), runtime.invoke('f', {})]);

    expect(tracked.created()).to.equal(3);
    expect(records.map((r) => JSON.parse(r.payload).environment).sort()).to.deep.equal([1, 2, 3]);
    expect(again.every((r) => !reportLine(r).includes('Init Duration'))).to.equal(true);
    expect(tracked.overlapped()).to.equal(false);
  });

  it('never reuses the environment of an invocation that timed out', async () => {
    let slow = true;
    const tracked = trackedFactory(() => (slow ? new Promise(() => undefined) : Promise.resolve()));
    const runtime = createLambdaRuntime({ functions: { f: { createHandler: tracked.createHandler, timeoutMs: 20 } }, concurrency: 1 });

    const timedOut = await runtime.invoke('f', {});
    slow = false;
    const next = await runtime.invoke('f', {});

    expect(JSON.parse(timedOut.payload).errorType).to.equal('Sandbox.Timedout');
    expect(JSON.parse(next.payload)).to.deep.equal({ environment: 2 });
  });

  it("reports a failing initialisation as the invocation's error, and tries again on the next invocation", async () => {
    let attempts = 0;
    const runtime = createLambdaRuntime({
      functions: {
        f: {
          createHandler: () => {
            attempts += 1;
            if (attempts === 1) throw new TypeError('missing setting TABLE_NAME');
            return async () => 'ok';
          },
          timeoutMs: 1_000,
        },
      },
      concurrency: 1,
    });

    const failed = await runtime.invoke('f', {});
    const ok = await runtime.invoke('f', {});

    expect(failed.functionError).to.equal('Unhandled');
    expect(JSON.parse(failed.payload)).to.include({ errorType: 'TypeError', errorMessage: 'missing setting TABLE_NAME' });
    expect(ok.payload).to.equal('"ok"');
  });

  it("tags each log line with its own invocation's request id while invocations overlap (a Powertools logger per environment)", async () => {
    const g = gate();
    const runtime = createLambdaRuntime({
      functions: {
        f: {
          createHandler: () => {
            const logger = new Logger({ serviceName: 'env-test' });
            return async (_event: unknown, context: LambdaContext) => {
              logger.addContext(context as never);
              await g.wait(); // every invocation has added its context before any logs
              logger.info('done');
              return 'ok';
            };
          },
          timeoutMs: 1_000,
        },
      },
      concurrency: 8,
    });

    const running = Array.from({ length: 5 }, () => runtime.invoke('f', {}));
    setImmediate(g.open);
    const records = await Promise.all(running);

    for (const record of records) {
      const lines = record.logs.filter((line) => line.stream === 'stdout').map((line) => JSON.parse(line.text) as { function_request_id?: string });
      expect(lines.map((l) => l.function_request_id)).to.deep.equal([record.requestId]);
    }
  });
});
