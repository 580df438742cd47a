import { expect } from 'chai';
import { stateReports, stateVisits, timeline, type StateOutcome } from '../../../local/dashboard';
import { historyOf } from './support/histories';
import { failsFirst, lambda, retry, returns, runDefinition, throws, type Script } from './support/runDefinition';

interface Case {
  readonly name: string;
  readonly definition: Record<string, unknown>;
  readonly scripts: Record<string, Script>;
  readonly expected: Record<string, { outcome: StateOutcome; retries?: number }>;
}

const cases: Case[] = [
  {
    name: 'a task that succeeds at once',
    definition: { StartAt: 'A', States: { A: lambda('a', { Next: 'Done' }), Done: { Type: 'Succeed' }, Unused: { Type: 'Pass', End: true } } },
    scripts: { a: returns() },
    expected: { A: { outcome: 'succeeded', retries: 0 }, Done: { outcome: 'succeeded' }, Unused: { outcome: 'notReached' } },
  },
  {
    name: 'a task that succeeds after two retries',
    definition: { StartAt: 'A', States: { A: lambda('a', { Retry: [retry('Busy', 3)], End: true }) } },
    scripts: { a: failsFirst(2, 'Busy') },
    expected: { A: { outcome: 'retried', retries: 2 } },
  },
  {
    name: 'a task whose error is caught after its retries',
    definition: {
      StartAt: 'A',
      States: {
        A: lambda('a', { Retry: [retry('Busy', 1)], Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Handle' }], Next: 'Skipped' }),
        Handle: { Type: 'Pass', End: true },
        Skipped: { Type: 'Pass', End: true },
      },
    },
    scripts: { a: throws('Busy') },
    expected: { A: { outcome: 'caught', retries: 1 }, Handle: { outcome: 'succeeded' }, Skipped: { outcome: 'notReached' } },
  },
  {
    name: 'a task whose error fails the execution',
    definition: { StartAt: 'A', States: { A: lambda('a', { Next: 'B' }), B: { Type: 'Pass', End: true } } },
    scripts: { a: throws('Broken') },
    expected: { A: { outcome: 'failed', retries: 0 }, B: { outcome: 'notReached' } },
  },
  {
    name: 'a Fail state',
    definition: { StartAt: 'P', States: { P: { Type: 'Pass', Next: 'F' }, F: { Type: 'Fail', Error: 'Nope', Cause: 'because' } } },
    scripts: {},
    expected: { P: { outcome: 'succeeded' }, F: { outcome: 'failed' } },
  },
  {
    name: 'a Parallel state with a caught branch error',
    definition: {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          End: true,
          Branches: [
            { StartAt: 'L', States: { L: lambda('left', { Catch: [{ ErrorEquals: ['States.ALL'], Next: 'LErr' }], End: true }), LErr: { Type: 'Pass', End: true } } },
            { StartAt: 'R', States: { R: lambda('right', { End: true }) } },
          ],
        },
      },
    },
    scripts: { left: throws('Down'), right: returns() },
    expected: { Both: { outcome: 'succeeded' }, L: { outcome: 'caught' }, LErr: { outcome: 'succeeded' }, R: { outcome: 'succeeded' } },
  },
  {
    name: 'a Parallel state whose failing branch stops the other',
    definition: {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          End: true,
          Branches: [
            { StartAt: 'L', States: { L: lambda('left', { End: true }) } },
            { StartAt: 'Slow', States: { Slow: { Type: 'Wait', Seconds: 30, Next: 'Later' }, Later: { Type: 'Pass', End: true } } },
          ],
        },
      },
    },
    scripts: { left: throws('Down') },
    expected: { Both: { outcome: 'failed' }, L: { outcome: 'failed' }, Slow: { outcome: 'cancelled' }, Later: { outcome: 'notReached' } },
  },
];

describe('Function: stateReports', () => {
  for (const c of cases) {
    it(`reports ${c.name}`, async () => {
      // Prepare
      const ran = await runDefinition(c.definition, c.scripts);
      const names = Object.keys(c.expected);
      // Act
      const reports = stateReports(names, stateVisits(ran.events), ran.execution.status);
      // Assess
      for (const [name, want] of Object.entries(c.expected)) {
        const got = reports.find((r) => r.name === name);
        expect(got?.outcome, name).to.equal(want.outcome);
        if (want.retries !== undefined) expect(got?.retries, `${name} retries`).to.equal(want.retries);
      }
    });
  }

  it('keeps the last error of a state and its cause', async () => {
    const ran = await runDefinition({ StartAt: 'A', States: { A: lambda('a', { End: true }) } }, { a: throws('Broken') });
    const [a] = stateReports(['A'], stateVisits(ran.events), ran.execution.status);
    expect(a?.error).to.equal('Broken');
    expect(JSON.parse(a?.cause ?? '{}')).to.include({ errorType: 'Broken', errorMessage: 'Broken happened' });
  });
});

describe('Function: timeline', () => {
  it('lists every visit in order, nested branch states one level deeper', async () => {
    const ran = await runDefinition(cases[5]!.definition, cases[5]!.scripts);
    const rows = timeline(stateVisits(ran.events), ran.execution.status);
    expect(rows.map((r) => [r.name, r.depth])).to.have.deep.members([
      ['Both', 0],
      ['L', 1],
      ['LErr', 1],
      ['R', 1],
    ]);
    expect(rows[0]?.name).to.equal('Both');
    for (const r of rows) expect(r.durationMs).to.equal(Date.parse(r.endedAt) - Date.parse(r.enteredAt));
  });
});

describe('Function: stateReports (while running)', () => {
  it('reports the state an execution is in as running, and the rest as not reached', () => {
    // Prepare: a history that stops while A's task runs
    const events = historyOf(Date.parse('2026-03-01T10:00:00Z'), [{ name: 'A', at: 0, durationMs: 10 }]).filter((e) => e.type !== 'LambdaFunctionSucceeded' && e.type !== 'TaskStateExited');
    // Act
    const reports = stateReports(['A', 'B'], stateVisits(events), 'RUNNING');
    // Assess
    expect(reports.map((r) => [r.name, r.outcome])).to.deep.equal([
      ['A', 'running'],
      ['B', 'notReached'],
    ]);
  });
});
