import { expect } from 'chai';
import {
  NoOpenEndError,
  Retry,
  retryOn,
  StateAlreadyConnectedError,
  Workflow,
  WorkflowDefinitionError,
  type DiagnosticCode,
  type Flow,
} from '../../../workflow/dsl';
import { charge, type ShopData, type ShopFunction } from './fixtures';

type Build = (wf: Workflow<ShopFunction>) => Flow<ShopData, unknown>;

const chargeParameters = { 'orderId.$': '$.orderId', 'amount.$': '$.total' } as const;

/** Each broken graph and the exact problems it must report. */
const CASES: { name: string; build: Build; expected: { code: DiagnosticCode; state: string; mentions: string }[] }[] = [
  {
    name: 'two states with the same name',
    build: (wf) => {
      const s = wf.states<ShopData>();
      return s.pass('Step').next(s.pass('Step'));
    },
    expected: [{ code: 'DUPLICATE_STATE_NAME', state: 'Step', mentions: '2 different states are named Step' }],
  },
  {
    name: 'one state starting two branches',
    build: (wf) => {
      const s = wf.states<ShopData>();
      const shared = s.pass('Shared');
      return s.parallel('Both', [shared, shared]);
    },
    expected: [{ code: 'STATE_REUSED', state: 'Shared', mentions: 'used in two places' }],
  },
  {
    name: 'one state used in a branch and in the main flow',
    build: (wf) => {
      const s = wf.states<ShopData>();
      const shared = s.succeed('Shared');
      return s.parallel('Both', [s.pass('First').next(shared)], { resultPath: null }).next(s.pass('Then').next(shared));
    },
    expected: [{ code: 'STATE_REUSED', state: 'Shared', mentions: 'Shared is used in two places' }],
  },
  {
    name: 'a Next naming no state',
    build: (wf) => wf.states<ShopData>().pass('Start').next(wf.ref('Nowhere')),
    expected: [{ code: 'DANGLING_NEXT', state: 'Start', mentions: 'Start goes to Nowhere, which does not exist' }],
  },
  {
    name: 'a state nothing leads to',
    build: (wf) => {
      const s = wf.states<ShopData>();
      s.pass('Orphan');
      return s.succeed('Done');
    },
    expected: [{ code: 'UNREACHABLE_STATE', state: 'Orphan', mentions: 'Orphan cannot be reached' }],
  },
  {
    name: 'a loop with no way out',
    build: (wf) => {
      const s = wf.states<ShopData>();
      return s.pass('Ping').next(s.wait('Pong', { seconds: 1 }).next(wf.ref('Ping')));
    },
    expected: [
      { code: 'NO_PATH_TO_END', state: 'Ping', mentions: 'No path leads from Ping' },
      { code: 'NO_PATH_TO_END', state: 'Pong', mentions: 'No path leads from Pong' },
    ],
  },
  {
    name: 'a Choice without rules',
    build: (wf) => {
      const s = wf.states<ShopData>();
      return s.choice('Decide').otherwise(s.succeed('Done'));
    },
    expected: [{ code: 'CHOICE_WITHOUT_RULES', state: 'Decide', mentions: 'Choice Decide has no rules' }],
  },
  {
    name: 'States.ALL with other errors',
    build: (wf) => {
      const s = wf.states<ShopData>();
      return s.task('Charge', charge, { parameters: chargeParameters }).catch(['States.ALL', 'Custom'], s.fail('Failed'), { resultPath: '$.error' });
    },
    expected: [{ code: 'STATES_ALL_NOT_ALONE', state: 'Charge', mentions: 'Catch[0] lists States.ALL with other errors' }],
  },
  {
    name: 'States.ALL before another retrier',
    build: (wf) =>
      wf
        .states<ShopData>()
        .task('Charge', charge, { parameters: chargeParameters })
        .retry(Retry.everything(), retryOn(['Custom'])),
    expected: [{ code: 'STATES_ALL_NOT_LAST', state: 'Charge', mentions: 'Retry[0] has States.ALL but is not the last entry' }],
  },
  {
    name: 'a Parallel without branches',
    build: (wf) => wf.states<ShopData>().parallel('Nothing', []),
    expected: [{ code: 'PARALLEL_WITHOUT_BRANCHES', state: 'Nothing', mentions: 'Parallel Nothing has no branches' }],
  },
];

describe('Class: Workflow (graph diagnostics)', () => {
  for (const { name, build, expected } of CASES) {
    it(`reports ${expected.map((e) => e.code).join(', ')} for ${name}`, () => {
      // Prepare
      const wf = new Workflow<ShopFunction>();
      const start = build(wf);

      // Act
      const diagnostics = wf.diagnose(start);
      const thrown = (() => {
        try {
          wf.build(start);
        } catch (error) {
          return error;
        }
        return undefined;
      })();

      // Assess
      expect(diagnostics.map((d) => ({ code: d.code, state: d.state }))).to.deep.equal(expected.map(({ code, state }) => ({ code, state })));
      diagnostics.forEach((d, i) => expect(d.message).to.contain(expected[i]?.mentions));
      expect(thrown).to.be.instanceOf(WorkflowDefinitionError);
      expect((thrown as WorkflowDefinitionError).name).to.equal('WorkflowDefinitionError');
      expect((thrown as WorkflowDefinitionError).diagnostics).to.deep.equal(diagnostics);
      for (const e of expected) expect((thrown as Error).message).to.contain(`${e.code} ${e.state}`);
    });
  }

  it('reports nothing for a sound graph, loops with an exit included', () => {
    const wf = new Workflow<ShopFunction>();
    const s = wf.states<ShopData>();
    const poll = s
      .wait('Pause', { seconds: 5 })
      .next(s.choice('Captured').when(($) => $.booleanEquals('$.payment.captured', true), s.succeed('Done')).otherwise(wf.ref('Pause')));
    expect(wf.diagnose(poll)).to.deep.equal([]);
    expect(wf.build(poll).render(() => 'unused').States.Captured).to.deep.equal({
      Type: 'Choice',
      Choices: [{ Variable: '$.payment.captured', BooleanEquals: true, Next: 'Done' }],
      Default: 'Pause',
    });
  });
});

describe('Class: Chain (wiring errors)', () => {
  it('refuses to give a state a second successor', () => {
    const s = new Workflow().states<ShopData>();
    const first = s.pass('First');
    first.next(s.succeed('A'));
    expect(() => first.next(s.succeed('B')))
      .to.throw(StateAlreadyConnectedError, 'State First already has a Next state')
      .with.property('name', 'StateAlreadyConnectedError');
  });

  it('refuses to continue a flow whose paths all end', () => {
    const s = new Workflow().states<ShopData>();
    const ended = s.choice('Decide').otherwise(s.succeed('Done'));
    expect(() => ended.next(s.succeed('After')))
      .to.throw(NoOpenEndError, 'The flow starting at Decide has no open end to continue from')
      .with.property('name', 'NoOpenEndError');
  });
});
