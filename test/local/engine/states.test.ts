import { expect } from 'chai';
import type { Json, StateMachineDefinition } from '../../../local/engine';
import { fn, runDefinition } from './helpers';

const single = (state: Record<string, unknown>, language?: 'JSONata'): StateMachineDefinition =>
  ({ ...(language ? { QueryLanguage: language } : {}), StartAt: 'S', States: { S: { End: true, ...state } } }) as unknown as StateMachineDefinition;

interface Case {
  name: string;
  definition: StateMachineDefinition;
  input: Json;
  output?: Json;
  error?: string;
  cause?: string;
}

const passCases: Case[] = [
  { name: 'passes its input on', definition: single({ Type: 'Pass' }), input: { a: 1 }, output: { a: 1 } },
  { name: 'replaces it with Result', definition: single({ Type: 'Pass', Result: { r: true } }), input: { a: 1 }, output: { r: true } },
  { name: 'places Result at ResultPath', definition: single({ Type: 'Pass', Result: 2, ResultPath: '$.b' }), input: { a: 1 }, output: { a: 1, b: 2 } },
  { name: 'discards Result with ResultPath null', definition: single({ Type: 'Pass', Result: 2, ResultPath: null }), input: { a: 1 }, output: { a: 1 } },
  { name: 'filters with InputPath and OutputPath', definition: single({ Type: 'Pass', InputPath: '$.x', OutputPath: '$.y' }), input: { x: { y: 5 } }, output: 5 },
  { name: 'builds Parameters from the input and $$', definition: single({ Type: 'Pass', Parameters: { 'v.$': '$.a', 'state.$': '$$.State.Name', k: 'c' } }), input: { a: 1 }, output: { v: 1, state: 'S', k: 'c' } },
  { name: 'evaluates JSONata Output', definition: single({ Type: 'Pass', Output: { sum: '{% $sum($states.input.n) %}' } }, 'JSONata'), input: { n: [1, 2, 3] }, output: { sum: 6 } },
  {
    name: 'fails with QueryEvaluationError when an expression yields nothing',
    definition: single({ Type: 'Pass', Output: '{% $states.input.missing %}' }, 'JSONata'),
    input: {},
    error: 'States.QueryEvaluationError',
    cause: "An error occurred while executing the state 'S' (entered at the event id #2). The JSONata expression '$states.input.missing' specified for the field 'Output' returned nothing (undefined).",
  },
];

const choice = (rule: Record<string, unknown>, withDefault = true): StateMachineDefinition => ({
  StartAt: 'C',
  States: {
    C: { Type: 'Choice', Choices: [{ ...rule, Next: 'Yes' }], ...(withDefault ? { Default: 'No' } : {}) },
    Yes: { Type: 'Pass', Result: 'yes', End: true },
    No: { Type: 'Pass', Result: 'no', End: true },
  },
});

const choiceCases: Case[] = [
  { name: 'NumericGreaterThan matches', definition: choice({ Variable: '$.n', NumericGreaterThan: 3 }), input: { n: 4 }, output: 'yes' },
  { name: 'NumericGreaterThan falls to Default', definition: choice({ Variable: '$.n', NumericGreaterThan: 3 }), input: { n: 3 }, output: 'no' },
  { name: 'StringEquals', definition: choice({ Variable: '$.s', StringEquals: 'a' }), input: { s: 'a' }, output: 'yes' },
  { name: 'StringMatches with a wildcard', definition: choice({ Variable: '$.s', StringMatches: 'log-*.txt' }), input: { s: 'log-1.txt' }, output: 'yes' },
  { name: 'BooleanEquals', definition: choice({ Variable: '$.b', BooleanEquals: false }), input: { b: false }, output: 'yes' },
  { name: 'IsPresent false', definition: choice({ Variable: '$.x', IsPresent: false }), input: {}, output: 'yes' },
  { name: 'And of two rules', definition: choice({ And: [{ Variable: '$.n', NumericGreaterThanEquals: 1 }, { Variable: '$.n', NumericLessThan: 2 }] }), input: { n: 1 }, output: 'yes' },
  { name: 'Not', definition: choice({ Not: { Variable: '$.s', StringEquals: 'a' } }), input: { s: 'b' }, output: 'yes' },
  { name: 'TimestampLessThan', definition: choice({ Variable: '$.t', TimestampLessThan: '2020-01-01T00:00:00Z' }), input: { t: '2019-12-31T23:59:59Z' }, output: 'yes' },
  {
    name: 'JSONata Condition',
    definition: {
      QueryLanguage: 'JSONata',
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ Condition: '{% $states.input.n > 1 %}', Next: 'Yes' }], Default: 'No' },
        Yes: { Type: 'Pass', Output: 'yes', End: true },
        No: { Type: 'Pass', Output: 'no', End: true },
      },
    },
    input: { n: 2 },
    output: 'yes',
  },
  { name: 'no match and no Default', definition: choice({ Variable: '$.n', NumericEquals: 1 }, false), input: { n: 2 }, error: 'States.NoChoiceMatched' },
];

