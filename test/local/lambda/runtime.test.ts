import { expect } from 'chai';
import {
  createLambdaRuntime,
  InvalidRequestContentException,
  LambdaServiceError,
  MAX_SYNC_REQUEST_BYTES,
  MAX_SYNC_RESPONSE_BYTES,
  RequestEntityTooLargeException,
  ResourceNotFoundException,
  TooManyRequestsException,
  type LambdaContext,
  type LambdaFunctionDefinition,
} from '../../../local/lambda';
import { rejection } from '../../support/rejection';

const ECHO: LambdaFunctionDefinition = { handler: async (event) => event, timeoutMs: 1_000 };

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

class InventoryUnavailable extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'InventoryUnavailable';
  }
}

describe('Function: createLambdaRuntime', () => {
  describe('Method: invoke (success)', () => {
    it('returns the handler result as JSON text, with Invoke metadata', async () => {
      // Prepare
      const runtime = createLambdaRuntime({ functions: { echo: ECHO }, concurrency: 2 });

      // Act
      const record = await runtime.invoke('echo', { orderId: 'o-1', items: [1, 2] });

      // Assess
      expect(JSON.parse(record.payload)).to.deep.equal({ orderId: 'o-1', items: [1, 2] });
      expect(record.functionError).to.equal(undefined);
      expect(record.statusCode).to.equal(200);
      expect(record.executedVersion).to.equal('$LATEST');
      expect(record.functionName).to.equal('echo');
      expect(record.functionArn).to.equal('arn:aws:lambda:us-east-1:000000000000:function:echo');
      expect(record.requestId).to.match(/^[0-9a-f-]{36}$/);
      expect(record.endedAt.getTime()).to.be.at.least(record.startedAt.getTime());
    });

    it('hands the handler its own copy of the payload, as Lambda deserialises it', async () => {
      const payload = { list: [1] };
      const runtime = createLambdaRuntime({
        functions: {
          mutate: {
            handler: async (event) => {
              (event as { list: number[] }).list.push(2);
              return event;
            },
            timeoutMs: 1_000,
          },
        },
        concurrency: 1,
      });

      const record = await runtime.invoke('mutate', payload);

      expect(payload).to.deep.equal({ list: [1] });
      expect(JSON.parse(record.payload)).to.deep.equal({ list: [1, 2] });
    });

    const results: Array<[string, unknown, string]> = [
      ['undefined', undefined, 'null'],
      ['null', null, 'null'],
      ['a string', 'ok', '"ok"'],
      ['a number', 42, '42'],
    ];
    for (const [label, result, expected] of results) {
      it(`answers ${expected} for a handler returning ${label}`, async () => {
        const runtime = createLambdaRuntime({ functions: { f: { handler: async () => result, timeoutMs: 1_000 } }, concurrency: 1 });
        expect((await runtime.invoke('f', {})).payload).to.equal(expected);
      });
    }

    const references = [
      'echo',
      'echo:$LATEST',
      'arn:aws:lambda:us-east-1:000000000000:function:echo',
      'arn:aws:lambda:us-east-1:000000000000:function:echo:$LATEST',
      '000000000000:function:echo',
    ];
    for (const reference of references) {
      it(`finds the function by ${reference}`, async () => {
        const runtime = createLambdaRuntime({ functions: { echo: ECHO }, concurrency: 1 });
        expect((await runtime.invoke(reference, 1)).functionName).to.equal('echo');
      });
    }
  });

  describe('Method: invoke (function errors)', () => {
    it('reports a thrown Error as the Node.js runtime does: errorType, errorMessage, trace', async () => {
      const runtime = createLambdaRuntime({
        functions: { reserve: { handler: async () => Promise.reject(new InventoryUnavailable('stock service down')), timeoutMs: 1_000 } },
        concurrency: 1,
      });

      const record = await runtime.invoke('reserve', {});

      expect(record.functionError).to.equal('Unhandled');
      const payload = JSON.parse(record.payload) as { errorType: string; errorMessage: string; trace: string[] };
      expect(Object.keys(payload)).to.deep.equal(['errorType', 'errorMessage', 'trace']);
      expect(payload.errorType).to.equal('InventoryUnavailable');
      expect(payload.errorMessage).to.equal('stock service down');
      expect(payload.trace[0]).to.equal('InventoryUnavailable: stock service down');
      expect(payload.trace.length).to.be.greaterThan(1);
    });

    const thrownValues: Array<[string, () => unknown, { errorType: string; errorMessage: string }]> = [
      ['a string', () => 'boom', { errorType: 'string', errorMessage: 'boom' }],
      ['a number', () => 7, { errorType: 'number', errorMessage: '7' }],
      ['a TypeError', () => new TypeError('bad'), { errorType: 'TypeError', errorMessage: 'bad' }],
      [
        'an object whose toString throws',
        () => ({
          toString() {
            throw new Error('hostile');
          },
        }),
        {
          errorType: 'handled',
          errorMessage:
            'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack',
        },
      ],
    ];
    for (const [label, make, expected] of thrownValues) {
      it(`reports ${label} thrown by a handler`, async () => {
        const runtime = createLambdaRuntime({
          functions: {
            f: {
              handler: async () => {
                throw make();
              },
              timeoutMs: 1_000,
            },
          },
          concurrency: 1,
        });

        const record = await runtime.invoke('f', {});

        expect(record.functionError).to.equal('Unhandled');
        expect(JSON.parse(record.payload)).to.include(expected);
      });
    }

    it('reports a synchronous throw from a non-async handler', async () => {
      const runtime = createLambdaRuntime({
        functions: {
          f: {
            handler: () => {
              throw new RangeError('sync');
            },
            timeoutMs: 1_000,
          },
        },
        concurrency: 1,
      });
      expect(JSON.parse((await runtime.invoke('f', {})).payload)).to.include({ errorType: 'RangeError', errorMessage: 'sync' });
    });

    it('reports a timeout as Sandbox.Timedout with the request id and the timeout in seconds', async () => {
      const runtime = createLambdaRuntime({
        functions: { slow: { handler: () => new Promise(() => undefined), timeoutMs: 30 } },
        concurrency: 1,
      });

      const record = await runtime.invoke('slow', {});

      expect(record.functionError).to.equal('Unhandled');
      expect(JSON.parse(record.payload)).to.deep.equal({
        errorType: 'Sandbox.Timedout',
        errorMessage: `RequestId: ${record.requestId} Error: Task timed out after 0.03 seconds`,
      });
      expect(record.logs.map((line) => line.text)).to.satisfy((texts: string[]) =>
        texts.some((text) => text.endsWith(`${record.requestId} Task timed out after 0.03 seconds`)),
      );
    });

    it('frees the slot of a timed-out invocation and drops what it writes afterwards', async () => {
      const runtime = createLambdaRuntime({
        functions: {
          slow: {
            handler: async () => {
              await sleep(60);
              console.log('too late');
              return 'late';
            },
            timeoutMs: 20,
          },
        },
        concurrency: 1,
      });

      const record = await runtime.invoke('slow', {});
      expect(runtime.inFlight).to.equal(0);
      await sleep(80);

      expect(record.logs.map((line) => line.text)).not.to.include('too late');
      expect(JSON.parse(record.payload)).to.have.property('errorType', 'Sandbox.Timedout');
    });

    it('answers Function.ResponseSizeTooLarge for a result over 6,291,556 bytes', async () => {
      const runtime = createLambdaRuntime({
        functions: {
          exact: { handler: async () => 'x'.repeat(MAX_SYNC_RESPONSE_BYTES - 2), timeoutMs: 5_000 },
          over: { handler: async () => 'x'.repeat(MAX_SYNC_RESPONSE_BYTES - 1), timeoutMs: 5_000 },
        },
        concurrency: 1,
      });

      const exact = await runtime.invoke('exact', {});
      const over = await runtime.invoke('over', {});

      expect(exact.functionError).to.equal(undefined);
      expect(exact.payload.length).to.equal(MAX_SYNC_RESPONSE_BYTES);
      expect(over.functionError).to.equal('Unhandled');
      expect(JSON.parse(over.payload)).to.deep.equal({
        errorType: 'Function.ResponseSizeTooLarge',
        errorMessage: 'Response payload size exceeded maximum allowed payload size (6291556 bytes).',
      });
    });

    it('reports a result that cannot be serialised as a function error', async () => {
      const circular: Record<string, unknown> = {};
      circular.self = circular;
      const runtime = createLambdaRuntime({ functions: { f: { handler: async () => circular, timeoutMs: 1_000 } }, concurrency: 1 });

      const record = await runtime.invoke('f', {});

      expect(record.functionError).to.equal('Unhandled');
      expect(JSON.parse(record.payload)).to.have.property('errorType', 'TypeError');
    });

    it('lets the deprecated context.succeed / context.fail settle the invocation', async () => {
      const runtime = createLambdaRuntime({
        functions: {
          ok: { handler: (_event, context) => { context.succeed({ via: 'succeed' }); return new Promise(() => undefined); }, timeoutMs: 1_000 },
          ko: { handler: (_event, context) => { context.fail(new Error('via fail')); return new Promise(() => undefined); }, timeoutMs: 1_000 },
        },
        concurrency: 2,
      });

      expect(JSON.parse((await runtime.invoke('ok', {})).payload)).to.deep.equal({ via: 'succeed' });
      expect(JSON.parse((await runtime.invoke('ko', {})).payload)).to.include({ errorType: 'Error', errorMessage: 'via fail' });
    });
  });

  describe('Method: invoke (service exceptions)', () => {
    const unknownReferences: Array<[string, string]> = [
      ['an unknown name', 'nope'],
      ['a prototype key', '__proto__'],
      ['another name of Object.prototype', 'constructor'],
      ['an ARN in another region', 'arn:aws:lambda:eu-west-1:000000000000:function:echo'],
      ['an ARN in another account', 'arn:aws:lambda:us-east-1:111111111111:function:echo'],
      ['a version qualifier', 'echo:3'],
      ['a malformed reference', '../../echo'],
      ['an empty name', ''],
    ];
    for (const [label, reference] of unknownReferences) {
      it(`throws ResourceNotFoundException for ${label}`, async () => {
        const runtime = createLambdaRuntime({ functions: { echo: ECHO }, concurrency: 1 });

        const error = await rejection(runtime.invoke(reference, {}));

        expect(error).to.be.instanceOf(ResourceNotFoundException);
        expect((error as ResourceNotFoundException).statusCode).to.equal(404);
        expect((error as ResourceNotFoundException).aslError).to.equal('Lambda.ResourceNotFoundException');
      });
    }

    it('names the missing function by its ARN, in the message and the Step Functions cause', async () => {
      const runtime = createLambdaRuntime({ functions: {}, concurrency: 1 });

      const error = (await rejection(runtime.invoke('chargePayment', {}))) as ResourceNotFoundException;

      expect(error.name).to.equal('ResourceNotFoundException');
      expect(error.message).to.equal('Function not found: arn:aws:lambda:us-east-1:000000000000:function:chargePayment');
      expect(error.aslCause).to.equal(
        `Function not found: arn:aws:lambda:us-east-1:000000000000:function:chargePayment (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: ${error.requestId}; Proxy: null)`,
      );
    });

    it('throws RequestEntityTooLargeException for a request over 6 MB, and accepts exactly 6 MB', async () => {
      const runtime = createLambdaRuntime({ functions: { f: { handler: async () => 'ok', timeoutMs: 5_000 } }, concurrency: 1 });

      const fits = await runtime.invoke('f', 'x'.repeat(MAX_SYNC_REQUEST_BYTES - 2));
      const error = await rejection(runtime.invoke('f', 'x'.repeat(MAX_SYNC_REQUEST_BYTES - 1)));

      expect(fits.payload).to.equal('"ok"');
      expect(error).to.be.instanceOf(RequestEntityTooLargeException);
      expect((error as RequestEntityTooLargeException).message).to.equal(
        'Request must be smaller than 6291456 bytes for the InvokeFunction operation',
      );
      expect((error as RequestEntityTooLargeException).statusCode).to.equal(413);
    });

    it('throws InvalidRequestContentException for a payload that is not JSON-serialisable', async () => {
      const runtime = createLambdaRuntime({ functions: { echo: ECHO }, concurrency: 1 });
      const error = await rejection(runtime.invoke('echo', { amount: 10n }));
      expect(error).to.be.instanceOf(InvalidRequestContentException);
      expect(error).to.be.instanceOf(LambdaServiceError);
    });

    it('throws TooManyRequestsException over the concurrency limit, as Lambda does', async () => {
      // Prepare
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const runtime = createLambdaRuntime({
        functions: { held: { handler: async () => gate.then(() => 'done'), timeoutMs: 1_000 } },
        concurrency: 1,
      });

      // Act
      const first = runtime.invoke('held', {});
      const error = await rejection(runtime.invoke('held', {}));
      release();

      // Assess
      expect(error).to.be.instanceOf(TooManyRequestsException);
      const throttled = error as TooManyRequestsException;
      expect(throttled.message).to.equal('Rate Exceeded.');
      expect(throttled.reason).to.equal('ConcurrentInvocationLimitExceeded');
      expect(throttled.statusCode).to.equal(429);
      expect(throttled.aslError).to.equal('Lambda.TooManyRequestsException');
      expect(throttled.aslCause).to.match(/^Rate Exceeded\. \(Service: AWSLambda; Status Code: 429; Error Code: TooManyRequestsException; Request ID: [0-9a-f-]{36}; Proxy: null\)$/);
      expect((await first).payload).to.equal('"done"');
      expect(runtime.inFlight).to.equal(0);
    });

    it('queues over the concurrency limit when asked to, running at most `concurrency` at once', async () => {
      let running = 0;
      let peak = 0;
      const runtime = createLambdaRuntime({
        functions: {
          work: {
            handler: async (event) => {
              running += 1;
              peak = Math.max(peak, running);
              await sleep(5);
              running -= 1;
              return event;
            },
            timeoutMs: 1_000,
          },
        },
        concurrency: 2,
        whenThrottled: 'queue',
      });

      const records = await Promise.all([1, 2, 3, 4, 5].map((n) => runtime.invoke('work', n)));

      expect(records.map((record) => record.payload)).to.deep.equal(['1', '2', '3', '4', '5']);
      expect(peak).to.equal(2);
      expect(runtime.inFlight).to.equal(0);
    });
  });

  describe('Method: invoke (context)', () => {
    it('gives the handler a Lambda-like context', async () => {
      // Prepare
      let clock = 1_000_000;
      let seen: LambdaContext | undefined;
      const remaining: number[] = [];
      const runtime = createLambdaRuntime({
        functions: {
          validateOrder: {
            handler: async (_event, context) => {
              seen = context;
              remaining.push(context.getRemainingTimeInMillis());
              clock += 400;
              remaining.push(context.getRemainingTimeInMillis());
              clock += 1_000;
              remaining.push(context.getRemainingTimeInMillis());
              return null;
            },
            timeoutMs: 1_000,
            memoryMb: 256,
          },
        },
        concurrency: 1,
        region: 'eu-west-1',
        accountId: '123456789012',
        now: () => clock,
      });

      // Act
      const record = await runtime.invoke('validateOrder', {});

      // Assess
      expect(seen).to.include({
        functionName: 'validateOrder',
        functionVersion: '$LATEST',
        invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:validateOrder',
        memoryLimitInMB: '256',
        awsRequestId: record.requestId,
        logGroupName: '/aws/lambda/validateOrder',
        callbackWaitsForEmptyEventLoop: true,
      });
      expect(seen?.logStreamName).to.match(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
      expect(remaining).to.deep.equal([1_000, 600, 0]);
      expect(runtime.functionArn('validateOrder')).to.equal('arn:aws:lambda:eu-west-1:123456789012:function:validateOrder');
    });
  });

  describe('Constructor checks', () => {
    const bad: Array<[string, () => unknown]> = [
      ['a zero concurrency', () => createLambdaRuntime({ functions: {}, concurrency: 0 })],
      ['a fractional concurrency', () => createLambdaRuntime({ functions: {}, concurrency: 1.5 })],
      ['a zero timeout', () => createLambdaRuntime({ functions: { f: { ...ECHO, timeoutMs: 0 } }, concurrency: 1 })],
      ['a timeout over 15 minutes', () => createLambdaRuntime({ functions: { f: { ...ECHO, timeoutMs: 900_001 } }, concurrency: 1 })],
    ];
    for (const [label, create] of bad) {
      it(`refuses ${label}`, () => {
        expect(create).to.throw(RangeError);
      });
    }
  });
});
