/**
 * Property: every definition the builder accepts passes asl-validator. Workflows are drawn
 * at random from sequences of Pass, Wait, Task, Parallel and Map states, ending in a Choice,
 * a Succeed, a Fail or an open end, with Retry and Catch on the states that can fail.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { Retry, Workflow, type Chain, type ChoiceFlow, type Flow, type StateFactory } from '../../../workflow/dsl';
import { validateAsl } from '../validateAsl';
import { arn, charge, type Line, type ShopData, type ShopFunction } from './fixtures';

type Guard = { retry: boolean; catch: boolean };
type Step = ({ kind: 'pass' | 'wait' } | ({ kind: 'task' | 'map' } & Guard) | ({ kind: 'parallel'; branches: Sequence[] } & Guard));
type Tail = { kind: 'open' | 'succeed' | 'fail' } | { kind: 'choice'; ways: Sequence[]; otherwise: boolean };
interface Sequence {
  steps: Step[];
  tail: Tail;
}

const guard = { retry: fc.boolean(), catch: fc.boolean() };
const { sequence } = fc.letrec<{ step: Step; tail: Tail; sequence: Sequence }>((tie) => ({
  step: fc.oneof(
    { depthSize: 'small' },
    fc.record({ kind: fc.constantFrom('pass' as const, 'wait' as const) }),
    fc.record({ kind: fc.constantFrom('task' as const, 'map' as const), ...guard }),
    fc.record({ kind: fc.constant('parallel' as const), branches: fc.array(tie('sequence'), { minLength: 1, maxLength: 3 }), ...guard }),
  ),
  tail: fc.oneof(
    { depthSize: 'small' },
    fc.record({ kind: fc.constantFrom('open' as const, 'succeed' as const, 'fail' as const) }),
    fc.record({ kind: fc.constant('choice' as const), ways: fc.array(tie('sequence'), { minLength: 1, maxLength: 3 }), otherwise: fc.boolean() }),
  ),
  sequence: fc.record({ steps: fc.array(tie('step'), { maxLength: 4 }), tail: tie('tail') }),
}));

/** Builds a random plan with the DSL (fresh, unique state names). */
function build(plan: Sequence) {
  const wf = new Workflow<ShopFunction>();
  const s: StateFactory<ShopData, ShopFunction> = wf.states<ShopData>();
  const lines = wf.states<Line>();
  let count = 0;
  const name = (kind: string) => `${kind}${++count}`;

  const stepOf = (step: Step): Chain<ShopData, ShopData> => {
    switch (step.kind) {
      case 'pass':
        return s.pass(name('Pass'));
      case 'wait':
        return s.wait(name('Wait'), { seconds: 1 });
      case 'task': {
        const task = s.task(name('Task'), charge, { parameters: { 'orderId.$': '$.orderId', 'amount.$': '$.total' }, resultPath: '$.charged' });
        if (step.retry) task.retry(Retry.lambdaServiceExceptions(), Retry.everything());
        return step.catch ? task.catchAll(s.fail(name('Caught')), { resultPath: '$.error' }) : task;
      }
      case 'map': {
        const map = s.map(name('Map'), lines.pass(name('Item')), { itemsPath: '$.lines', resultPath: null });
        if (step.retry) map.retry(Retry.everything());
        return step.catch ? map.catch(['States.TaskFailed'], s.pass(name('Recover')), { resultPath: null }) : map;
      }
      case 'parallel': {
        const parallel = s.parallel(name('Parallel'), step.branches.map(sequenceOf), { resultPath: null });
        if (step.retry) parallel.retry(Retry.everything());
        return step.catch ? parallel.catchAll(s.succeed(name('Caught')), { resultPath: '$.error' }) : parallel;
      }
    }
  };

  function tailOf(tail: Tail): Flow<ShopData, unknown> | undefined {
    switch (tail.kind) {
      case 'open':
        return undefined;
      case 'succeed':
        return s.succeed(name('Succeed'));
      case 'fail':
        return s.fail(name('Fail'), { error: 'Failed' });
      case 'choice': {
        let choice: ChoiceFlow<ShopData, unknown> = s.choice(name('Choice'));
        for (const way of tail.ways) choice = choice.when(($) => $.numericGreaterThan('$.total', 1), sequenceOf(way));
        return tail.otherwise ? choice.otherwise(s.succeed(name('Otherwise'))) : choice;
      }
    }
  }

  function sequenceOf(seq: Sequence): Flow<ShopData, unknown> {
    let flow = tailOf(seq.tail);
    for (const step of [...seq.steps].reverse()) {
      const chain = stepOf(step);
      flow = flow === undefined ? chain : chain.next(flow);
    }
    return flow ?? s.pass(name('Pass'));
  }

  const start = sequenceOf(plan);
  return { wf, start };
}

describe('Property: accepted definitions are valid ASL', () => {
  it('every definition the builder accepts passes asl-validator', function () {
    // asl-validator compiles its JSON schemas on every call (~0.2 s).
    this.timeout(120_000);
    let built = 0;
    fc.assert(
      fc.property(sequence, (plan) => {
        const { wf, start } = build(plan);
        expect(wf.diagnose(start)).to.deep.equal([]);
        const definition = wf.build(start).render(arn);
        const result = validateAsl(definition);
        expect(result.errorsText(), JSON.stringify(definition)).to.equal('');
        built++;
      }),
      { numRuns: 20 },
    );
    expect(built).to.equal(20);
  });
});