const waitCases: Case[] = [
  { name: 'Seconds', definition: single({ Type: 'Wait', Seconds: 5 }), input: { a: 1 }, output: { a: 1 } },
  { name: 'Timestamp in the past', definition: single({ Type: 'Wait', Timestamp: '2016-03-14T01:59:00Z' }), input: {}, output: {} },
  { name: 'SecondsPath', definition: single({ Type: 'Wait', SecondsPath: '$.s' }), input: { s: 2 }, output: { s: 2 } },
  {
    name: 'SecondsPath to a negative value',
    definition: single({ Type: 'Wait', SecondsPath: '$.s' }),
    input: { s: -1 },
    error: 'States.Runtime',
    cause: "An error occurred while executing the state 'S' (entered at the event id #2). The SecondsPath parameter references a negative value: $.s == -1",
  },
  {
    name: 'TimestampPath to an invalid date',
    definition: single({ Type: 'Wait', TimestampPath: '$.t' }),
    input: { t: '2016-13-05T21:29:29Z' },
    error: 'States.Runtime',
    cause: "An error occurred while executing the state 'S' (entered at the event id #2). The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.t == 2016-13-05T21:29:29Z",
  },
];

const endCases: Case[] = [
  { name: 'Succeed ends with its input', definition: single({ Type: 'Succeed', End: undefined }), input: { a: 1 }, output: { a: 1 } },
  { name: 'Fail with Error and Cause', definition: single({ Type: 'Fail', Error: 'E', Cause: 'why', End: undefined }), input: {}, error: 'E', cause: 'why' },
  { name: 'Fail with ErrorPath and CausePath', definition: single({ Type: 'Fail', ErrorPath: '$.e', CausePath: '$.c', End: undefined }), input: { e: 'E2', c: 'because' }, error: 'E2', cause: 'because' },
  {
    name: 'Fail with intrinsic CausePath',
    definition: single({ Type: 'Fail', Error: 'E', CausePath: "States.Format('n={}', $.n)", End: undefined }),
    input: { n: 3 },
    error: 'E',
    cause: 'n=3',
  },
];

const taskCases: Case[] = [
  {
    name: 'Lambda ARN task with ResultSelector and ResultPath',
    definition: single({ Type: 'Task', Resource: fn('echo'), ResultSelector: { 'got.$': '$.x' }, ResultPath: '$.r' }),
    input: { x: 1 },
    output: { x: 1, r: { got: 1 } },
  },
  {
    name: 'lambda:invoke wraps the result in the invoke envelope',
    definition: single({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: fn('echo'), 'Payload.$': '$' }, OutputPath: '$.Payload' }),
    input: { x: 2 },
    output: { x: 2 },
  },
  {
    name: 'JSONata Arguments and Output',
    definition: single({ Type: 'Task', Resource: fn('echo'), Arguments: { y: '{% $states.input.x * 2 %}' }, Output: '{% $states.result.y %}' }, 'JSONata'),
    input: { x: 21 },
    output: 42,
  },
];

describe('States: table-driven', () => {
  const tables: Array<[string, Case[]]> = [
    ['Pass', passCases],
    ['Choice', choiceCases],
    ['Wait', waitCases],
    ['Succeed and Fail', endCases],
    ['Task', taskCases],
  ];
  for (const [title, cases] of tables) {
    describe(`State: ${title}`, () => {
      for (const c of cases) {
        it(c.name, async () => {
          // Act
          const r = await runDefinition(c.definition, c.input, { echo: (payload) => payload });

          // Assess
          if (c.error === undefined) {
            expect(r.description.status, r.description.cause).to.equal('SUCCEEDED');
            expect(r.output).to.deep.equal(c.output);
          } else {
            expect(r.description.status).to.equal('FAILED');
            expect(r.description.error).to.equal(c.error);
            if (c.cause !== undefined) expect(r.description.cause).to.equal(c.cause);
          }
        });
      }
    });
  }
});

describe('History: event sequence', () => {
  it('records a Lambda task as AWS does', async () => {
    // Act
    const r = await runDefinition(single({ Type: 'Task', Resource: fn('echo') }), { a: 1 }, { echo: (p) => p });

    // Assess
    expect(r.types).to.deep.equal([
      'ExecutionStarted',
      'TaskStateEntered',
      'LambdaFunctionScheduled',
      'LambdaFunctionStarted',
      'LambdaFunctionSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect(r.history.map((e) => e.id)).to.deep.equal([1, 2, 3, 4, 5, 6, 7]);
    expect(r.history[5].stateExitedEventDetails).to.deep.include({ name: 'S', output: '{"a":1}' });
  });

  it('records assigned variables on the state exit', async () => {
    // Act
    const r = await runDefinition(single({ Type: 'Pass', Assign: { 'v.$': '$.a' } }), { a: 'x' });

    // Assess
    const exited = r.history.find((e) => e.type === 'PassStateExited')!;
    expect(exited.stateExitedEventDetails).to.deep.include({ assignedVariables: { v: '"x"' } });
  });
});
