/**
 * The state transitions each order outcome costs on a Standard workflow (the README's
 * cost model): every outcome's path is checked to be a legal walk through the deployed
 * definition, then its states are counted (Step Functions bills each state entered,
 * Parallel and its branches' states included; retries add one each).
 */
import { expect } from 'chai';
import { renderOrderProcessing } from '../../workflow/orderProcessing';

/** A state entered, or a Parallel state with the path taken in each branch. */
type Step = string | { readonly parallel: string; readonly branches: readonly (readonly Step[])[] };

interface StateView {
  readonly type: string;
  readonly next: readonly string[];
  readonly end: boolean;
  readonly branches: readonly { readonly startAt: string; readonly states: Record<string, StateView> }[];
}

const field = (value: unknown, key: string): unknown => (value !== null && typeof value === 'object' ? Reflect.get(value, key) : undefined);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The states of a definition (or branch), reduced to what a walk needs. */
const viewStates = (states: unknown): Record<string, StateView> =>
  Object.fromEntries(
    Object.entries(Object(states)).map(([name, state]) => {
      const next = [
        field(state, 'Next'),
        field(state, 'Default'),
        ...list(field(state, 'Choices')).map((c) => field(c, 'Next')),
        ...list(field(state, 'Catch')).map((c) => field(c, 'Next')),
      ].filter((n): n is string => typeof n === 'string');
      const branches = list(field(state, 'Branches')).map((b) => ({ startAt: String(field(b, 'StartAt')), states: viewStates(field(b, 'States')) }));
      return [name, { type: String(field(state, 'Type')), next, end: field(state, 'End') === true, branches }];
    }),
  );

/** Checks a path through `states` from `startAt`, ending where the scope ends; returns the states entered. */
const walk = (states: Record<string, StateView>, startAt: string, path: readonly Step[], topLevel: boolean): number => {
  let count = 0;
  let expected: readonly string[] = [startAt];
  let last: StateView | undefined;
  for (const step of path) {
    const name = typeof step === 'string' ? step : step.parallel;
    expect(expected, `${name} cannot follow`).to.include(name);
    const state = states[name];
    expect(state, name).not.to.equal(undefined);
    if (state === undefined) return count;
    count += 1;
    if (typeof step !== 'string') {
      expect(state.type, name).to.equal('Parallel');
      expect(step.branches).to.have.length(state.branches.length);
      step.branches.forEach((branchPath, index) => {
        const branch = state.branches[index];
        if (branch !== undefined) count += walk(branch.states, branch.startAt, branchPath, false);
      });
    }
    expected = state.next;
    last = state;
  }
  if (topLevel) expect(['Succeed', 'Fail']).to.include(last?.type);
  else expect(last?.end || last?.type === 'Succeed' || last?.type === 'Fail', 'branch ends').to.equal(true);
  return count;
};

const process = (inventory: readonly string[], payment: readonly string[]): Step => ({ parallel: 'ProcessOrder', branches: [inventory, payment] });
const compensate = (release: readonly string[], refund: readonly string[]): Step => ({ parallel: 'Compensate', branches: [release, refund] });

/** Each outcome's path (no retries). */
const OUTCOMES: readonly { readonly outcome: string; readonly path: readonly Step[]; readonly transitions: number }[] = [
  {
    outcome: 'succeeded',
    path: ['ValidateOrder', 'CheckValidation', process(['ReserveInventory'], ['ChargePayment']), 'EvaluateResults', 'NotifySuccess', 'OrderSucceeded'],
    transitions: 8,
  },
  {
    outcome: 'rejected by validation',
    path: ['ValidateOrder', 'CheckValidation', 'RecordRejection', 'NotifyRejected', 'OrderFailed'],
    transitions: 5,
  },
  {
    outcome: 'payment declined (stock released)',
    path: [
      'ValidateOrder',
      'CheckValidation',
      process(['ReserveInventory'], ['ChargePayment']),
      'EvaluateResults',
      'RecordPaymentDeclined',
      compensate(['ShouldReleaseInventory', 'ReleaseInventory'], ['ShouldRefundPayment', 'NothingToRefund']),
      'NotifyFailure',
      'OrderFailed',
    ],
    transitions: 14,
  },
  {
    outcome: 'out of stock (payment refunded)',
    path: [
      'ValidateOrder',
      'CheckValidation',
      process(['ReserveInventory'], ['ChargePayment']),
      'EvaluateResults',
      'RecordOutOfStock',
      compensate(['ShouldReleaseInventory', 'NothingToRelease'], ['ShouldRefundPayment', 'RefundPayment']),
      'NotifyFailure',
      'OrderFailed',
    ],
    transitions: 14,
  },
  {
    outcome: 'payment step failed after its retries (both compensated)',
    path: [
      'ValidateOrder',
      'CheckValidation',
      process(['ReserveInventory'], ['ChargePayment', 'PaymentErrored']),
      'EvaluateResults',
      'RecordPaymentError',
      compensate(['ShouldReleaseInventory', 'ReleaseInventory'], ['ShouldRefundPayment', 'RefundPayment']),
      'NotifyFailure',
      'OrderFailed',
    ],
    transitions: 15,
  },
];

describe('State transitions per order outcome (cost model)', () => {
  const definition = renderOrderProcessing((fn) => `arn:aws:lambda:us-east-1:123456789012:function:${fn}`);
  const states = viewStates(field(definition, 'States'));

  for (const { outcome, path, transitions } of OUTCOMES) {
    it(`${outcome}: ${transitions} transitions, along a legal path of the deployed definition`, () => {
      expect(walk(states, String(field(definition, 'StartAt')), path, true)).to.equal(transitions);
    });
  }
});
