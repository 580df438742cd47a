import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StateMachine } from 'asl-types';
import type { JsonPathStateMachineDefinition, State, TaskState } from '../../workflow/asl';
import { TASK_FUNCTION_NAMES, type TaskFunctionName } from '../../workflow/contracts';
import { orderProcessing, placeholderLambdaArn, renderOrderProcessing, transientRetry } from '../../workflow/orderProcessing';
import { validateAsl } from './validateAsl';

/** The reviewed snapshot. Regenerate with `UPDATE_SNAPSHOTS=1` after reviewing the change. */
const SNAPSHOT = join(__dirname, 'orderProcessing.asl.json');

const localArn = (fn: TaskFunctionName): string => `arn:aws:lambda:us-east-1:000000000000:function:${fn}`;

/** Every state of a definition, branches included, by name. */
function allStates(definition: { States: { [name: string]: State } }): Map<string, State> {
  const states = new Map<string, State>();
  for (const [name, state] of Object.entries(definition.States)) {
    states.set(name, state);
    if (state.Type === 'Parallel') state.Branches.forEach((b) => allStates(b).forEach((s, n) => states.set(n, s)));
  }
  return states;
}

/** Where a state can go (Next, Choice rules, Default, Catch). */
function successors(state: State): string[] {
  const targets: (string | undefined)[] = [state.Next];
  if (state.Type === 'Choice') targets.push(...state.Choices.map((c) => c.Next), state.Default);
  if ('Catch' in state && state.Catch) targets.push(...state.Catch.map((c) => c.Next));
  return targets.filter((t): t is string => t !== undefined);
}

/** The states reachable from `from` in the top-level graph (Parallel counts as one state). */
function reachable(definition: JsonPathStateMachineDefinition, from: string): Set<string> {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const name = stack.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    stack.push(...successors(definition.States[name] as State));
  }
  return seen;
}

