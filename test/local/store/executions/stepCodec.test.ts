import { expect } from 'chai';
import type { RecordedEvent } from '../../../../local/engine/history';
import type { MemoEntry, TopLevelCheckpoint } from '../../../../local/engine/runtime';
import { CorruptRecordError } from '../../../../local/store/executions';
import { decodeCheckpointOf, decodeStep, encodeStep, encodeSteps } from '../../../../local/store/executions/stepCodec';

describe('Function: encodeStep / decodeStep', () => {
  const order = { orderId: 'o-1', items: [{ sku: 'A', quantity: 2 }] };
  const result = { status: 'RESERVED' };
  const notTruncated = { truncated: false };
  const events: RecordedEvent[] = [
    { key: 'start#0', event: { timestamp: '2024-01-01T00:00:00.000Z', type: 'ExecutionStarted', id: 1, previousEventId: 0, executionStartedEventDetails: { input: order, inputDetails: notTruncated, roleArn: 'arn:role' } } },
    { key: 't#0', event: { timestamp: '2024-01-01T00:00:00.000Z', type: 'TaskStateEntered', id: 2, previousEventId: 0, stateEnteredEventDetails: { name: 'Reserve', input: order, inputDetails: notTruncated } } },
    { key: 't#1', event: { timestamp: '2024-01-01T00:00:00.005Z', type: 'LambdaFunctionScheduled', id: 3, previousEventId: 2, lambdaFunctionScheduledEventDetails: { resource: 'arn:fn', input: 'a text payload', inputDetails: notTruncated } } },
    { key: 't#2', event: { timestamp: '2024-01-01T00:00:00.005Z', type: 'LambdaFunctionStarted', id: 4, previousEventId: 3 } },
    { key: 't#3', event: { timestamp: '2024-01-01T00:00:01.000Z', type: 'LambdaFunctionSucceeded', id: 5, previousEventId: 4, lambdaFunctionSucceededEventDetails: { output: result, outputDetails: notTruncated } } },
    {
      key: 't#4',
      event: {
        timestamp: '2024-01-01T00:00:01.000Z',
        type: 'TaskStateExited',
        id: 6,
        previousEventId: 5,
        stateExitedEventDetails: { name: 'Reserve', output: null, outputDetails: notTruncated, assignedVariables: { v: 1 }, assignedVariablesDetails: notTruncated },
      },
    },
    // A type the codec has no code for, and details under a key it does not expect.
    { key: 't#5', event: { timestamp: '2023-12-31T23:59:59.999Z', type: 'SomeFutureEvent', id: 7, previousEventId: 6, someFutureEventDetails: { count: 3 } } },
    { key: 't#6', event: { timestamp: '2024-01-01T00:00:02.000Z', type: 'TaskStateEntered', id: 8, previousEventId: 7, otherEventDetails: {} } },
  ];
  const memo: Array<[string, MemoEntry]> = [
    ['t#1', { kind: 'task', ok: true, value: result }],
    ['t#9', { kind: 'task', ok: false, error: 'States.Timeout', cause: 'late' }],
    ['t#10', { kind: 'task', ok: false, error: 'E' }],
    ['wait:t#11', { kind: 'wait', until: 1_704_067_200_000 }],
  ];
  const checkpoint: TopLevelCheckpoint = { state: 'Reserve', input: order, variables: { v: { deep: [1] } }, lane: { key: 't', count: 4, last: 6 } };

  it('round-trips events, task outcomes and the checkpoint exactly', () => {
    const decoded = decodeStep(encodeStep(events, memo, checkpoint));

    expect(decoded).to.deep.equal({ events, memo, checkpoint });
  });

  it('writes each payload once, however many events, outcomes and checkpoints refer to it', () => {
    const text = encodeStep(events, memo, checkpoint);

    expect(text.split('"o-1"')).to.have.length(2);
    expect(text.split('"RESERVED"')).to.have.length(2);
  });

  it('leaves the checkpoint out when there is none, and reads an empty step', () => {
    expect(decodeStep(encodeStep(events.slice(0, 2), [], undefined))).to.deep.equal({ events: events.slice(0, 2), memo: [] });
    expect(decodeStep(encodeStep([], [], undefined))).to.deep.equal({ events: [], memo: [] });
  });

  it('writes several steps as the one step of their events and outcomes in order', () => {
    // Act
    const together = encodeSteps([events.slice(0, 3), [], events.slice(3)], [memo.slice(0, 1), memo.slice(1)], checkpoint);

    // Assess
    expect(together).to.equal(encodeStep(events, memo, checkpoint));
  });

  it('reads the checkpoint of a stored step alone', () => {
    expect(decodeCheckpointOf(encodeStep(events, memo, checkpoint))).to.deep.equal(checkpoint);
    expect(decodeCheckpointOf(encodeStep(events, memo, undefined))).to.equal(undefined);
    expect(() => decodeCheckpointOf('{"not":"a step"}')).to.throw(CorruptRecordError);
  });

  it('reports a stored step without the shape it writes as corrupt', () => {
    const valid = JSON.parse(encodeStep(events, memo, checkpoint)) as unknown[];
    const corrupt = [
      'not json',
      '{"p":[],"e":[]}',
      '[[], [], [], [1], [2]]',
      JSON.stringify([valid[0], ['t#0', 1, 0, 0, 999, 0], []]), // unknown type code
      JSON.stringify([valid[0], ['t#0', 1, 0, 0, 6, 2, 0, 70], []]), // a payload index out of range
      JSON.stringify([valid[0], ['t#0', 1, 0, 0, 'X', 2, 'name', 'n'], []]), // no usual details key for the type
      JSON.stringify([valid[0], ['t#0', 1, 0], []]), // a truncated event
      JSON.stringify([valid[0], [], ['t#1', { kind: 'task', ok: true }]]),
      JSON.stringify([valid[0], [], ['t#1']]),
      JSON.stringify([valid[0], [], [], ['S', 0, {}, 't', 1]]),
    ];
    for (const text of corrupt) expect(() => decodeStep(text), text).to.throw(CorruptRecordError);
  });
});
