import { expect } from 'chai';
import { LAMBDA_SERVICE_EXCEPTIONS, Retry, retryOn, StatesErrors } from '../../../workflow/dsl';

describe('Object: Retry (presets)', () => {
  it('lambdaServiceExceptions is AWS best practice: 2 s, 6 attempts, backoff 2', () => {
    expect(Retry.lambdaServiceExceptions()).to.deep.equal({
      ErrorEquals: ['Lambda.ClientExecutionTimeoutException', 'Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException'],
      IntervalSeconds: 2,
      MaxAttempts: 6,
      BackoffRate: 2,
    });
  });

  it('lets options override a preset', () => {
    expect(Retry.lambdaServiceExceptions({ maxAttempts: 3, jitter: 'FULL' })).to.deep.include({ MaxAttempts: 3, JitterStrategy: 'FULL', IntervalSeconds: 2 });
  });

  it('exponentialWithJitter caps the delay and randomises it fully', () => {
    expect(Retry.exponentialWithJitter(['Busy'])).to.deep.equal({
      ErrorEquals: ['Busy'],
      IntervalSeconds: 1,
      MaxAttempts: 4,
      BackoffRate: 2,
      MaxDelaySeconds: 30,
      JitterStrategy: 'FULL',
    });
  });

  it('everything retries States.ALL', () => {
    expect(Retry.everything().ErrorEquals).to.deep.equal([StatesErrors.ALL]);
  });

  it('names the predefined errors as ASL spells them', () => {
    for (const [key, name] of Object.entries(StatesErrors)) expect(name).to.equal(`States.${key}`);
  });

  it('retryOn renders only the options given, and copies the error list', () => {
    const errors: [string, ...string[]] = ['A', 'B'];
    const retrier = retryOn(errors, { maxAttempts: 0 });
    errors.push('C');
    expect(retrier).to.deep.equal({ ErrorEquals: ['A', 'B'], MaxAttempts: 0 });
    expect(LAMBDA_SERVICE_EXCEPTIONS).to.have.length(4);
  });
});
