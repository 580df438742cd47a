import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MemoryExecutionStore } from '../../../../local/engine';
import type { ExecutionRecord, ExecutionStore } from '../../../../local/engine';
import type { RecordedEvent } from '../../../../local/engine/history';
import Database from 'better-sqlite3';
import { CorruptRecordError, SqliteExecutionStore } from '../../../../local/store/executions';
import { ARN_BATCH } from '../../../../local/store/executions/arnIndex';
import { packEvents } from '../../../../local/store/executions/eventPacking';

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

    it('reads back the latest checkpoint and refuses an existing ARN after a reopen', () => {
      // Prepare
      const file = path.join(dir, 'latest.db');
      const first = new SqliteExecutionStore(file);
      const arn = record('d').executionArn;
      first.createExecution(record('d'), { events: [event(1, 'ExecutionStarted')], memo: [] });
      for (const state of ['A', 'B', 'C']) {
        first.commitStep(arn, { events: [], memo: [], execution: { checkpoint: { state, input: { at: state }, variables: {}, lane: { key: 't', count: 0, last: 1 } } } });
        first.flush();
      }
      first.close();

      // Act
      const second = new SqliteExecutionStore(file);
      const created = second.createExecution(record('d'), { events: [], memo: [] });

      // Assess
      expect(created).to.equal(false);
      expect(second.getExecution(arn)?.checkpoint).to.deep.include({ state: 'C', input: { at: 'C' } });
      expect(second.listExecutions({ status: 'RUNNING' }).map((r) => r.checkpoint?.state)).to.deep.equal(['C']);
      second.close();
    });

    it('migrates a version 1 file (executions keyed by ARN)', () => {
      // Prepare: the version 1 layout, as the store wrote it before.
      const file = path.join(dir, 'v1.db');
      const v1 = new Database(file);
      v1.exec(`
        CREATE TABLE state_machines (arn TEXT PRIMARY KEY, name TEXT NOT NULL, definition TEXT NOT NULL, role_arn TEXT NOT NULL, type TEXT NOT NULL, creation_date TEXT NOT NULL);
        CREATE TABLE executions (arn TEXT PRIMARY KEY, seq INTEGER NOT NULL, state_machine_arn TEXT NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL,
          start_date TEXT NOT NULL, stop_date TEXT, input TEXT NOT NULL, output TEXT, error TEXT, cause TEXT,
          redrive_count INTEGER NOT NULL DEFAULT 0, redrive_date TEXT, checkpoint TEXT) WITHOUT ROWID;
        CREATE INDEX executions_by_status ON executions(status);
        CREATE TABLE execution_steps (id INTEGER PRIMARY KEY, execution_arn TEXT NOT NULL, events TEXT NOT NULL, memo TEXT NOT NULL);
        CREATE INDEX execution_steps_by_execution ON execution_steps(execution_arn, id);
      `);
      const checkpoint = { state: 'P', input: 1, variables: {}, lane: { key: 't', count: 1, last: 1 } };
      const insert = v1.prepare('INSERT INTO executions (arn, seq, state_machine_arn, name, status, start_date, input, checkpoint) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      insert.run(record('old').executionArn, 1, record('old').stateMachineArn, 'old', 'RUNNING', record('old').startDate, '{}', JSON.stringify(checkpoint));
      insert.run(record('done').executionArn, 2, record('done').stateMachineArn, 'done', 'SUCCEEDED', record('done').startDate, '{}', null);
      const step = v1.prepare('INSERT INTO execution_steps (execution_arn, events, memo) VALUES (?, ?, ?)');
      step.run(record('old').executionArn, JSON.stringify(packEvents([event(1, 'ExecutionStarted')])), JSON.stringify([['t#1', { kind: 'wait', until: 5 }]]));
      step.run(record('old').executionArn, JSON.stringify(packEvents([event(2, 'PassStateEntered')])), '[]');
      v1.close();

      // Act
      const store = new SqliteExecutionStore(file);
      store.createExecution(record('new'), { events: [event(1, 'ExecutionStarted')], memo: [] });

      // Assess
      expect(store.listExecutions().map((r) => r.name)).to.deep.equal(['new', 'done', 'old']);
      expect(store.getExecution(record('old').executionArn)?.checkpoint).to.deep.equal(checkpoint);
      expect(store.getHistory(record('old').executionArn).map((e) => e.event.id)).to.deep.equal([1, 2]);
      expect(store.getMemo(record('old').executionArn)).to.deep.equal([['t#1', { kind: 'wait', until: 5 }]]);
      store.close();
    });

    /** The version 3 layout, with rows as that version wrote them. */
    function versionThreeFile(file: string, version: 2 | 3): void {
      const db = new Database(file);
      db.exec(`
        CREATE TABLE state_machines (arn TEXT PRIMARY KEY, name TEXT NOT NULL, definition TEXT NOT NULL, role_arn TEXT NOT NULL, type TEXT NOT NULL, creation_date TEXT NOT NULL);
        CREATE TABLE executions (seq INTEGER PRIMARY KEY, arn TEXT NOT NULL UNIQUE, state_machine_arn TEXT NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL,
          start_date TEXT NOT NULL, stop_date TEXT, input TEXT NOT NULL, output TEXT, error TEXT, cause TEXT,
          redrive_count INTEGER NOT NULL DEFAULT 0, redrive_date TEXT, checkpoint TEXT);
        CREATE TABLE execution_steps (id INTEGER PRIMARY KEY, execution_seq INTEGER NOT NULL, events TEXT NOT NULL, memo TEXT NOT NULL${version === 3 ? ', checkpoint TEXT' : ''});
        CREATE INDEX execution_steps_by_execution ON execution_steps(execution_seq, id);
        ${version === 2 ? 'CREATE INDEX executions_by_status ON executions(status);' : ''}
        PRAGMA user_version = ${version};
      `);
      const insert = db.prepare('INSERT INTO executions (seq, arn, state_machine_arn, name, status, start_date, input) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const [seq, name, status] of [[1, 'old', 'RUNNING'], [2, 'done', 'SUCCEEDED'], [3, 'broken', 'FAILED']] as const) {
        insert.run(seq, record(name).executionArn, record(name).stateMachineArn, name, status, record(name).startDate, '{}');
      }
      const step = db.prepare('INSERT INTO execution_steps (execution_seq, events, memo) VALUES (?, ?, ?)');
      step.run(1, JSON.stringify(packEvents([event(1, 'ExecutionStarted')])), JSON.stringify([['t#1', { kind: 'wait', until: 5 }]]));
      step.run(3, '{"p": [], "e": [["not an event"]]}', '[]');
      step.run(1, JSON.stringify(packEvents([event(2, 'PassStateEntered')])), JSON.stringify([['t#2', { kind: 'task', ok: true, value: { x: 1 } }]]));
      if (version === 3) {
        const checkpoint = (state: string) => JSON.stringify({ state, input: { at: state }, variables: {}, lane: { key: 't', count: 1, last: 2 } });
        db.prepare('INSERT INTO execution_steps (execution_seq, events, memo, checkpoint) VALUES (?, ?, ?, ?)').run(1, JSON.stringify(packEvents([])), '[]', checkpoint('A'));
        db.prepare('INSERT INTO execution_steps (execution_seq, events, memo, checkpoint) VALUES (?, ?, ?, ?)').run(1, JSON.stringify(packEvents([event(3, 'PassStateExited')])), '[]', checkpoint('B'));
      }
      db.close();
    }

    for (const version of [2, 3] as const) {
      it(`migrates a version ${version} file, keeping every step and a corrupt one still reported corrupt`, () => {
        // Prepare
        const file = path.join(dir, `v${version}.db`);
        versionThreeFile(file, version);

        // Act
        const store = new SqliteExecutionStore(file);
        const createdAgain = store.createExecution(record('old'), { events: [], memo: [] });
        store.createExecution(record('new'), { events: [event(1, 'ExecutionStarted')], memo: [] });

        // Assess
        expect(createdAgain).to.equal(false);
        expect(store.listExecutions().map((r) => r.name)).to.deep.equal(['new', 'broken', 'done', 'old']);
        expect(store.getHistory(record('old').executionArn)).to.deep.equal(
          version === 3 ? [event(1, 'ExecutionStarted'), event(2, 'PassStateEntered'), event(3, 'PassStateExited')] : [event(1, 'ExecutionStarted'), event(2, 'PassStateEntered')],
        );
        expect(store.getMemo(record('old').executionArn)).to.deep.equal([
          ['t#1', { kind: 'wait', until: 5 }],
          ['t#2', { kind: 'task', ok: true, value: { x: 1 } }],
        ]);
        expect(store.getExecution(record('old').executionArn)?.checkpoint).to.deep.equal(
          version === 3 ? { state: 'B', input: { at: 'B' }, variables: {}, lane: { key: 't', count: 1, last: 2 } } : undefined,
        );
        expect(() => store.getHistory(record('broken').executionArn)).to.throw(CorruptRecordError);
        store.close();
        expect(new Database(file).pragma('user_version', { simple: true })).to.equal(4);
      });
    }

    it('describes a just-ended execution as a reopened store reads it from the file', () => {
      // Prepare
      const file = path.join(dir, 'ended.db');
      const store = new SqliteExecutionStore(file);
      const checkpoint = { state: 'P', input: 1, variables: {}, lane: { key: 't', count: 1, last: 1 } };
      for (const [name, status] of [['won', 'SUCCEEDED'], ['lost', 'FAILED']] as const) {
        store.createExecution(record(name), { events: [event(1, 'ExecutionStarted')], memo: [] });
        store.flush();
        store.commitStep(record(name).executionArn, { events: [event(2, 'PassStateEntered')], memo: [], execution: { status, stopDate: '2024-01-01T00:00:01.000Z', error: undefined, checkpoint } });
      }
      store.flush();

      // Act
      const inMemory = ['won', 'lost'].map((name) => store.getExecution(record(name).executionArn));
      store.close();
      const reopened = new SqliteExecutionStore(file);
      const fromFile = ['won', 'lost'].map((name) => reopened.getExecution(record(name).executionArn));

      // Assess
      expect(inMemory).to.deep.equal(fromFile);
      expect(fromFile.map((r) => r?.checkpoint)).to.deep.equal([undefined, checkpoint]);
      reopened.close();
    });

    it("keeps the steps written with a new execution in its row, record changes, checkpoint and all", () => {
      // Prepare
      const file = path.join(dir, 'first-step.db');
      const store = new SqliteExecutionStore(file);
      const checkpoint = { state: 'W', input: { w: 1 }, variables: {}, lane: { key: 't', count: 2, last: 2 } };
      store.createExecution(record('waiting'), { events: [event(1, 'ExecutionStarted')], memo: [], execution: { checkpoint } });
      store.createExecution(record('quick'), { events: [event(1, 'ExecutionStarted')], memo: [] });
      store.commitStep(record('quick').executionArn, {
        events: [event(2, 'ExecutionSucceeded')],
        memo: [['t#1', { kind: 'task', ok: true, value: 'v' }]],
        execution: { status: 'SUCCEEDED', output: '"v"', stopDate: '2024-01-01T00:00:01.000Z' },
      });
      store.close();

      // Act
      const reopened = new SqliteExecutionStore(file);

      // Assess
      expect(reopened.getExecution(record('waiting').executionArn)?.checkpoint).to.deep.equal(checkpoint);
      expect(reopened.listExecutions({ status: 'RUNNING' }).map((r) => [r.name, r.checkpoint?.state])).to.deep.equal([['waiting', 'W']]);
      expect(reopened.getExecution(record('quick').executionArn)).to.deep.include({ status: 'SUCCEEDED', output: '"v"' });
      expect(reopened.getHistory(record('quick').executionArn).map((e) => e.event.type)).to.deep.equal(['ExecutionStarted', 'ExecutionSucceeded']);
      expect(reopened.getMemo(record('quick').executionArn)).to.deep.equal([['t#1', { kind: 'task', ok: true, value: 'v' }]]);
      reopened.commitStep(record('waiting').executionArn, { events: [event(2, 'WaitStateExited')], memo: [] });
      expect(reopened.getHistory(record('waiting').executionArn).map((e) => e.event.id)).to.deep.equal([1, 2]);
      reopened.close();
    });

    it('finds executions by ARN whether their index entries are written or still waiting, across a reopen', () => {
      // Prepare: enough executions for one batch of index entries, and some waiting after it.
      const file = path.join(dir, 'arns.db');
      const store = new SqliteExecutionStore(file);
      const names = Array.from({ length: ARN_BATCH + 10 }, (_, i) => `x${i}`);
      for (const name of names) {
        store.createExecution(record(name), { events: [event(1, 'ExecutionStarted')], memo: [] });
        store.flush();
      }
      store.close();

      // Act
      const reopened = new SqliteExecutionStore(file);
      const probes = [names[0], names[ARN_BATCH - 1], names[ARN_BATCH], names[names.length - 1]];

      // Assess
      expect(probes.map((name) => reopened.getExecution(record(name).executionArn)?.name)).to.deep.equal(probes);
      expect(probes.map((name) => reopened.getHistory(record(name).executionArn).length)).to.deep.equal([1, 1, 1, 1]);
      expect(probes.map((name) => reopened.createExecution(record(name), { events: [], memo: [] }))).to.deep.equal([false, false, false, false]);
      expect(reopened.getExecution(record('nobody').executionArn)).to.equal(undefined);
      expect(reopened.createExecution(record('nobody'), { events: [], memo: [] })).to.equal(true);
      reopened.close();
      expect(new Database(file).prepare('SELECT count(*) FROM execution_arns').pluck().get()).to.equal(ARN_BATCH);
    });

    it('lists running executions from memory as the file holds them: newest first, by machine, across a reopen and a redrive', () => {
      // Prepare: executions left running by an earlier store, one ended and one still running in this one.
      const file = path.join(dir, 'running.db');
      const checkpoint = (state: string) => ({ state, input: { at: state }, variables: {}, lane: { key: 't', count: 0, last: 1 } });
      const other = (name: string): ExecutionRecord => ({ ...record(name), executionArn: `arn:aws:states:us-east-1:1:execution:other:${name}`, stateMachineArn: 'arn:other' });
      const first = new SqliteExecutionStore(file);
      first.createExecution(record('old1'), { events: [event(1, 'ExecutionStarted')], memo: [], execution: { checkpoint: checkpoint('A') } });
      first.createExecution(other('old2'), { events: [event(1, 'ExecutionStarted')], memo: [] });
      first.commitStep(other('old2').executionArn, { events: [], memo: [], execution: { checkpoint: checkpoint('B') } });
      first.close();
      const store = new SqliteExecutionStore(file);
      store.createExecution(record('new1'), { events: [event(1, 'ExecutionStarted')], memo: [], execution: { checkpoint: checkpoint('C') } });
      store.createExecution(record('new2'), { events: [event(1, 'ExecutionStarted')], memo: [] });

      // Act
      const before = store.listExecutions({ status: 'RUNNING' });
      store.commitStep(record('new2').executionArn, { events: [], memo: [], execution: { status: 'FAILED', stopDate: '2024-01-01T00:00:01.000Z' } });
      store.commitStep(record('old1').executionArn, { events: [], memo: [], execution: { status: 'ABORTED', stopDate: '2024-01-01T00:00:01.000Z' } });
      const afterEnds = store.listExecutions({ status: 'RUNNING' }).map((r) => r.name);
      const byMachine = store.listExecutions({ status: 'RUNNING', stateMachineArn: 'arn:other' }).map((r) => r.name);
      store.commitStep(record('old1').executionArn, { events: [], memo: [], execution: { status: 'RUNNING', stopDate: undefined, redriveCount: 1 } });
      const afterRedrive = store.listExecutions({ status: 'RUNNING' });
      const summaries = store.listExecutionSummaries({ status: 'RUNNING' });
      store.close();
      const reopened = new SqliteExecutionStore(file);
      const fromFile = reopened.listExecutions({ status: 'RUNNING' });
      reopened.close();

      // Assess
      expect(before.map((r) => [r.name, r.checkpoint?.state])).to.deep.equal([['new2', undefined], ['new1', 'C'], ['old2', 'B'], ['old1', 'A']]);
      expect(afterEnds).to.deep.equal(['new1', 'old2']);
      expect(byMachine).to.deep.equal(['old2']);
      expect(afterRedrive).to.deep.equal(fromFile);
      expect(fromFile.map((r) => [r.name, r.redriveCount])).to.deep.equal([['new1', 0], ['old2', 0], ['old1', 1]]);
      expect(summaries).to.deep.equal(fromFile.map(({ checkpoint: _, ...summary }) => summary));
    });

    it('lists summaries as the full listing without checkpoints', () => {
      // Prepare
      const file = path.join(dir, 'summaries.db');
      const store = new SqliteExecutionStore(file);
      const checkpoint = { state: 'P', input: 1, variables: {}, lane: { key: 't', count: 1, last: 1 } };
      for (const [name, status] of [['s1', 'SUCCEEDED'], ['f1', 'FAILED'], ['r1', 'RUNNING']] as const) {
        store.createExecution(record(name), { events: [event(1, 'ExecutionStarted')], memo: [], execution: { checkpoint } });
        store.flush();
        if (status !== 'RUNNING') store.commitStep(record(name).executionArn, { events: [], memo: [], execution: { status, stopDate: '2024-01-01T00:00:01.000Z' } });
      }

      // Act
      const full = store.listExecutions();
      const summaries = store.listExecutionSummaries();
      const failed = store.listExecutionSummaries({ status: 'FAILED' });
      store.close();

      // Assess
      expect(full.map((r) => [r.name, r.checkpoint?.state])).to.deep.equal([['r1', 'P'], ['f1', 'P'], ['s1', undefined]]);
      expect(summaries).to.deep.equal(full.map(({ checkpoint: _, ...summary }) => summary));
      expect(failed.map((r) => r.name)).to.deep.equal(['f1']);
    });

    it('writes the steps an execution commits in one turn as one row, as they were committed', () => {
      // Prepare
      const file = path.join(dir, 'one-row.db');
      const store = new SqliteExecutionStore(file);
      const arn = record('joined').executionArn;
      store.createExecution(record('joined'), { events: [event(1, 'ExecutionStarted')], memo: [] });
      store.flush();
      const checkpoint = { state: 'Q', input: { q: 1 }, variables: {}, lane: { key: 't', count: 3, last: 3 } };

      // Act
      store.commitStep(arn, { events: [event(2, 'TaskStateEntered')], memo: [['t#2', { kind: 'task', ok: true, value: { r: 1 } }]] });
      store.commitStep(arn, { events: [event(3, 'TaskStateExited'), event(4, 'PassStateEntered')], memo: [], execution: { checkpoint } });
      store.commitStep(arn, { events: [], memo: [['wait:t#4', { kind: 'wait', until: 9 }]], execution: { redriveCount: 0 } });
      store.close();

      // Assess
      const db = new Database(file);
      expect(db.prepare('SELECT count(*) FROM execution_steps').pluck().get()).to.equal(1);
      db.close();
      const reopened = new SqliteExecutionStore(file);
      expect(reopened.getHistory(arn).map((e) => e.event.id)).to.deep.equal([1, 2, 3, 4]);
      expect(reopened.getMemo(arn)).to.deep.equal([
        ['t#2', { kind: 'task', ok: true, value: { r: 1 } }],
        ['wait:t#4', { kind: 'wait', until: 9 }],
      ]);
      expect(reopened.getExecution(arn)?.checkpoint).to.deep.equal(checkpoint);
      reopened.close();
    });

    it('creates an execution it just found absent, once', () => {
      const file = path.join(dir, 'absent.db');
      const store = new SqliteExecutionStore(file);
      expect(store.getExecution(record('e').executionArn)).to.equal(undefined);
      expect(store.createExecution(record('e'), { events: [], memo: [] })).to.equal(true);
      expect(store.createExecution(record('e'), { events: [], memo: [] })).to.equal(false);
      store.close();
      const reopened = new SqliteExecutionStore(file);
      expect(reopened.getExecution(record('e').executionArn)).to.deep.equal(record('e'));
      expect(reopened.createExecution(record('e'), { events: [], memo: [] })).to.equal(false);
      reopened.close();
    });
  });
});
