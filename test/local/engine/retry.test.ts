import { expect } from 'chai';
import { flushMicrotasks } from '../../../local/engine/clock';
import { errorMatches, retryDelayMs } from '../../../local/engine/retry';
import type { Retrier, StateMachineDefinition } from '../../../local/engine';
import { fakeClock, fn, lambdaError, testEngine } from './helpers';

describe('Function: retryDelayMs', () => {
  const cases: Array<[string, Retrier, number, number]> = [
    ['defaults: 1 s', { ErrorEquals: ['X'] }, 0, 1000],
    ['defaults: doubles', { ErrorEquals: ['X'] }, 2, 4000],
    ['IntervalSeconds and BackoffRate', { ErrorEquals: ['X'], IntervalSeconds: 3, BackoffRate: 1.5 }, 2, 6750],
    ['capped by MaxDelaySeconds', { ErrorEquals: ['X'], IntervalSeconds: 10, BackoffRate: 10, MaxDelaySeconds: 30 }, 3, 30_000],
    ['JitterStrategy FULL scales by the random draw', { ErrorEquals: ['X'], IntervalSeconds: 4, JitterStrategy: 'FULL' }, 1, 2000],
  ];
  for (const [name, retrier, attempt, expected] of cases) {
    it(name, () => {
      expect(retryDelayMs(retrier, attempt, () => 0.25)).to.equal(expected);
    });
  }
});

describe('Function: errorMatches', () => {
  const cases: Array<[string[], string, boolean]> = [
    [['States.ALL'], 'Anything', true],
    [['States.ALL'], 'States.Runtime', false],
    [['States.ALL'], 'States.DataLimitExceeded', false],
    [['States.TaskFailed'], 'Custom', true],
    [['States.TaskFailed'], 'States.Timeout', false],
    [['States.Timeout'], 'States.Timeout', true],
    [['A', 'B'], 'B', true],
    [['A'], 'B', false],
  ];
  for (const [equals, error, expected] of cases) {
    it(`${JSON.stringify(equals)} ${expected ? 'matches' : 'does not match'} ${error}`, () => {
      expect(errorMatches(equals, error)).to.equal(expected);
    });
  }
});

describe('Retry: timing on a fake clock', () => {
  const definition = (retry: Retrier[]): StateMachineDefinition => ({
    StartAt: 'T',
    States: { T: { Type: 'Task', Resource: fn('flaky'), Retry: retry, End: true } },
  });

  async function drive(clock: ReturnType<typeof fakeClock>, done: () => boolean): Promise<void> {
    for (let i = 0; i < 50 && !done(); i++) {
      await flushMicrotasks();
      await clock.advance(60_000);
    }
  }

  it('waits IntervalSeconds × BackoffRate^n between attempts, then fails', async () => {
    // Prepare
    const clock = fakeClock();
    let calls = 0;
    const engine = testEngine({ flaky: () => { calls++; throw lambdaError('Transient'); } }, { clock });

    // Act
    const { executionArn } = engine.startExecution(definition([{ ErrorEquals: ['Transient'], IntervalSeconds: 2, BackoffRate: 3, MaxAttempts: 3 }]));
    await drive(clock, () => engine.describeExecution(executionArn).status !== 'RUNNING');

    // Assess
    const d = engine.describeExecution(executionArn);
    expect(d.status).to.equal('FAILED');
    expect(d.error).to.equal('Transient');
    expect(calls).to.equal(4);
    expect(clock.sleeps).to.deep.equal([2000, 6000, 18_000]);
  });

  it('counts attempts per retrier and uses only the first that matches', async () => {
    // Prepare
    const clock = fakeClock();
    const errors = ['A', 'B', 'A', 'B', 'A'];
    let call = 0;
    const engine = testEngine({ flaky: () => { if (call < errors.length) throw lambdaError(errors[call++]); return 'ok'; } }, { clock });

    // Act
    const { executionArn } = engine.startExecution(
      definition([
        { ErrorEquals: ['A'], IntervalSeconds: 1, BackoffRate: 2, MaxAttempts: 3 },
        { ErrorEquals: ['B', 'A'], IntervalSeconds: 10, BackoffRate: 1, MaxAttempts: 2 },
      ]),
    );
    await drive(clock, () => engine.describeExecution(executionArn).status !== 'RUNNING');

    // Assess
    expect(engine.describeExecution(executionArn).status).to.equal('SUCCEEDED');
    expect(clock.sleeps).to.deep.equal([1000, 10_000, 2000, 10_000, 4000]);
  });

  it('applies MaxDelaySeconds and FULL jitter', async () => {
    // Prepare
    const clock = fakeClock();
    let calls = 0;
    const engine = testEngine({ flaky: () => { if (calls++ < 3) throw lambdaError('T'); return 1; } }, { clock, random: () => 0.5 });

    // Act
    const { executionArn } = engine.startExecution(
      definition([{ ErrorEquals: ['States.ALL'], IntervalSeconds: 10, BackoffRate: 4, MaxDelaySeconds: 60, JitterStrategy: 'FULL', MaxAttempts: 5 }]),
    );
    await drive(clock, () => engine.describeExecution(executionArn).status !== 'RUNNING');

    // Assess
    expect(engine.describeExecution(executionArn).status).to.equal('SUCCEEDED');
    expect(clock.sleeps).to.deep.equal([5000, 20_000, 30_000]);
  });

  it('exposes the retry count as $$.State.RetryCount', async () => {
    // Prepare
    const clock = fakeClock();
    const seen: unknown[] = [];
    const engine = testEngine({ flaky: (p) => { seen.push(p); if (seen.length < 3) throw lambdaError('T'); return p; } }, { clock });

    // Act
    const { executionArn } = engine.startExecution({
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: fn('flaky'), Parameters: { 'n.$': '$$.State.RetryCount' }, Retry: [{ ErrorEquals: ['T'] }], End: true } },
    });
    await drive(clock, () => engine.describeExecution(executionArn).status !== 'RUNNING');

    // Assess
    expect(seen).to.deep.equal([{ n: 0 }, { n: 1 }, { n: 2 }]);
  });
});
