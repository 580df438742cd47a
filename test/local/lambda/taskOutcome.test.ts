import { expect } from 'chai';
import {
  createLambdaRuntime,
  invocationOutcome,
  invokeFailureOutcome,
  ResourceNotFoundException,
  TooManyRequestsException,
} from '../../../local/lambda';

class PaymentProcessorUnavailable extends Error {
  public constructor() {
    super('processor timeout');
    this.name = 'PaymentProcessorUnavailable';
  }
}

describe('Function: invocationOutcome', () => {
  const runtime = createLambdaRuntime({
    functions: {
      ok: { handler: async () => ({ status: 'APPROVED' }), timeoutMs: 1_000 },
      fails: {
        handler: async () => {
          throw new PaymentProcessorUnavailable();
        },
        timeoutMs: 1_000,
      },
      hangs: { handler: () => new Promise(() => undefined), timeoutMs: 10 },
    },
    concurrency: 3,
  });

  it('gives the parsed result of a successful invocation', async () => {
    expect(invocationOutcome(await runtime.invoke('ok', {}))).to.deep.equal({ ok: true, output: { status: 'APPROVED' } });
  });

  it('gives the errorType as the ASL error and the payload JSON as the cause', async () => {
    const record = await runtime.invoke('fails', {});

    const outcome = invocationOutcome(record);

    expect(outcome).to.deep.equal({ ok: false, error: 'PaymentProcessorUnavailable', cause: record.payload });
    expect(JSON.parse(record.payload)).to.include({ errorType: 'PaymentProcessorUnavailable', errorMessage: 'processor timeout' });
  });

  it('gives Sandbox.Timedout for a timeout', async () => {
    const outcome = invocationOutcome(await runtime.invoke('hangs', {}));
    expect(outcome.ok).to.equal(false);
    expect(outcome.ok === false && outcome.error).to.equal('Sandbox.Timedout');
  });

  it('gives Lambda.Unknown for a failure payload without an errorType', () => {
    const record = { ...fakeRecord(), functionError: 'Unhandled' as const, payload: '"crashed"' };
    expect(invocationOutcome(record)).to.deep.equal({ ok: false, error: 'Lambda.Unknown', cause: '"crashed"' });
  });
});

describe('Function: invokeFailureOutcome', () => {
  const cases: Array<[string, unknown, string]> = [
    ['a throttle', new TooManyRequestsException('ConcurrentInvocationLimitExceeded', 'r-1'), 'Lambda.TooManyRequestsException'],
    ['a missing function', new ResourceNotFoundException('arn:aws:lambda:us-east-1:000000000000:function:x', 'r-2'), 'Lambda.ResourceNotFoundException'],
    ['anything else', new Error('socket hang up'), 'Lambda.Unknown'],
  ];
  for (const [label, thrown, error] of cases) {
    it(`names ${label} ${error}`, () => {
      const outcome = invokeFailureOutcome(thrown);
      expect(outcome.ok === false && outcome.error).to.equal(error);
    });
  }

  it('gives the SDK-style cause of a service exception', () => {
    const outcome = invokeFailureOutcome(new TooManyRequestsException('ConcurrentInvocationLimitExceeded', 'r-1'));
    expect(outcome).to.deep.equal({
      ok: false,
      error: 'Lambda.TooManyRequestsException',
      cause: 'Rate Exceeded. (Service: AWSLambda; Status Code: 429; Error Code: TooManyRequestsException; Request ID: r-1; Proxy: null)',
    });
  });
});

function fakeRecord() {
  return {
    functionName: 'f',
    requestId: 'r',
    functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:f',
    statusCode: 200 as const,
    executedVersion: '$LATEST' as const,
    payload: 'null',
    startedAt: new Date(0),
    endedAt: new Date(0),
    durationMs: 0,
    logs: [],
    droppedLogLines: 0,
  };
}
