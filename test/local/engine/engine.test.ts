import { expect } from 'chai';
import type { StateMachineDefinition } from '../../../local/engine';
import { fn, lambdaError, testEngine } from './helpers';

const oneTask: StateMachineDefinition = { StartAt: 'T', States: { T: { Type: 'Task', Resource: fn('work'), End: true } } };

describe('Class: Engine', () => {
  describe('Method: startExecution', () => {
    it('is idempotent by name while the execution runs with the same input', async () => {
      // Prepare
      let release: () => void = () => undefined;
      const engine = testEngine({ work: () => new Promise((resolve) => (release = () => resolve('done'))) });
      const { stateMachineArn } = engine.createStateMachine({ name: 'sm', definition: oneTask });

      // Act
      const first = engine.startExecution(stateMachineArn, { a: 1 }, { name: 'order-1' });
      const again = engine.startExecution(stateMachineArn, { a: 1 }, { name: 'order-1' });

      // Assess
      expect(again.executionArn).to.equal(first.executionArn);
      expect(() => engine.startExecution(stateMachineArn, { a: 2 }, { name: 'order-1' })).to.throw().with.property('name', 'ExecutionAlreadyExists');
      await new Promise((resolve) => setImmediate(resolve));
      release();
      await engine.awaitExecution(first.executionArn);
      expect(() => engine.startExecution(stateMachineArn, { a: 1 }, { name: 'order-1' })).to.throw().with.property('name', 'ExecutionAlreadyExists');
    });

    const names: Array<[string, boolean]> = [
      ['order-1', true],
      ['a'.repeat(80), true],
      ['a'.repeat(81), false],
      ['', false],
      ['has space', false],
      ['semi;colon', false],
      ['brace{', false],
      ['ctrl\u0001', false],
    ];
    for (const [name, valid] of names) {
      it(`${valid ? 'accepts' : 'rejects'} the name ${JSON.stringify(name.length > 20 ? `${name.slice(0, 5)}…(${name.length})` : name)}`, () => {
        const engine = testEngine({ work: () => 1 });
        const start = (): unknown => engine.startExecution(oneTask, {}, { name });
        if (valid) expect(start).to.not.throw();
        else expect(start).to.throw().with.property('name', 'InvalidName');
      });
    }
  });

  describe('Method: describeExecution', () => {
    it('reports AWS’s shapes, with Lambda errors as their JSON cause', async () => {
      // Prepare
      const engine = testEngine({ work: () => { throw lambdaError('PaymentDeclined', 'card refused'); } });

      // Act
      const { executionArn } = engine.startExecution(oneTask, { x: 1 }, { name: 'e1' });
      const d = await engine.awaitExecution(executionArn);

      // Assess
      expect(d).to.include({ status: 'FAILED', error: 'PaymentDeclined', input: '{"x":1}', name: 'e1', redriveCount: 0, redriveStatus: 'REDRIVABLE' });
      expect(d.executionArn).to.match(/^arn:aws:states:us-east-1:123456789012:execution:adhoc-[^:]+:e1$/);
      expect(JSON.parse(d.cause!)).to.deep.include({ errorType: 'PaymentDeclined', errorMessage: 'card refused', stackTrace: ['at handler'] });
      expect(d.startDate).to.be.instanceOf(Date);
      expect(d.stopDate).to.be.instanceOf(Date);
    });
  });

  describe('Method: stopExecution', () => {
    it('aborts a running execution and its task', async () => {
      // Prepare
      let signal: AbortSignal | undefined;
      const engine = testEngine({ work: (_p, request) => { signal = request.signal; return new Promise(() => undefined); } });
      const { executionArn } = engine.startExecution(oneTask);
      await new Promise((resolve) => setImmediate(resolve));

      // Act
      engine.stopExecution(executionArn, { error: 'Manual', cause: 'operator' });
      const d = await engine.awaitExecution(executionArn);

      // Assess
      expect(d).to.include({ status: 'ABORTED', error: 'Manual', cause: 'operator' });
      expect(signal?.aborted).to.equal(true);
      expect(engine.getExecutionHistory(executionArn).events.at(-1)?.type).to.equal('ExecutionAborted');
    });
  });

  describe('Method: redriveExecution', () => {
    it('re-runs a failed execution from the state that failed', async () => {
      // Prepare
      const calls: string[] = [];
      let fail = true;
      const engine = testEngine({
        first: () => { calls.push('first'); return { a: 1 }; },
        second: () => { calls.push('second'); if (fail) throw lambdaError('Down'); return 'ok'; },
      });
      const definition: StateMachineDefinition = {
        StartAt: 'First',
        States: {
          First: { Type: 'Task', Resource: fn('first'), Next: 'Second' },
          Second: { Type: 'Task', Resource: fn('second'), End: true },
        },
      };
      const { executionArn } = engine.startExecution(definition);
      expect((await engine.awaitExecution(executionArn)).status).to.equal('FAILED');

      // Act
      fail = false;
      engine.redriveExecution(executionArn);
      const d = await engine.awaitExecution(executionArn);

      // Assess
      expect(d).to.include({ status: 'SUCCEEDED', output: '"ok"', redriveCount: 1 });
      expect(calls).to.deep.equal(['first', 'second', 'second']);
      const types = engine.getExecutionHistory(executionArn).events.map((e) => e.type);
      expect(types.filter((t) => t === 'ExecutionRedriven')).to.have.length(1);
      expect(types.at(-1)).to.equal('ExecutionSucceeded');
    });

    it('refuses a succeeded execution', async () => {
      const engine = testEngine({ work: () => 1 });
      const { executionArn } = engine.startExecution(oneTask);
      await engine.awaitExecution(executionArn);
      expect(() => engine.redriveExecution(executionArn)).to.throw().with.property('name', 'ExecutionNotRedrivable');
    });
  });

  describe('Task timeouts and execution timeouts', () => {
    it('fails a task that outlives TimeoutSeconds with States.Timeout', async () => {
      // Prepare
      const engine = testEngine({ work: () => new Promise(() => undefined) }, { timeScale: 0.001 });

      // Act
      const { executionArn } = engine.startExecution({ StartAt: 'T', States: { T: { Type: 'Task', Resource: fn('work'), TimeoutSeconds: 2, End: true } } });
      const d = await engine.awaitExecution(executionArn);

      // Assess
      expect(d).to.include({ status: 'FAILED', error: 'States.Timeout' });
      expect(engine.getExecutionHistory(executionArn).events.map((e) => e.type)).to.include('LambdaFunctionTimedOut');
    });

    it('times out an execution that outlives its TimeoutSeconds', async () => {
      const engine = testEngine({}, { timeScale: 0.001 });
      const { executionArn } = engine.startExecution({ TimeoutSeconds: 1, StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 100, End: true } } });
      const d = await engine.awaitExecution(executionArn);
      expect(d).to.include({ status: 'TIMED_OUT', error: 'States.Timeout' });
    });
  });

  describe('Method: listExecutions', () => {
    it('lists newest first and filters by status', async () => {
      const engine = testEngine({ work: () => 1 });
      const { stateMachineArn } = engine.createStateMachine({ name: 'sm', definition: oneTask });
      const a = engine.startExecution(stateMachineArn, {}, { name: 'a' });
      const b = engine.startExecution(stateMachineArn, {}, { name: 'b' });
      await engine.idle();
      expect(engine.listExecutions({ stateMachineArn }).map((e) => e.name)).to.deep.equal(['b', 'a']);
      expect(engine.listExecutions({ statusFilter: 'RUNNING' })).to.deep.equal([]);
      expect([a.executionArn, b.executionArn]).to.have.length(2);
    });
  });
});

describe('Express executions', () => {
  it('run synchronously with an express ARN and no RedriveCount in $$', async () => {
    // Prepare
    const engine = testEngine();

    // Act
    const d = await engine.startSyncExecution({ StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'execution.$': '$$.Execution' }, End: true } } }, { a: 1 }, { name: 'x1' });

    // Assess
    expect(d.status).to.equal('SUCCEEDED');
    expect(d.executionArn).to.match(/^arn:aws:states:us-east-1:123456789012:express:adhoc-[^:]+:x1:[0-9a-f-]{36}$/);
    const execution = (JSON.parse(d.output!) as { execution: Record<string, unknown> }).execution;
    expect(execution).to.include({ Id: d.executionArn, Name: 'x1' });
    expect(execution).to.not.have.property('RedriveCount');
  });
});
