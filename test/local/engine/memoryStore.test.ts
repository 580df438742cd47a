import { expect } from 'chai';
import { MemoryExecutionStore } from '../../../local/engine';
import type { ExecutionRecord, ExecutionStore, Json, StateMachineDefinition } from '../../../local/engine';
import type { RecordedEvent } from '../../../local/engine/history';
import { fakeClock, fn, lambdaError, testEngine } from './helpers';

/** The same store behind a plain object: the engine hands it steps as event objects, as it does any store. */
function throughInterface(store: MemoryExecutionStore): ExecutionStore {
  return {
    putStateMachine: (r) => store.putStateMachine(r),
    getStateMachine: (arn) => store.getStateMachine(arn),
    listStateMachines: () => store.listStateMachines(),
    deleteStateMachine: (arn) => store.deleteStateMachine(arn),
    createExecution: (r, first) => store.createExecution(r, first),
    getExecution: (arn) => store.getExecution(arn),
    listExecutions: (filter) => store.listExecutions(filter),
    commitStep: (arn, step) => store.commitStep(arn, step),
    getHistory: (arn) => store.getHistory(arn),
    getMemo: (arn) => store.getMemo(arn),
  };
}

const orderLike: StateMachineDefinition = {
  StartAt: 'Validate',
  States: {
    Validate: { Type: 'Task', Resource: fn('validate'), Parameters: { 'order.$': '$' }, ResultPath: '$.validation', Next: 'Valid?' },
    'Valid?': { Type: 'Choice', Choices: [{ Variable: '$.validation.ok', BooleanEquals: true, Next: 'Both' }], Default: 'Rejected' },
    Both: {
      Type: 'Parallel',
      ResultPath: '$.results',
      Next: 'Notify',
      Branches: [
        { StartAt: 'Reserve', States: { Reserve: { Type: 'Task', Resource: fn('reserve'), End: true } } },
        {
          StartAt: 'Charge',
          States: {
            Charge: { Type: 'Task', Resource: fn('charge'), Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Declined' }], End: true },
            Declined: { Type: 'Pass', Result: 'declined', ResultPath: '$.payment', End: true },
          },
        },
      ],
    },
    Notify: { Type: 'Task', Resource: fn('notify'), ResultPath: '$.notification', Assign: { notified: true }, Next: 'Done' },
    Done: { Type: 'Succeed' },
    Rejected: { Type: 'Fail', Error: 'Rejected' },
  },
} as StateMachineDefinition;

const handlers = {
  validate: () => ({ ok: true }),
  reserve: () => ({ reserved: 1 }),
  charge: () => {
    throw Object.assign(lambdaError('CardDeclined'), { requestId: 'r-1' });
  },
  notify: () => 'sent',
};

describe('Class: MemoryExecutionStore', () => {
  describe('Method: getHistory', () => {
    it('reads back the history the engine recorded in place as the same events it hands any other store', async () => {
      // Prepare: one clock that does not move, so both runs have the same timestamps
      const clock = fakeClock();
      const direct = new MemoryExecutionStore();
      const viaObjects = new MemoryExecutionStore();
      const engines = [direct, viaObjects].map((store, i) => testEngine(handlers, { clock, store: i === 0 ? store : throughInterface(store) }));
      const arns = engines.map((engine) => engine.createStateMachine({ name: 'order', definition: orderLike }).stateMachineArn);

      // Act
      const runs = await Promise.all(
        engines.map(async (engine, i) => {
          const { executionArn } = engine.startExecution(arns[i], { id: 'o-1' }, { name: 'same' });
          return { executionArn, description: await engine.awaitExecution(executionArn), events: engine.getExecutionHistory(executionArn).events };
        }),
      );

      // Assess
      expect(runs[0].description.status).to.equal('SUCCEEDED');
      expect(JSON.stringify(runs[0].events)).to.equal(JSON.stringify(runs[1].events));
      expect(runs[0].events.map((e) => e.id)).to.deep.equal(runs[0].events.map((_, i) => i + 1));
      const recorded = direct.getHistory(runs[0].executionArn);
      expect(recorded).to.deep.equal(viaObjects.getHistory(runs[1].executionArn));
      expect(recorded.map((r) => r.key).slice(0, 3)).to.deep.equal(['start#0', 't#0', 't#1']);
    });

    it('keeps an event handed over as an object as it came, fields and their order', () => {
      // Prepare
      const store = new MemoryExecutionStore();
      const record: ExecutionRecord = {
        executionArn: 'arn:aws:states:us-east-1:1:execution:sm:a',
        stateMachineArn: 'arn:aws:states:us-east-1:1:stateMachine:sm',
        name: 'a',
        status: 'RUNNING',
        startDate: '2024-01-01T00:00:00.000Z',
        input: '{}',
        redriveCount: 0,
      };
      const events: RecordedEvent[] = [
        { key: 'x#0', event: { type: 'ExecutionStarted', timestamp: '2024-01-01T00:00:00.000Z', id: 7, previousEventId: 0, extra: 1 } },
        { key: 'x#1', event: { timestamp: '2024-01-01T00:00:01.000Z', type: 'PassStateEntered', id: 8, previousEventId: 7, stateEnteredEventDetails: { name: 'P', input: { a: 1 } } } },
      ];

      // Act
      store.createExecution(record, { events: events.slice(0, 1), memo: [] });
      store.commitStep(record.executionArn, { events: events.slice(1), memo: [['x#1', { kind: 'task', ok: true, value: 2 }]] });

      // Assess
      expect(JSON.stringify(store.getHistory(record.executionArn))).to.equal(JSON.stringify(events));
      expect(store.getMemo(record.executionArn)).to.deep.equal([['x#1', { kind: 'task', ok: true, value: 2 }]]);
    });
  });

  describe('Method: getMemo and getExecution, once an execution has ended', () => {
    it('forgets the task outcomes and, for a success, the checkpoint: only a resume reads them', async () => {
      // Prepare
      const store = new MemoryExecutionStore();
      const engine = testEngine(handlers, { store });

      // Act
      const { executionArn } = engine.startExecution(orderLike, { id: 'o-1' });
      await engine.awaitExecution(executionArn);

      // Assess
      expect(store.getMemo(executionArn)).to.deep.equal([]);
      expect(store.getExecution(executionArn)?.checkpoint).to.equal(undefined);
    });

    it('keeps the checkpoint of a failed execution, which a redrive starts from', async () => {
      // Prepare
      const store = new MemoryExecutionStore();
      let notifyCalls = 0;
      const engine = testEngine(
        {
          ...handlers,
          notify: () => {
            notifyCalls += 1;
            if (notifyCalls === 1) throw lambdaError('Unavailable');
            return 'sent';
          },
        },
        { store },
      );
      const { executionArn } = engine.startExecution(orderLike, { id: 'o-1' });
      await engine.awaitExecution(executionArn);

      // Act
      const failedAt = store.getExecution(executionArn)?.checkpoint?.state;
      engine.redriveExecution(executionArn);
      const redriven = await engine.awaitExecution(executionArn);

      // Assess
      expect(failedAt).to.equal('Notify');
      expect(redriven.status).to.equal('SUCCEEDED');
      expect(notifyCalls).to.equal(2);
    });
  });

  describe('Method: resumeRunningExecutions (another engine on the same store)', () => {
    it('takes over a running execution: the first engine’s uncommitted events are recorded once, by the second', async () => {
      // Prepare: the first engine's Second task never returns
      const store = new MemoryExecutionStore();
      const definition: StateMachineDefinition = {
        StartAt: 'First',
        States: {
          First: { Type: 'Task', Resource: fn('first'), ResultPath: '$.first', Next: 'Second' },
          Second: { Type: 'Task', Resource: fn('second'), ResultPath: '$.second', End: true },
        },
      } as StateMachineDefinition;
      const calls: string[] = [];
      const hung = new Promise<Json>(() => undefined);
      const first = testEngine({ first: () => (calls.push('1:first'), 1), second: () => (calls.push('1:second'), hung) }, { store });
      const { executionArn } = first.startExecution(definition, {});
      while (!calls.includes('1:second')) await new Promise((resolve) => setImmediate(resolve));
      const second = testEngine({ first: () => (calls.push('2:first'), 1), second: () => (calls.push('2:second'), 2) }, { store });

      // Act
      const resumed = second.resumeRunningExecutions();
      const description = await second.awaitExecution(executionArn);

      // Assess
      expect(resumed).to.deep.equal([executionArn]);
      expect(description.status).to.equal('SUCCEEDED');
      expect(JSON.parse(description.output!)).to.deep.equal({ first: 1, second: 2 });
      expect(calls).to.deep.equal(['1:first', '1:second', '2:second']);
      const events = second.getExecutionHistory(executionArn).events;
      expect(events.map((e) => e.type)).to.deep.equal([
        'ExecutionStarted',
        'TaskStateEntered',
        'LambdaFunctionScheduled',
        'LambdaFunctionStarted',
        'LambdaFunctionSucceeded',
        'TaskStateExited',
        'TaskStateEntered',
        'LambdaFunctionScheduled',
        'LambdaFunctionStarted',
        'LambdaFunctionSucceeded',
        'TaskStateExited',
        'ExecutionSucceeded',
      ]);
      expect(events.map((e) => e.id)).to.deep.equal(events.map((_, i) => i + 1));
    });
  });
});
