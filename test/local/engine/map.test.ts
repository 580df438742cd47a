import { expect } from 'chai';
import type { StateMachineDefinition } from '../../../local/engine';
import { fn, lambdaError, runDefinition } from './helpers';

const mapOf = (fields: Record<string, unknown>): StateMachineDefinition =>
  ({
    StartAt: 'M',
    States: {
      M: {
        Type: 'Map',
        ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'Work', States: { Work: { Type: 'Task', Resource: fn('work'), End: true } } },
        End: true,
        ...fields,
      },
    },
  }) as StateMachineDefinition;

const failOdd = (n: unknown): unknown => {
  if ((n as number) % 2 === 1) throw lambdaError('Odd', `odd ${String(n)}`);
  return (n as number) * 10;
};

describe('State: Map', () => {
  it('runs the processor per item, with ItemSelector and $$.Map.Item', async () => {
    // Act
    const r = await runDefinition(mapOf({ MaxConcurrency: 1, ItemsPath: '$.xs', ItemSelector: { 'v.$': '$$.Map.Item.Value', 'i.$': '$$.Map.Item.Index' } }), { xs: ['a', 'b'] }, { work: (p) => p });

    // Assess
    expect(r.output).to.deep.equal([{ v: 'a', i: 0 }, { v: 'b', i: 1 }]);
    expect(r.types.filter((t) => t.startsWith('MapIteration'))).to.deep.equal(['MapIterationStarted', 'MapIterationSucceeded', 'MapIterationStarted', 'MapIterationSucceeded']);
  });

  it('respects MaxConcurrency', async () => {
    // Prepare
    let running = 0;
    let peak = 0;
    const work = async (p: unknown): Promise<unknown> => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 2));
      running--;
      return p;
    };

    // Act
    const r = await runDefinition(mapOf({ MaxConcurrency: 2 }), [1, 2, 3, 4, 5], { work });

    // Assess
    expect(r.output).to.deep.equal([1, 2, 3, 4, 5]);
    expect(peak).to.equal(2);
  });

  const tolerance: Array<[string, Record<string, unknown>, unknown[], string, string | undefined]> = [
    ['fails on the first failed item without a tolerance', {}, [2, 3, 4], 'FAILED', 'Odd'],
    ['tolerates up to ToleratedFailureCount failures', { ToleratedFailureCount: 1 }, [2, 3, 4], 'SUCCEEDED', undefined],
    ['fails beyond ToleratedFailureCount', { ToleratedFailureCount: 1 }, [1, 3, 4], 'FAILED', 'States.ExceedToleratedFailureThreshold'],
    ['tolerates up to ToleratedFailurePercentage', { ToleratedFailurePercentage: 50 }, [1, 2, 3, 4], 'SUCCEEDED', undefined],
    ['fails beyond ToleratedFailurePercentage', { ToleratedFailurePercentage: 50 }, [1, 3, 5, 4], 'FAILED', 'States.ExceedToleratedFailureThreshold'],
  ];
  for (const [name, fields, items, status, error] of tolerance) {
    it(name, async () => {
      // Act
      const r = await runDefinition(mapOf({ MaxConcurrency: 1, ...fields }), items as never, { work: failOdd });

      // Assess
      expect(r.description.status).to.equal(status);
      expect(r.description.error).to.equal(error);
    });
  }

  it('puts a tolerated failure’s error output at its index', async () => {
    // Act
    const r = await runDefinition(mapOf({ MaxConcurrency: 1, ToleratedFailureCount: 1 }), [2, 3], { work: failOdd });

    // Assess
    const out = r.output as Array<Record<string, unknown>>;
    expect(out[0]).to.equal(20);
    expect(out[1]).to.include({ Error: 'Odd' });
  });

  it('fails with the JSONata Items error when Items is not an array', async () => {
    // Act
    const r = await runDefinition({ ...mapOf({ Items: '{% 1 %}' }), QueryLanguage: 'JSONata' }, {}, { work: (p) => p });

    // Assess
    expect(r.description.error).to.equal('States.QueryEvaluationError');
    expect(r.description.cause).to.match(/specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'number' for value: 1$/);
    expect(r.types.slice(-3)).to.deep.equal(['EvaluationFailed', 'MapStateFailed', 'ExecutionFailed']);
  });
});
