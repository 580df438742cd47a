/**
 * The strict ASL model: each `@ts-expect-error` pins an exclusion the types enforce; the
 * valid values are checked with asl-validator.
 */
import { expect } from 'chai';
import type { StateMachine } from 'asl-types';
import type {
  ChoiceState,
  FailState,
  MapState,
  PassState,
  Retrier,
  State,
  StateMachineDefinition,
  TaskState,
  WaitState,
} from '../../../workflow/asl';
import { validateAsl } from '../validateAsl';

const RESOURCE = 'arn:aws:lambda:us-east-1:123456789012:function:f';

/** Compile-time check that `A` is assignable to `B`. */
type Assignable<A, B> = [A] extends [B] ? true : false;

describe('ASL model: exclusive fields', () => {
  it('has a state name its successor or end, never both', () => {
    const next: PassState = { Type: 'Pass', Next: 'B' };
    const end: PassState = { Type: 'Pass', End: true };
    // @ts-expect-error Next and End together
    const both: PassState = { Type: 'Pass', Next: 'B', End: true };
    // @ts-expect-error neither Next nor End
    const neither: PassState = { Type: 'Pass' };
    // @ts-expect-error a Choice has neither
    const choiceWithNext: ChoiceState = { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Next: 'B' }], Next: 'C' };
    expect([next, end, both, neither, choiceWithNext]).to.have.length(5);
  });

  it('keeps JSONPath and JSONata fields apart', () => {
    const jsonata: TaskState = { Type: 'Task', QueryLanguage: 'JSONata', Resource: RESOURCE, Arguments: { a: '{% $states.input.a %}' }, End: true };
    // @ts-expect-error Parameters in a JSONata state
    const mixed1: TaskState = { Type: 'Task', QueryLanguage: 'JSONata', Resource: RESOURCE, Parameters: {}, End: true };
    // @ts-expect-error Output in a JSONPath state
    const mixed2: TaskState = { Type: 'Task', Resource: RESOURCE, Output: {}, End: true };
    // @ts-expect-error ResultPath in a JSONata Catch
    const mixed3: TaskState = { Type: 'Task', QueryLanguage: 'JSONata', Resource: RESOURCE, End: true, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'X', ResultPath: '$.e' }] };
    // @ts-expect-error a JSONata definition admits no JSONPath state
    const machine: StateMachineDefinition = { QueryLanguage: 'JSONata', StartAt: 'A', States: { A: { Type: 'Pass', InputPath: '$.a', End: true } } };
    expect([jsonata, mixed1, mixed2, mixed3, machine]).to.have.length(5);
  });

  it('allows one of each group of alternatives', () => {
    const wait: WaitState = { Type: 'Wait', SecondsPath: '$.s', End: true };
    // @ts-expect-error Seconds and SecondsPath together
    const wait2: WaitState = { Type: 'Wait', Seconds: 1, SecondsPath: '$.s', End: true };
    // @ts-expect-error a Wait needs a duration
    const wait3: WaitState = { Type: 'Wait', End: true };
    // @ts-expect-error Error and ErrorPath together
    const fail: FailState = { Type: 'Fail', Error: 'E', ErrorPath: '$.e' };
    // @ts-expect-error TimeoutSeconds and TimeoutSecondsPath together
    const task: TaskState = { Type: 'Task', Resource: RESOURCE, TimeoutSeconds: 1, TimeoutSecondsPath: '$.t', End: true };
    const processor = { StartAt: 'P', States: { P: { Type: 'Succeed' } } } as const;
    // @ts-expect-error MaxConcurrency and MaxConcurrencyPath together
    const map: MapState = { Type: 'Map', ItemProcessor: processor, MaxConcurrency: 1, MaxConcurrencyPath: '$.m', End: true };
    expect([wait, wait2, wait3, fail, task, map]).to.have.length(6);
  });

  it('keeps Choice rules to one operator, nested rules without Next, and ErrorEquals non-empty', () => {
    const choice: ChoiceState = {
      Type: 'Choice',
      Choices: [{ And: [{ Variable: '$.a', NumericGreaterThan: 1 }, { Not: { Variable: '$.b', IsNull: true } }], Next: 'B' }],
      Default: 'C',
    };
    // @ts-expect-error two operators in one data test
    const two: ChoiceState = { Type: 'Choice', Choices: [{ Variable: '$.a', StringEquals: 'x', NumericEquals: 1, Next: 'B' }] };
    // @ts-expect-error a nested rule has no Next
    const nested: ChoiceState = { Type: 'Choice', Choices: [{ Not: { Variable: '$.a', IsNull: true, Next: 'X' }, Next: 'B' }] };
    // @ts-expect-error a Choice has at least one rule
    const none: ChoiceState = { Type: 'Choice', Choices: [] };
    // @ts-expect-error ErrorEquals lists at least one error
    const retrier: Retrier = { ErrorEquals: [] };
    // @ts-expect-error JitterStrategy is FULL or NONE
    const jitter: Retrier = { ErrorEquals: ['States.ALL'], JitterStrategy: 'HALF' };
    expect([choice, two, nested, none, retrier, jitter]).to.have.length(6);
  });
});

