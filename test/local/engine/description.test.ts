import { expect } from 'chai';
import { deepStrictEqual } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { MemoryExecutionStore } from '../../../local/engine';
import type { Engine, ExecutionDescription, ExecutionStore, StateMachineDefinition } from '../../../local/engine';
import { SqliteExecutionStore } from '../../../local/store/executions';
import { fn, testEngine } from './helpers';

const definition: StateMachineDefinition = {
  StartAt: 'Work',
  States: { Work: { Type: 'Task', Resource: fn('work'), ResultPath: '$.result', End: true } },
};
const input = { orderId: 'o-1', items: [{ sku: 'A', quantity: 2 }], note: 'naïve – “quoted” \u2028' };
const output = { ...input, result: { done: true, at: 3 } };

async function ranOn(store: ExecutionStore): Promise<{ engine: Engine; executionArn: string }> {
  const engine = testEngine({ work: () => ({ done: true, at: 3 }) }, { store });
  const { stateMachineArn } = engine.createStateMachine({ name: 'sm', definition });
  const { executionArn } = engine.startExecution(stateMachineArn, input, { name: 'e-1' });
  await engine.awaitExecution(executionArn);
  return { engine, executionArn };
}

/** Runs `act` counting JSON.stringify's calls. */
function stringifyCalls(act: () => void): number {
  const original = JSON.stringify;
  let calls = 0;
  JSON.stringify = ((...args: Parameters<typeof JSON.stringify>) => {
    calls++;
    return original(...args);
  }) as typeof JSON.stringify;
  try {
    act();
  } finally {
    JSON.stringify = original;
  }
  return calls;
}

describe('Function: describeExecution (the description’s input and output)', () => {
  it('gives input and output as JSON text in own, enumerable fields, in AWS’s order', async () => {
    // Prepare
    const { engine, executionArn } = await ranOn(new MemoryExecutionStore());

    // Act
    const d = engine.describeExecution(executionArn);

    // Assess
    expect(Object.keys(d)).to.deep.equal([
      'executionArn', 'stateMachineArn', 'name', 'status', 'startDate', 'stopDate', 'input', 'inputDetails', 'output', 'outputDetails',
      'redriveCount', 'redriveStatus', 'redriveStatusReason',
    ]);
    expect(d.input).to.equal(JSON.stringify(input));
    expect(d.output).to.equal(JSON.stringify(output));
    const copy = { ...d };
    expect(Object.getOwnPropertyDescriptor(copy, 'output')?.value).to.equal(JSON.stringify(output));
    expect(JSON.parse(JSON.stringify(d))).to.include({ input: JSON.stringify(input), output: JSON.stringify(output), status: 'SUCCEEDED' });
    expect(structuredClone(d)).to.include({ input: JSON.stringify(input), output: JSON.stringify(output) });
    expect(d).to.deep.equal({ ...copy });
    expect(Object.getPrototypeOf(d)).to.equal(Object.prototype);
    deepStrictEqual(d, { ...copy });
  });

  it('makes the texts of an in-memory execution only when they are read, and once', async () => {
    // Prepare
    const { engine, executionArn } = await ranOn(new MemoryExecutionStore());
    let d: ExecutionDescription | undefined;

    // Act
    const describing = stringifyCalls(() => (d = engine.describeExecution(executionArn)));
    const firstRead = stringifyCalls(() => [d!.input, d!.output]);
    const secondRead = stringifyCalls(() => [d!.input, d!.output, engine.describeExecution(executionArn).output]);

    // Assess
    expect(describing).to.equal(0);
    expect(firstRead).to.equal(2);
    expect(secondRead).to.equal(0);
  });

  it('lists in-memory executions without making their texts', async () => {
    // Prepare
    const { engine, executionArn } = await ranOn(new MemoryExecutionStore());
    let listed: ReturnType<Engine['listExecutions']> = [];

    // Act
    const calls = stringifyCalls(() => (listed = engine.listExecutions()));

    // Assess
    expect(calls).to.equal(0);
    expect(listed.map((e) => [e.executionArn, e.status])).to.deep.equal([[executionArn, 'SUCCEEDED']]);
    expect(listed[0]).to.have.keys(['executionArn', 'stateMachineArn', 'name', 'status', 'startDate', 'stopDate', 'redriveCount']);
  });

  it('describes an execution in SQLite as it does one in memory', async () => {
    // Prepare
    const dir = mkdtempSync(path.join(tmpdir(), 'describe-'));
    const sqlite = new SqliteExecutionStore(path.join(dir, 'x.db'));
    try {
      const onDisk = await ranOn(sqlite);
      const inMemory = await ranOn(new MemoryExecutionStore());

      // Act
      const a = onDisk.engine.describeExecution(onDisk.executionArn);
      const b = inMemory.engine.describeExecution(inMemory.executionArn);

      // Assess
      expect(Object.keys(a)).to.deep.equal(Object.keys(b));
      expect({ ...a, startDate: 0, stopDate: 0 }).to.deep.equal({ ...b, startDate: 0, stopDate: 0 });
    } finally {
      sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('logs as the plain object it stands for', async () => {
    // Prepare
    const { engine, executionArn } = await ranOn(new MemoryExecutionStore());

    // Act
    const logged = inspect(engine.describeExecution(executionArn), { breakLength: Infinity });

    // Assess
    expect(logged).to.include(`input: '${JSON.stringify(input)}'`);
    expect(logged).to.include(`status: 'SUCCEEDED'`);
    expect(logged).not.to.match(/Getter|Setter|Description/);
    expect(inspect({ a: { b: { d: engine.describeExecution(executionArn) } } })).to.equal('{ a: { b: { d: [Object] } } }');
  });

  it('keeps what is assigned to input or output, as a plain field', async () => {
    // Prepare
    const { engine, executionArn } = await ranOn(new MemoryExecutionStore());
    const d = engine.describeExecution(executionArn);

    // Act
    d.output = 'replaced';
    d.input = '{}';

    // Assess
    expect(d.output).to.equal('replaced');
    expect(Object.getOwnPropertyDescriptor(d, 'input')).to.deep.equal({ value: '{}', writable: true, enumerable: true, configurable: true });
    expect(engine.describeExecution(executionArn).output).to.equal(JSON.stringify(output));
  });

  it('has no output while running, and none once a redrive starts again', async () => {
    // Prepare
    let fail = true;
    const engine = testEngine({
      work: () => {
        if (fail) throw Object.assign(new Error('boom'), { name: 'Boom' });
        return new Promise(() => undefined); // runs until the test ends
      },
    });
    const { stateMachineArn } = engine.createStateMachine({ name: 'sm', definition });
    const { executionArn } = engine.startExecution(stateMachineArn, input);
    const failed = await engine.awaitExecution(executionArn);

    // Act
    fail = false;
    engine.redriveExecution(executionArn);
    const redriven = engine.describeExecution(executionArn);

    // Assess
    expect(failed).to.include({ status: 'FAILED', error: 'Boom' });
    expect(failed).not.to.have.property('output');
    expect(redriven).to.include({ status: 'RUNNING', input: JSON.stringify(input), redriveCount: 1 });
    expect(redriven).not.to.have.property('output');
    engine.stopExecution(executionArn);
    await engine.awaitExecution(executionArn);
  });
});
