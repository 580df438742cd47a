import { expect } from 'chai';
import type { StateMachineDefinition } from '../../../local/engine';
import { fn, lambdaError, runDefinition } from './helpers';

const branch = (name: string, resource: string) => ({ StartAt: name, States: { [name]: { Type: 'Task' as const, Resource: resource, End: true } } });

describe('State: Parallel', () => {
  it('runs every branch on the same input and collects their outputs in order', async () => {
    // Prepare
    const definition: StateMachineDefinition = {
      StartAt: 'P',
      States: { P: { Type: 'Parallel', Branches: [branch('A', fn('double')), branch('B', fn('square'))], End: true } },
    };

    // Act
    const r = await runDefinition(definition, 3, { double: (n) => (n as number) * 2, square: (n) => (n as number) ** 2 });

    // Assess
    expect(r.output).to.deep.equal([6, 9]);
    expect(r.types.filter((t) => t.startsWith('Parallel'))).to.deep.equal(['ParallelStateEntered', 'ParallelStateStarted', 'ParallelStateSucceeded', 'ParallelStateExited']);
  });

  it('fails with the failing branch’s error and cancels the other branches', async () => {
    // Prepare
    let slowSignal: AbortSignal | undefined;
    let slowFinished = false;
    const definition: StateMachineDefinition = {
      StartAt: 'P',
      States: { P: { Type: 'Parallel', Branches: [branch('Slow', fn('slow')), branch('Bad', fn('bad'))], End: true } },
    };
    const handlers = {
      slow: async (_: unknown, request: { signal: AbortSignal }) => {
        slowSignal = request.signal;
        await new Promise((resolve) => setTimeout(resolve, 200));
        slowFinished = true;
        return 'late';
      },
      bad: async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        throw lambdaError('BranchBroke', 'no');
      },
    };

    // Act
    const r = await runDefinition(definition, {}, handlers as never);

    // Assess
    expect(r.description.status).to.equal('FAILED');
    expect(r.description.error).to.equal('BranchBroke');
    expect(JSON.parse(r.description.cause!)).to.include({ errorType: 'BranchBroke', errorMessage: 'no' });
    expect(slowSignal?.aborted).to.equal(true);
    expect(slowFinished).to.equal(false);
    expect(r.types).to.include('TaskStateAborted');
    expect(r.types.slice(-2)).to.deep.equal(['ParallelStateFailed', 'ExecutionFailed']);
  });

  it('is caught by its Catch with ResultPath', async () => {
    // Prepare
    const definition: StateMachineDefinition = {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Oops', Cause: 'bad luck' } } }],
          Catch: [{ ErrorEquals: ['Oops'], ResultPath: '$.error', Next: 'Done' }],
          End: true,
        },
        Done: { Type: 'Succeed' },
      },
    };

    // Act
    const r = await runDefinition(definition, { order: 1 });

    // Assess
    expect(r.output).to.deep.equal({ order: 1, error: { Error: 'Oops', Cause: 'bad luck' } });
    expect(r.types).to.include.members(['ParallelStateFailed', 'ParallelStateExited']);
  });

  it('keeps branch variables inside the branch and reads outer ones', async () => {
    // Prepare
    const definition: StateMachineDefinition = {
      StartAt: 'Set',
      States: {
        Set: { Type: 'Pass', Assign: { outer: 7 }, Next: 'P' },
        P: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'In', States: { In: { Type: 'Pass', Parameters: { 'o.$': '$outer' }, Assign: { inner: 1 }, End: true } } }],
          Next: 'After',
        },
        After: { Type: 'Pass', Parameters: { 'o.$': '$outer', 'r.$': '$' }, End: true },
      },
    };

    // Act
    const r = await runDefinition(definition);

    // Assess
    expect(r.output).to.deep.equal({ o: 7, r: [{ o: 7 }] });
  });
});