describe('Workflow: orderProcessing', () => {
  const definition = renderOrderProcessing(localArn);
  const states = allStates(definition);
  const state = (name: string): State => {
    const found = states.get(name);
    if (found === undefined) throw new Error(`No state ${name}`);
    return found;
  };
  const task = (name: string): TaskState => {
    const found = state(name);
    if (found.Type !== 'Task') throw new Error(`${name} is a ${found.Type}`);
    return found;
  };

  it('matches the reviewed snapshot', () => {
    const rendered = JSON.stringify(renderOrderProcessing(placeholderLambdaArn), null, 2) + '\n';
    if (process.env.UPDATE_SNAPSHOTS === '1') writeFileSync(SNAPSHOT, rendered);
    expect(rendered).to.equal(readFileSync(SNAPSHOT, 'utf8'));
  });

  it('passes asl-validator', () => {
    const result = validateAsl(definition);
    expect(result.errorsText()).to.equal('');
    expect(result.isValid).to.equal(true);
  });

  it('is assignable to asl-types StateMachine', () => {
    const loose: StateMachine = renderOrderProcessing(localArn);
    expect(loose.StartAt).to.equal('ValidateOrder');
  });

  it('has the states and transitions of FLOW.md', () => {
    const transitions = Object.fromEntries([...states].map(([name, s]) => [name, successors(s)]));
    expect(definition.StartAt).to.equal('ValidateOrder');
    expect(transitions).to.deep.equal({
      ValidateOrder: ['CheckValidation', 'RecordValidationError'],
      CheckValidation: ['ProcessOrder', 'RecordRejection'],
      ProcessOrder: ['EvaluateResults', 'RecordProcessingError'],
      ReserveInventory: ['InventoryErrored'],
      InventoryErrored: [],
      ChargePayment: ['PaymentErrored'],
      PaymentErrored: [],
      EvaluateResults: ['NotifySuccess', 'RecordInventoryError', 'RecordOutOfStock', 'RecordPaymentError', 'RecordPaymentDeclined'],
      NotifySuccess: ['OrderSucceeded', 'OrderSucceeded'],
      OrderSucceeded: [],
      RecordInventoryError: ['Compensate'],
      Compensate: ['NotifyFailure', 'NotifyFailure'],
      ShouldReleaseInventory: ['ReleaseInventory', 'NothingToRelease'],
      ReleaseInventory: ['ReleaseFailed'],
      ReleaseFailed: [],
      NothingToRelease: [],
      ShouldRefundPayment: ['RefundPayment', 'NothingToRefund'],
      RefundPayment: ['RefundFailed'],
      RefundFailed: [],
      NothingToRefund: [],
      NotifyFailure: ['OrderFailed', 'OrderFailed'],
      OrderFailed: [],
      RecordOutOfStock: ['Compensate'],
      RecordPaymentError: ['Compensate'],
      RecordPaymentDeclined: ['Compensate'],
      RecordProcessingError: ['EvaluateResults'],
      RecordRejection: ['NotifyRejected'],
      NotifyRejected: ['OrderFailed', 'OrderFailed'],
      RecordValidationError: ['NotifyFailure'],
    });
  });

  const TASKS: { state: string; fn: TaskFunctionName; parameters: object; resultPath?: string; catchTo: string; catchPath?: string }[] = [
    { state: 'ValidateOrder', fn: 'validateOrder', parameters: { 'order.$': '$' }, resultPath: '$.validation', catchTo: 'RecordValidationError', catchPath: '$.caught' },
    { state: 'ReserveInventory', fn: 'reserveInventory', parameters: { 'orderId.$': '$.orderId', 'items.$': '$.items' }, catchTo: 'InventoryErrored' },
    {
      state: 'ChargePayment',
      fn: 'chargePayment',
      parameters: { 'orderId.$': '$.orderId', 'amount.$': '$.total', 'currency.$': '$.currency', 'paymentToken.$': '$.paymentToken' },
      catchTo: 'PaymentErrored',
    },
    { state: 'ReleaseInventory', fn: 'releaseInventory', parameters: { 'orderId.$': '$.orderId' }, catchTo: 'ReleaseFailed' },
    { state: 'RefundPayment', fn: 'refundPayment', parameters: { 'orderId.$': '$.orderId' }, catchTo: 'RefundFailed' },
    {
      state: 'NotifySuccess',
      fn: 'notifyCustomer',
      parameters: { 'orderId.$': '$.orderId', outcome: 'SUCCEEDED', 'customer.$': '$.customer' },
      resultPath: '$.notification',
      catchTo: 'OrderSucceeded',
      catchPath: '$.notificationError',
    },
    {
      state: 'NotifyFailure',
      fn: 'notifyCustomer',
      parameters: { 'orderId.$': '$.orderId', outcome: 'FAILED', 'customer.$': '$.customer', 'reason.$': '$.failure.cause' },
      resultPath: '$.notification',
      catchTo: 'OrderFailed',
      catchPath: '$.notificationError',
    },
    {
      state: 'NotifyRejected',
      fn: 'notifyCustomer',
      parameters: { 'orderId.$': '$.orderId', outcome: 'REJECTED', 'customer.$': '$.customer', 'errors.$': '$.validation.errors' },
      resultPath: '$.notification',
      catchTo: 'OrderFailed',
      catchPath: '$.notificationError',
    },
  ];

  for (const { state: name, fn, parameters, resultPath, catchTo, catchPath } of TASKS) {
    it(`Task ${name}: invokes ${fn} with its contract's input, retries transient errors, catches the rest`, () => {
      const t = task(name);
      expect(t.Resource).to.equal(localArn(fn));
      expect(t.Parameters).to.deep.equal(parameters);
      expect(t.ResultPath).to.equal(resultPath);
      expect(t.Retry).to.deep.equal([transientRetry(fn)]);
      expect(t.Catch).to.deep.equal([{ ErrorEquals: ['States.ALL'], Next: catchTo, ...(catchPath && { ResultPath: catchPath }) }]);
    });
  }

  it('covers every task function, each task with a Retry and a Catch', () => {
    const tasks = [...states.values()].filter((s): s is TaskState => s.Type === 'Task');
    expect(new Set(tasks.map((t) => t.Resource))).to.deep.equal(new Set(TASK_FUNCTION_NAMES.map(localArn)));
    for (const t of tasks) {
      expect(t.Retry, t.Resource).to.have.length.greaterThan(0);
      expect(t.Catch?.at(-1)?.ErrorEquals, t.Resource).to.deep.equal(['States.ALL']);
    }
  });

  it('retries with exponential backoff and full jitter on Lambda and service transient errors', () => {
    expect(transientRetry('chargePayment')).to.deep.equal({
      ErrorEquals: [
        'Lambda.ServiceException',
        'Lambda.AWSLambdaException',
        'Lambda.SdkClientException',
        'Lambda.TooManyRequestsException',
        'PaymentProcessorUnavailable',
      ],
      IntervalSeconds: 1,
      MaxAttempts: 4,
      BackoffRate: 2,
      MaxDelaySeconds: 8,
      JitterStrategy: 'FULL',
    });
    expect(transientRetry('reserveInventory').ErrorEquals.at(-1)).to.equal('InventoryUnavailable');
    expect(transientRetry('releaseInventory').ErrorEquals.at(-1)).to.equal('InventoryUnavailable');
    expect(transientRetry('refundPayment').ErrorEquals.at(-1)).to.equal('PaymentProcessorUnavailable');
    expect(transientRetry('notifyCustomer').ErrorEquals.at(-1)).to.equal('NotificationUnavailable');
    expect(transientRetry('validateOrder').ErrorEquals).to.have.length(4);
  });

  it('runs inventory and payment in parallel and gathers {inventory, payment} at $.results', () => {
    const process = state('ProcessOrder');
    expect(process).to.deep.include({
      Type: 'Parallel',
      ResultSelector: { 'inventory.$': '$[0]', 'payment.$': '$[1]' },
      ResultPath: '$.results',
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'RecordProcessingError', ResultPath: '$.processingError' }],
    });
    const recorded = { status: 'ERROR', 'error.$': '$.Error', 'cause.$': '$.Cause' };
    expect(state('InventoryErrored')).to.deep.equal({ Type: 'Pass', Parameters: recorded, End: true });
    expect(state('PaymentErrored')).to.deep.equal({ Type: 'Pass', Parameters: recorded, End: true });
    expect(state('RecordProcessingError')).to.deep.include({
      Parameters: {
        inventory: { status: 'ERROR', 'error.$': '$.processingError.Error', 'cause.$': '$.processingError.Cause' },
        payment: { status: 'ERROR', 'error.$': '$.processingError.Error', 'cause.$': '$.processingError.Cause' },
      },
      ResultPath: '$.results',
    });
  });

  it('checks validation, then evaluates both results in order', () => {
    expect(state('CheckValidation')).to.deep.equal({
      Type: 'Choice',
      Choices: [{ Variable: '$.validation.valid', BooleanEquals: true, Next: 'ProcessOrder' }],
      Default: 'RecordRejection',
    });
    expect(state('EvaluateResults')).to.deep.equal({
      Type: 'Choice',
      Choices: [
        {
          And: [
            { Variable: '$.results.inventory.status', StringEquals: 'RESERVED' },
            { Variable: '$.results.payment.status', StringEquals: 'APPROVED' },
          ],
          Next: 'NotifySuccess',
        },
        { Variable: '$.results.inventory.status', StringEquals: 'ERROR', Next: 'RecordInventoryError' },
        { Variable: '$.results.inventory.status', StringEquals: 'OUT_OF_STOCK', Next: 'RecordOutOfStock' },
        { Variable: '$.results.payment.status', StringEquals: 'ERROR', Next: 'RecordPaymentError' },
      ],
      Default: 'RecordPaymentDeclined',
    });
  });

  const FAILURES: { state: string; step: string; error: object; cause: string }[] = [
    { state: 'RecordValidationError', step: 'ValidateOrder', error: { 'error.$': '$.caught.Error' }, cause: "States.Format('ValidateOrder failed: {}', $.caught.Cause)" },
    {
      state: 'RecordRejection',
      step: 'ValidateOrder',
      error: { error: 'InvalidOrder' },
      cause: "States.Format('ValidateOrder rejected the order: {}', States.JsonToString($.validation.errors))",
    },
    {
      state: 'RecordInventoryError',
      step: 'ReserveInventory',
      error: { 'error.$': '$.results.inventory.error' },
      cause: "States.Format('ReserveInventory failed: {}', $.results.inventory.cause)",
    },
    {
      state: 'RecordOutOfStock',
      step: 'ReserveInventory',
      error: { error: 'OutOfStock' },
      cause: "States.Format('ReserveInventory found too little stock: {}', States.JsonToString($.results.inventory.lines))",
    },
    {
      state: 'RecordPaymentError',
      step: 'ChargePayment',
      error: { 'error.$': '$.results.payment.error' },
      cause: "States.Format('ChargePayment failed: {}', $.results.payment.cause)",
    },
    {
      state: 'RecordPaymentDeclined',
      step: 'ChargePayment',
      error: { error: 'PaymentDeclined' },
      cause: "States.Format('ChargePayment was declined: {}', $.results.payment.declineReason)",
    },
  ];

  for (const { state: name, step, error, cause } of FAILURES) {
    it(`${name} records at $.failure that ${step} failed, and why`, () => {
      expect(state(name)).to.deep.include({ Type: 'Pass', Parameters: { step, ...error, 'cause.$': cause }, ResultPath: '$.failure' });
    });
  }

  it('fails with the recorded error and cause', () => {
    expect(state('OrderFailed')).to.deep.equal({ Type: 'Fail', ErrorPath: '$.failure.error', CausePath: '$.failure.cause' });
  });

  it('compensates only what may have been done', () => {
    expect(state('Compensate')).to.deep.include({
      ResultSelector: { 'inventory.$': '$[0]', 'payment.$': '$[1]' },
      ResultPath: '$.compensation',
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'NotifyFailure', ResultPath: '$.compensationError' }],
      Next: 'NotifyFailure',
    });
    expect(state('ShouldReleaseInventory')).to.deep.include({
      Choices: [
        {
          Or: [
            { Variable: '$.results.inventory.status', StringEquals: 'RESERVED' },
            { Variable: '$.results.inventory.status', StringEquals: 'ERROR' },
          ],
          Next: 'ReleaseInventory',
        },
      ],
      Default: 'NothingToRelease',
    });
    expect(state('ShouldRefundPayment')).to.deep.include({
      Choices: [
        {
          Or: [
            { Variable: '$.results.payment.status', StringEquals: 'APPROVED' },
            { Variable: '$.results.payment.status', StringEquals: 'ERROR' },
          ],
          Next: 'RefundPayment',
        },
      ],
      Default: 'NothingToRefund',
    });
    // Nothing was reserved or charged before ProcessOrder: those failures skip compensation.
    expect(reachable(definition, 'RecordValidationError').has('Compensate')).to.equal(false);
    expect(reachable(definition, 'RecordRejection').has('Compensate')).to.equal(false);
  });

  it('never turns a successful order into a failed one, and notifies every failed order', () => {
    expect([...reachable(definition, 'NotifySuccess')].sort()).to.deep.equal(['NotifySuccess', 'OrderSucceeded']);
    for (const from of ['RecordValidationError', 'RecordRejection', 'RecordInventoryError', 'RecordOutOfStock', 'RecordPaymentError', 'RecordPaymentDeclined']) {
      const after = reachable(definition, from);
      expect(after.has('NotifyFailure') || after.has('NotifyRejected'), from).to.equal(true);
      expect(after.has('OrderSucceeded'), from).to.equal(false);
    }
  });

  it('draws the same graph as a Mermaid flowchart, as in the reviewed snapshot', () => {
    const mermaid = orderProcessing.toMermaid();
    const snapshot = join(__dirname, 'orderProcessing.mmd');
    if (process.env.UPDATE_SNAPSHOTS === '1') writeFileSync(snapshot, mermaid);
    expect(mermaid).to.equal(readFileSync(snapshot, 'utf8'));
    expect(mermaid.startsWith('flowchart TD\n')).to.equal(true);
    for (const name of states.keys()) expect(mermaid, name).to.match(new RegExp(`\\b${name}\\b`));
    expect(mermaid).to.contain('subgraph ProcessOrder ["ProcessOrder (Parallel)"]');
    expect(mermaid).to.contain('  NotifySuccess -. "States.ALL" .-> OrderSucceeded');
    expect(mermaid).to.contain(`  EvaluateResults -- "results.inventory.status == 'OUT_OF_STOCK'" --> RecordOutOfStock`);
  });
});
