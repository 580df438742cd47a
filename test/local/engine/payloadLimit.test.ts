import { expect } from 'chai';
import { exceedsByteSize, jsonByteSize } from '../../../local/engine/json';
import { keptJsonText } from '../../../local/engine/jsonText';
import { thrown } from '../../support/rejection';
import { fn, runDefinition, testEngine } from './helpers';

const big = (bytes: number): string => 'x'.repeat(bytes);

describe('Payload limit (256 KiB)', () => {
  it('fails a task whose result is over the limit with States.DataLimitExceeded', async () => {
    // Act
    const r = await runDefinition({ StartAt: 'T', States: { T: { Type: 'Task', Resource: fn('huge'), End: true } } }, {}, { huge: () => big(262_145) });

    // Assess
    expect(r.description.error).to.equal('States.DataLimitExceeded');
    expect(r.description.cause).to.equal("The state/task 'T' returned a result with a size exceeding the maximum number of bytes service limit.");
  });

  it('fails a state whose output is over the limit', async () => {
    // Act
    const r = await runDefinition(
      { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'a.$': '$.s', 'b.$': '$.s' }, End: true } } },
      { s: big(140_000) },
    );

    // Assess
    expect(r.description.error).to.equal('States.DataLimitExceeded');
  });

  it('is not caught by States.ALL', async () => {
    // Act
    const r = await runDefinition(
      {
        StartAt: 'T',
        States: { T: { Type: 'Task', Resource: fn('huge'), Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }], End: true }, Caught: { Type: 'Succeed' } },
      },
      {},
      { huge: () => big(300_000) },
    );

    // Assess
    expect(r.description.status).to.equal('FAILED');
  });

  it('rejects an execution input over the limit', () => {
    // Prepare
    const engine = testEngine();

    // Act / Assess
    expect(() => engine.startExecution({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, big(262_200))).to.throw().with.property('name', 'InvalidExecutionInput');
  });

  const notJson: Array<[string, () => unknown, RegExp]> = [
    ['a BigInt', () => ({ amount: 10n }), /BigInt/],
    ['a cycle', () => {
      const order: Record<string, unknown> = { id: 'o-1' };
      order.self = order;
      return order;
    }, /circular/],
    ['a function', () => () => 1, /function is not JSON/],
  ];
  for (const [what, make, reason] of notJson) {
    it(`rejects an execution input with ${what} as InvalidExecutionInput, and starts nothing`, () => {
      // Prepare
      const engine = testEngine();

      // Act
      const error = thrown(() => engine.startExecution({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, make() as never));

      // Assess
      expect(error).to.have.property('name', 'InvalidExecutionInput');
      expect((error as Error).message).to.match(/^Invalid State Machine Execution Input: /).and.match(reason);
      expect(engine.listExecutions()).to.deep.equal([]);
      expect(engine.listStateMachines()).to.deep.equal([]);
    });
  }

  const sizes: Array<[unknown, number]> = [
    [{ a: 'é' }, 10],
    [['x', 1, null, true], 17],
    ['😀', 6],
  ];
  for (const [value, bytes] of sizes) {
    it(`measures ${JSON.stringify(value)} as ${bytes} UTF-8 bytes`, () => {
      expect(jsonByteSize(value)).to.equal(bytes);
      expect(exceedsByteSize(value, bytes)).to.equal(false);
      expect(exceedsByteSize(value, bytes - 1)).to.equal(true);
    });
  }

  it('rejects an execution input whose characters are under the limit but whose UTF-8 bytes are over it', () => {
    // Prepare
    const engine = testEngine();
    const input = 'é'.repeat(131_100); // 131,102 characters of JSON text, 262,202 bytes

    // Act / Assess
    expect(() => engine.startExecution({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, input)).to.throw().with.property('name', 'InvalidExecutionInput');
  });

  it('keeps JSON text exactly as JSON.stringify writes it', () => {
    // Prepare
    const value = { orderId: 'o-1', items: [{ sku: 'A', quantity: 1 }], note: 'ü'.repeat(100), nested: { list: [1, null, true] } };

    // Act / Assess
    expect(keptJsonText(value)).to.equal(JSON.stringify(value));
    expect(keptJsonText(null)).to.equal('null');
    expect(keptJsonText(() => 1)).to.equal(undefined);
  });
});
