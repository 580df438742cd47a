import { expect } from 'chai';
import type { Json, JsonObject, StateMachineDefinition } from '../../../local/engine';
import { fn, testEngine } from './helpers';

const input = { orderId: 'o-1', items: [{ sku: 'A', quantity: 1 }] };

describe('TaskRequest: what an in-process handler is given', () => {
  for (const [form, definition] of [
    [
      'a function ARN',
      { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: fn('work'), Parameters: { 'order.$': '$' }, ResultPath: '$.result', End: true } } },
    ],
    [
      'lambda:invoke',
      {
        StartAt: 'Work',
        States: {
          Work: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: { FunctionName: fn('work'), 'Payload': { 'order.$': '$' } },
            ResultSelector: { 'value.$': '$.Payload' },
            ResultPath: '$.result',
            End: true,
          },
        },
      },
    ],
  ] as Array<[string, StateMachineDefinition]>) {
    it(`is a copy with ${form}: a handler that changes it changes nothing of the execution`, async () => {
      // Prepare: the handler changes what it was given, nested parts included, and returns it
      const engine = testEngine({
        work: (payload: Json) => {
          const order = (payload as JsonObject).order as JsonObject;
          (order.items as JsonObject[])[0].quantity = 99;
          order.orderId = 'changed';
          return 'done';
        },
      });

      // Act
      const { executionArn } = engine.startExecution(definition, input);
      const d = await engine.awaitExecution(executionArn);

      // Assess
      expect(d.status).to.equal('SUCCEEDED');
      expect(JSON.parse(d.input)).to.deep.equal(input);
      expect(JSON.parse(d.output!)).to.deep.include({ orderId: 'o-1', items: [{ sku: 'A', quantity: 1 }] });
      const events = engine.getExecutionHistory(executionArn).events;
      const lambda = events.find((e) => e.type === 'LambdaFunctionScheduled')?.lambdaFunctionScheduledEventDetails as { input: string } | undefined;
      const task = events.find((e) => e.type === 'TaskScheduled')?.taskScheduledEventDetails as { parameters: string } | undefined;
      const given = lambda !== undefined ? JSON.parse(lambda.input) : JSON.parse(task!.parameters).Payload;
      expect(given).to.deep.equal({ order: input });
      const entered = events.find((e) => e.type === 'TaskStateEntered')!.stateEnteredEventDetails as { input: string };
      expect(JSON.parse(entered.input)).to.deep.equal(input);
    });
  }

  it('is the same object every time a handler reads it', async () => {
    let same = false;
    const engine = testEngine({}, {
      invokeTask: async (request) => {
        same = request.kind === 'lambda' && request.payload === request.payload;
        return 1;
      },
    });
    const { executionArn } = engine.startExecution({ StartAt: 'W', States: { W: { Type: 'Task', Resource: fn('work'), End: true } } }, input);
    await engine.awaitExecution(executionArn);
    expect(same).to.equal(true);
  });
});