describe('ASL model: valid definitions', () => {
  const definitions: { name: string; definition: StateMachineDefinition }[] = [
    {
      name: 'every JSONPath state type',
      definition: {
        StartAt: 'Task',
        States: {
          Task: {
            Type: 'Task',
            Resource: RESOURCE,
            Parameters: { 'a.$': '$.a' },
            ResultSelector: { 'b.$': '$.b' },
            ResultPath: '$.r',
            Retry: [{ ErrorEquals: ['States.Timeout'], IntervalSeconds: 1, MaxAttempts: 2, BackoffRate: 2, MaxDelaySeconds: 5, JitterStrategy: 'FULL' }],
            Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed', ResultPath: '$.error' }],
            Next: 'Pass',
          },
          Pass: { Type: 'Pass', Result: { x: 1 }, ResultPath: '$.p', Next: 'Wait' },
          Wait: { Type: 'Wait', Seconds: 1, Next: 'Choice' },
          Choice: {
            Type: 'Choice',
            Choices: [{ Or: [{ Variable: '$.r.b', IsPresent: true }, { Variable: '$.p.x', NumericEqualsPath: '$.p.x' }], Next: 'Parallel' }],
            Default: 'Failed',
          },
          Parallel: {
            Type: 'Parallel',
            Branches: [{ StartAt: 'B1', States: { B1: { Type: 'Succeed' } } }],
            ResultPath: null,
            Next: 'Map',
          },
          Map: {
            Type: 'Map',
            ItemsPath: '$.items',
            ItemSelector: { 'item.$': '$$.Map.Item.Value' },
            MaxConcurrency: 2,
            ToleratedFailurePercentage: 10,
            ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'M1', States: { M1: { Type: 'Pass', End: true } } },
            Next: 'Done',
          },
          Done: { Type: 'Succeed' },
          Failed: { Type: 'Fail', ErrorPath: '$.error.Error', CausePath: '$.error.Cause' },
        },
      },
    },
    {
      name: 'a JSONata definition',
      definition: {
        QueryLanguage: 'JSONata',
        StartAt: 'Compute',
        States: {
          Compute: { Type: 'Pass', Output: { total: '{% $sum($states.input.items.price) %}' }, Assign: { seen: true }, Next: 'Check' },
          Check: { Type: 'Choice', Choices: [{ Condition: '{% $states.input.total > 10 %}', Next: 'Done' }], Default: 'Failed' },
          Done: { Type: 'Succeed', Output: '{% $states.input %}' },
          Failed: { Type: 'Fail', Error: 'TooSmall', Cause: '{% "total " & $string($states.input.total) %}' },
        },
      },
    },
  ];

  for (const { name, definition } of definitions) {
    it(`passes asl-validator: ${name}`, () => {
      const result = validateAsl(definition);
      expect(result.errorsText(), result.errorsText()).to.equal('');
      expect(result.isValid).to.equal(true);
    });
  }

  it('is assignable to asl-types StateMachine (and every state to its State)', () => {
    const definitionIsAslTypes: Assignable<StateMachineDefinition, StateMachine> = true;
    const stateIsAslTypes: Assignable<State, import('asl-types').State> = true;
    // A loose object is not one of ours: the model is closed.
    const looseIsOurs: Assignable<StateMachine, StateMachineDefinition> = false;
    expect([definitionIsAslTypes, stateIsAslTypes, looseIsOurs]).to.deep.equal([true, true, false]);
  });
});
