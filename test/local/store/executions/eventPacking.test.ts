import { expect } from 'chai';
import type { RecordedEvent } from '../../../../local/engine/history';
import { packEvents, unpackEvents } from '../../../../local/store/executions/eventPacking';

describe('Function: packEvents', () => {
  const payload = { order: { id: 'o-1', items: [1, 2] } };
  const events: RecordedEvent[] = [
    { key: 'start#0', event: { timestamp: '2024-01-01T00:00:00.000Z', type: 'ExecutionStarted', id: 1, previousEventId: 0, executionStartedEventDetails: { input: payload, inputDetails: { truncated: false }, roleArn: 'arn:role' } } },
    { key: 't#0', event: { timestamp: '2024-01-01T00:00:00.001Z', type: 'PassStateEntered', id: 2, previousEventId: 0, stateEnteredEventDetails: { name: 'P', input: payload, inputDetails: { truncated: false } } } },
    {
      key: 't#1',
      event: {
        timestamp: '2024-01-01T00:00:00.002Z',
        type: 'PassStateExited',
        id: 3,
        previousEventId: 2,
        stateExitedEventDetails: { name: 'P', output: payload, outputDetails: { truncated: false }, assignedVariables: { v: 1 }, assignedVariablesDetails: { truncated: false } },
      },
    },
    { key: 't#2', event: { timestamp: '2024-01-01T00:00:00.003Z', type: 'ParallelStateStarted', id: 4, previousEventId: 3 } },
  ];

  it('round-trips events exactly', () => {
    expect(unpackEvents(JSON.parse(JSON.stringify(packEvents(events))))).to.deep.equal(events);
  });

  it('writes a payload shared by several events once', () => {
    const packed = packEvents(events);
    expect(packed.p).to.deep.equal([payload]);
    expect(JSON.stringify(packed).split('"o-1"')).to.have.length(2);
  });
});
