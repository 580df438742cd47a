import { expect } from 'chai';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { createLambdaRuntime, type InvocationIdentity, type LogLine } from '../../../local/lambda';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function texts(lines: readonly LogLine[], stream: LogLine['stream']): string[] {
  return lines.filter((line) => line.stream === stream).map((line) => line.text);
}

describe('Function: createLambdaRuntime (logs)', () => {
  it('keeps each invocation’s lines with it, even when invocations interleave', async () => {
    // Prepare
    const runtime = createLambdaRuntime({
      functions: {
        chatty: {
          handler: async (event) => {
            const tag = String(event);
            console.log(`${tag} one`);
            await sleep(tag === 'a' ? 15 : 1);
            process.stdout.write(`${tag} two\n${tag} three\n`);
            await sleep(1);
            console.error(`${tag} oops`);
            return tag;
          },
          timeoutMs: 1_000,
        },
      },
      concurrency: 2,
    });

    // Act
    const [a, b] = await Promise.all([runtime.invoke('chatty', 'a'), runtime.invoke('chatty', 'b')]);

    // Assess
    expect(texts(a.logs, 'stdout')).to.deep.equal(['a one', 'a two', 'a three']);
    expect(texts(b.logs, 'stdout')).to.deep.equal(['b one', 'b two', 'b three']);
    expect(texts(a.logs, 'stderr')).to.deep.equal(['a oops']);
    expect(texts(b.logs, 'stderr')).to.deep.equal(['b oops']);
  });

  it('frames the lines with Lambda’s START, END and REPORT lines', async () => {
    const runtime = createLambdaRuntime({ functions: { f: { handler: async () => null, timeoutMs: 1_000, memoryMb: 512 } }, concurrency: 1 });

    const record = await runtime.invoke('f', {});

    const platform = texts(record.logs, 'platform');
    expect(platform[0]).to.equal(`START RequestId: ${record.requestId} Version: $LATEST`);
    expect(platform[1]).to.equal(`END RequestId: ${record.requestId}`);
    expect(platform[2]).to.match(
      new RegExp(`^REPORT RequestId: ${record.requestId}\\tDuration: \\d+\\.\\d{2} ms\\tBilled Duration: \\d+ ms\\tMemory Size: 512 MB$`),
    );
  });

  it('captures Powertools JSON log lines and EMF metric lines', async () => {
    // Prepare
    const logger = new Logger({ serviceName: 'inventory' });
    const metrics = new Metrics({ namespace: 'OrderWorkflow', serviceName: 'inventory' });
    const runtime = createLambdaRuntime({
      functions: {
        reserveInventory: {
          handler: async (_event, context) => {
            logger.addContext(context);
            logger.info('reserved', { orderId: 'o-7' });
            metrics.addMetric('ReservationsMade', MetricUnit.Count, 1);
            metrics.publishStoredMetrics();
            return { status: 'RESERVED' };
          },
          timeoutMs: 1_000,
        },
      },
      concurrency: 1,
    });

    // Act
    const record = await runtime.invoke('reserveInventory', {});

    // Assess
    const entries = texts(record.logs, 'stdout').map((text) => JSON.parse(text) as Record<string, unknown>);
    const log = entries.find((entry) => entry.message === 'reserved');
    expect(log).to.include({ level: 'INFO', service: 'inventory', orderId: 'o-7', function_request_id: record.requestId });
    const emf = entries.find((entry) => '_aws' in entry);
    expect(emf).to.include({ ReservationsMade: 1, service: 'inventory' });
  });

  it('hands every line to onLog as it is written, with the invocation it belongs to', async () => {
    const seen: Array<[InvocationIdentity, string]> = [];
    const runtime = createLambdaRuntime({
      functions: {
        f: {
          handler: async () => {
            console.log('hello');
            return null;
          },
          timeoutMs: 1_000,
        },
      },
      concurrency: 1,
      onLog: (invocation, line) => seen.push([invocation, line.text]),
    });

    const record = await runtime.invoke('f', {});

    expect(seen.map(([, text]) => text)).to.deep.equal(record.logs.map((line) => line.text));
    expect(seen.every(([invocation]) => invocation.requestId === record.requestId && invocation.functionName === 'f')).to.equal(true);
    expect(seen.map(([, text]) => text)).to.include('hello');
  });

  it('survives an onLog listener that throws', async () => {
    const runtime = createLambdaRuntime({
      functions: { f: { handler: async () => { console.log('x'); return 'ok'; }, timeoutMs: 1_000 } },
      concurrency: 1,
      onLog: () => {
        throw new Error('listener broke');
      },
    });
    expect((await runtime.invoke('f', {})).payload).to.equal('"ok"');
  });

  it('keeps an unterminated last line, and Buffer writes', async () => {
    const runtime = createLambdaRuntime({
      functions: {
        f: {
          handler: async () => {
            process.stdout.write(Buffer.from('from a buffer\n'));
            process.stdout.write('no newline');
            return null;
          },
          timeoutMs: 1_000,
        },
      },
      concurrency: 1,
    });

    const record = await runtime.invoke('f', {});

    expect(texts(record.logs, 'stdout')).to.deep.equal(['from a buffer', 'no newline']);
  });

  it('assembles lines from any chunking: whole lines, several lines, pieces, empty writes', async () => {
    const runtime = createLambdaRuntime({
      functions: {
        f: {
          handler: async () => {
            process.stdout.write('');
            process.stdout.write('one\n');
            process.stdout.write('two\nthree\n');
            process.stdout.write('fo');
            process.stdout.write('ur\n');
            process.stdout.write('\n');
            process.stdout.write('');
            process.stdout.write('five\n');
            return null;
          },
          timeoutMs: 1_000,
        },
      },
      concurrency: 1,
    });

    const record = await runtime.invoke('f', {});

    expect(texts(record.logs, 'stdout')).to.deep.equal(['one', 'two', 'three', 'four', '', 'five']);
  });

  it('calls a write callback for a captured write', async () => {
    let called = false;
    const runtime = createLambdaRuntime({
      functions: {
        f: {
          handler: () => new Promise((resolve) => process.stdout.write('line\n', () => { called = true; resolve(null); })),
          timeoutMs: 1_000,
        },
      },
      concurrency: 1,
    });
    await runtime.invoke('f', {});
    expect(called).to.equal(true);
  });
});
