import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MemoryExecutionStore } from '../../../../local/engine';
import type { ExecutionRecord, ExecutionStore } from '../../../../local/engine';
import type { RecordedEvent } from '../../../../local/engine/history';
import { SqliteExecutionStore } from '../../../../local/store/executions';

const record = (name: string, status: ExecutionRecord['status'] = 'RUNNING'): ExecutionRecord => ({
  executionArn: `arn:aws:states:us-east-1:1:execution:sm:${name}`,
  stateMachineArn: 'arn:aws:states:us-east-1:1:stateMachine:sm',
  name,
  status,
  startDate: '2024-01-01T00:00:00.000Z',
  input: '{}',
  redriveCount: 0,
});

const event = (id: number, type: string): RecordedEvent => ({ key: `t#${id}`, event: { timestamp: '2024-01-01T00:00:00.000Z', type, id, previousEventId: id - 1 } });

describe('Contract: ExecutionStore', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'exec-store-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const stores: Array<[string, () => ExecutionStore]> = [
    ['MemoryExecutionStore', () => new MemoryExecutionStore()],
    ['SqliteExecutionStore', () => new SqliteExecutionStore(path.join(dir, `${Math.random().toString(36).slice(2)}.db`))],
    ['SqliteExecutionStore without group commit', () => new SqliteExecutionStore(path.join(dir, `${Math.random().toString(36).slice(2)}.db`), { groupCommit: false })],
  ];

  for (const [name, make] of stores) {
    describe(name, () => {
      it('creates an execution once, with its first step', () => {
        const store = make();
        expect(store.createExecution(record('a'), { events: [event(1, 'ExecutionStarted')], memo: [] })).to.equal(true);
        expect(store.createExecution(record('a'), { events: [], memo: [] })).to.equal(false);
        expect(store.getExecution(record('a').executionArn)).to.deep.equal(record('a'));
        expect(store.getHistory(record('a').executionArn).map((e) => e.event.type)).to.deep.equal(['ExecutionStarted']);
        store.close?.();
      });

      it('applies steps in order: events, task outcomes and record changes', () => {
        const store = make();
        const arn = record('b').executionArn;
        store.createExecution(record('b'), { events: [event(1, 'ExecutionStarted')], memo: [] });
        store.commitStep(arn, { events: [event(2, 'TaskStateEntered')], memo: [['t#2', { kind: 'task', ok: true, value: { x: 1 } }]] });
        store.commitStep(arn, {
          events: [event(3, 'ExecutionSucceeded')],
          memo: [['wait:t#3', { kind: 'wait', until: 5 }]],
          execution: { status: 'SUCCEEDED', output: '{"x":1}', stopDate: '2024-01-01T00:00:01.000Z' },
        });
        expect(store.getExecution(arn)).to.deep.include({ status: 'SUCCEEDED', output: '{"x":1}' });
        expect(store.getHistory(arn).map((e) => e.event.id)).to.deep.equal([1, 2, 3]);
        expect(store.getMemo(arn)).to.deep.equal([
          ['t#2', { kind: 'task', ok: true, value: { x: 1 } }],
          ['wait:t#3', { kind: 'wait', until: 5 }],
        ]);
        expect(store.listExecutions({ status: 'SUCCEEDED' }).map((r) => r.name)).to.deep.equal(['b']);
        store.close?.();
      });

      it('stores state machines', () => {
        const store = make();
        const sm = { stateMachineArn: 'arn:sm', name: 'sm', definition: '{}', roleArn: 'arn:role', type: 'STANDARD' as const, creationDate: '2024-01-01T00:00:00.000Z' };
        store.putStateMachine(sm);
        expect(store.getStateMachine('arn:sm')).to.deep.equal(sm);
        expect(store.listStateMachines()).to.deep.equal([sm]);
        store.deleteStateMachine('arn:sm');
        expect(store.getStateMachine('arn:sm')).to.equal(undefined);
        store.close?.();
      });
    });
  }

  describe('SqliteExecutionStore on disk', () => {
    it('keeps everything across a reopen', () => {
      const file = path.join(dir, 'reopen.db');
      const first = new SqliteExecutionStore(file);
      first.createExecution(record('c'), { events: [event(1, 'ExecutionStarted')], memo: [] });
      first.commitStep(record('c').executionArn, { events: [event(2, 'PassStateEntered')], memo: [], execution: { checkpoint: { state: 'P', input: 1, variables: { v: 2 }, lane: { key: 't', count: 1, last: 1 } } } });
      first.close();

      const second = new SqliteExecutionStore(file);
      expect(second.getHistory(record('c').executionArn)).to.have.length(2);
      expect(second.getExecution(record('c').executionArn)?.checkpoint).to.deep.equal({ state: 'P', input: 1, variables: { v: 2 }, lane: { key: 't', count: 1, last: 1 } });
      second.close();
    });
  });
});
