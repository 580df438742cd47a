import { expect } from 'chai';
import { analyseFailure, stateVisits, type FailureAnalysis } from '../../../local/dashboard';
import { lambda, retry, returns, runDefinition, throws, type Script } from './support/runDefinition';

interface Case {
  readonly name: string;
  readonly definition: Record<string, unknown>;
  readonly scripts: Record<string, Script>;
  readonly errorPaths?: Record<string, string>;
  readonly expected: {
    readonly state: string;
    readonly kind: string;
    readonly error: string;
    readonly retries: number;
    readonly after: readonly string[];
    readonly input?: unknown;
  };
}

// A workflow that records which step failed in $.failure, compensates, and fails with it.
const compensating = (chargeScript: Script): Pick<Case, 'definition' | 'scripts' | 'errorPaths'> => ({
  definition: {
    StartAt: 'Reserve',
    States: {
      Reserve: lambda('reserve', { ResultPath: '$.reservation', Next: 'Charge' }),
      Charge: lambda('charge', {
        ResultPath: '$.payment',
        Retry: [retry('Busy', 2)],
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'RecordError' }],
        Next: 'Check',
      }),
      Check: { Type: 'Choice', Choices: [{ Variable: '$.payment.status', StringEquals: 'APPROVED', Next: 'Done' }], Default: 'RecordDecline' },
      RecordDecline: { Type: 'Pass', Parameters: { step: 'Charge', error: 'PaymentDeclined', cause: 'declined' }, ResultPath: '$.failure', Next: 'Release' },
      RecordError: { Type: 'Pass', Parameters: { step: 'Charge', error: 'PaymentError', cause: 'down' }, ResultPath: '$.failure', Next: 'Release' },
      Release: lambda('release', { ResultPath: null, Next: 'Failed' }),
      Failed: { Type: 'Fail', ErrorPath: '$.failure.error', CausePath: '$.failure.cause' },
      Done: { Type: 'Succeed' },
    },
  },
  scripts: { reserve: returns({ id: 'r1' }), charge: chargeScript, release: returns() },
  errorPaths: { Failed: '$.failure.error' },
});

const cases: Case[] = [
  {
    name: 'an uncaught task error',
    definition: { StartAt: 'A', States: { A: lambda('a', { Retry: [retry('Broken', 1)], Next: 'B' }), B: { Type: 'Pass', End: true } } },
    scripts: { a: throws('Broken') },
    expected: { state: 'A', kind: 'uncaught', error: 'Broken', retries: 1, after: [], input: { orderId: 'o-1' } },
  },
  {
    name: 'a caught task error, then compensation',
    ...compensating(throws('Busy')),
    expected: { state: 'Charge', kind: 'caught', error: 'Busy', retries: 2, after: ['RecordError', 'Release', 'Failed'] },
  },
  {
    name: 'a business failure the Fail state reports by step',
    ...compensating(() => ({ result: { status: 'DECLINED' } })),
    expected: { state: 'Charge', kind: 'reported', error: 'PaymentDeclined', retries: 0, after: ['Check', 'RecordDecline', 'Release', 'Failed'] },
  },
  {
    name: 'a Fail state that names no step',
    definition: { StartAt: 'P', States: { P: { Type: 'Pass', Next: 'F' }, F: { Type: 'Fail', Error: 'Nope', Cause: 'because' } } },
    scripts: {},
    expected: { state: 'F', kind: 'failState', error: 'Nope', retries: 0, after: ['F'] },
  },
];

describe('Function: analyseFailure', () => {
  for (const c of cases) {
    it(`finds ${c.name}`, async () => {
      // Prepare
      const ran = await runDefinition(c.definition, c.scripts);
      // Act
      const analysis: FailureAnalysis = analyseFailure(ran.execution, stateVisits(ran.events), (name) => c.errorPaths?.[name]);
      // Assess
      expect(analysis.status).to.equal('FAILED');
      expect(analysis.failurePoint?.state).to.equal(c.expected.state);
      expect(analysis.failurePoint?.kind).to.equal(c.expected.kind);
      expect(analysis.failurePoint?.error).to.equal(c.expected.error);
      expect(analysis.retries).to.equal(c.expected.retries);
      expect(analysis.attempts.length).to.equal(c.expected.kind === 'failState' ? 0 : c.expected.retries + 1);
      expect(analysis.after.map((s) => s.state)).to.deep.equal(c.expected.after);
      if (c.expected.input !== undefined) expect(JSON.parse(analysis.failurePoint?.input ?? 'null')).to.deep.equal(c.expected.input);
    });
  }

  it('gives the cause of the failing attempt, and of every retried one', async () => {
    const ran = await runDefinition(cases[1]!.definition, cases[1]!.scripts);
    const analysis = analyseFailure(ran.execution, stateVisits(ran.events));
    expect(JSON.parse(analysis.failurePoint?.cause ?? '{}')).to.include({ errorType: 'Busy', errorMessage: 'Busy happened' });
    expect(analysis.attempts.map((a) => [a.outcome, a.error])).to.deep.equal([
      ['failed', 'Busy'],
      ['failed', 'Busy'],
      ['failed', 'Busy'],
    ]);
    expect(analysis.error).to.equal('PaymentError');
  });

  it('has no failure point for a successful execution', async () => {
    const ran = await runDefinition({ StartAt: 'A', States: { A: lambda('a', { End: true }) } }, { a: returns() });
    const analysis = analyseFailure(ran.execution, stateVisits(ran.events));
    expect(analysis.failurePoint).to.equal(undefined);
    expect(analysis.after).to.deep.equal([]);
  });
});
