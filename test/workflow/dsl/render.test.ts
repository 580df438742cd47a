import { expect } from 'chai';
import { Retry, Workflow } from '../../../workflow/dsl';
import { validateAsl } from '../validateAsl';
import { arn, charge, pick, reserve, type Line, type ShopData, type ShopFunction } from './fixtures';

/** A workflow using every state type the DSL builds, and most of their fields. */
function everyStateType() {
  const wf = new Workflow<ShopFunction>({ comment: 'every state type', timeoutSeconds: 300 });
  const s = wf.states<ShopData>();
  const lines = wf.states<Line>();
  const failed = s.fail('Failed', { error: 'ShopFailed', cause: 'Something broke' });
  const done = s.succeed('Done', { comment: 'all good' });

  const pickAll = s
    .map('PickAll', lines.task('Pick', pick, { timeoutSeconds: 10 }), {
      itemsPath: '$.lines',
      maxConcurrency: 2,
      toleratedFailureCount: 1,
      resultPath: '$.picked',
      processorConfig: { mode: 'INLINE' },
    })
    .retry(Retry.everything())
    .next(done);
  const hold = s.wait('Hold', { timestamp: '2030-01-01T00:00:00Z' }).next(pickAll);
  const decide = s
    .choice('Decide', { comment: 'approved and big enough?' })
    .when(($) => $.and($.stringEquals('$.payment.status', 'APPROVED'), $.numericGreaterThanEquals('$.total', 10)), hold)
    .when(($) => $.not($.isPresent('$.payment.note')), s.pass('Annotate', { result: { note: 'none' }, resultPath: '$.annotation' }).next(hold))
    .otherwise(failed);
  const both = s
    .parallel(
      'Both',
      [
        s.task('Charge', charge, {
          parameters: { 'orderId.$': '$.orderId', 'amount.$': '$.total' },
          resultSelector: { 'status.$': '$.status' },
          heartbeatSeconds: 5,
        }),
        s.task('Reserve', reserve, { inputPath: '$', parameters: { 'orderId.$': '$.orderId', 'lines.$': '$.lines' }, outputPath: '$.reservationId' }),
      ],
      { resultPath: '$.both' },
    )
    .retry(Retry.lambdaServiceExceptions())
    .catch(['States.TaskFailed'], failed, { resultPath: '$.error' })
    .next(decide);
  return wf.build(both);
}

describe('Method: BuiltWorkflow.render', () => {
  it('renders every state type as ASL, with resources from the resolver', () => {
    // Act
    const definition = everyStateType().render(arn);

    // Assess
    expect(definition).to.deep.equal({
      Comment: 'every state type',
      StartAt: 'Both',
      TimeoutSeconds: 300,
      States: {
        Both: {
          Type: 'Parallel',
          ResultPath: '$.both',
          Branches: [
            {
              StartAt: 'Charge',
              States: {
                Charge: {
                  Type: 'Task',
                  Resource: arn('charge'),
                  Parameters: { 'orderId.$': '$.orderId', 'amount.$': '$.total' },
                  ResultSelector: { 'status.$': '$.status' },
                  HeartbeatSeconds: 5,
                  End: true,
                },
              },
            },
            {
              StartAt: 'Reserve',
              States: {
                Reserve: {
                  Type: 'Task',
                  Resource: arn('reserve'),
                  InputPath: '$',
                  Parameters: { 'orderId.$': '$.orderId', 'lines.$': '$.lines' },
                  OutputPath: '$.reservationId',
                  End: true,
                },
              },
            },
          ],
          Retry: [
            {
              ErrorEquals: ['Lambda.ClientExecutionTimeoutException', 'Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException'],
              IntervalSeconds: 2,
              MaxAttempts: 6,
              BackoffRate: 2,
            },
          ],
          Catch: [{ ErrorEquals: ['States.TaskFailed'], Next: 'Failed', ResultPath: '$.error' }],
          Next: 'Decide',
        },
        Decide: {
          Type: 'Choice',
          Comment: 'approved and big enough?',
          Choices: [
            {
              And: [
                { Variable: '$.payment.status', StringEquals: 'APPROVED' },
                { Variable: '$.total', NumericGreaterThanEquals: 10 },
              ],
              Next: 'Hold',
            },
            { Not: { Variable: '$.payment.note', IsPresent: true }, Next: 'Annotate' },
          ],
          Default: 'Failed',
        },
        Hold: { Type: 'Wait', Timestamp: '2030-01-01T00:00:00Z', Next: 'PickAll' },
        PickAll: {
          Type: 'Map',
          ItemsPath: '$.lines',
          MaxConcurrency: 2,
          ToleratedFailureCount: 1,
          ResultPath: '$.picked',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'INLINE' },
            StartAt: 'Pick',
            States: { Pick: { Type: 'Task', Resource: arn('pick'), TimeoutSeconds: 10, End: true } },
          },
          Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 1, MaxAttempts: 2, BackoffRate: 2 }],
          Next: 'Done',
        },
        Done: { Type: 'Succeed', Comment: 'all good' },
        Annotate: { Type: 'Pass', Result: { note: 'none' }, ResultPath: '$.annotation', Next: 'Hold' },
        Failed: { Type: 'Fail', Error: 'ShopFailed', Cause: 'Something broke' },
      },
    });
  });

  it('renders a definition asl-validator accepts', () => {
    const result = validateAsl(everyStateType().render(arn));
    expect(result.errorsText()).to.equal('');
    expect(result.isValid).to.equal(true);
  });

  it('resolves resources with whatever the caller passes (a local name here)', () => {
    const definition = everyStateType().render((fn) => `local:${fn}`);
    const both = definition.States.Both;
    expect(both?.Type === 'Parallel' && both.Branches.map((b) => Object.values(b.States)[0])).to.deep.include.members([
      { Type: 'Task', Resource: 'local:reserve', InputPath: '$', Parameters: { 'orderId.$': '$.orderId', 'lines.$': '$.lines' }, OutputPath: '$.reservationId', End: true },
    ]);
  });

  it('renders Fail paths, Wait paths and a discarded result', () => {
    const wf = new Workflow<ShopFunction>();
    const s = wf.states<ShopData>();
    const built = wf.build(
      s
        .wait('Pause', { secondsPath: '$.limit' })
        .next(s.pass('Forget', { parameters: { 'id.$': '$.orderId', kind: 'memo' }, resultPath: null }))
        .next(s.fail('Stop', { errorPath: '$.orderId', causePath: '$.payment.status' })),
    );
    expect(built.render(arn).States).to.deep.equal({
      Pause: { Type: 'Wait', SecondsPath: '$.limit', Next: 'Forget' },
      Forget: { Type: 'Pass', Parameters: { 'id.$': '$.orderId', kind: 'memo' }, ResultPath: null, Next: 'Stop' },
      Stop: { Type: 'Fail', ErrorPath: '$.orderId', CausePath: '$.payment.status' },
    });
  });
});
