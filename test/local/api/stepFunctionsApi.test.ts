import { expect } from 'chai';
import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists as SdkExecutionAlreadyExists,
  ExecutionDoesNotExist as SdkExecutionDoesNotExist,
  ExecutionNotRedrivable as SdkExecutionNotRedrivable,
  GetExecutionHistoryCommand,
  InvalidArn as SdkInvalidArn,
  InvalidExecutionInput as SdkInvalidExecutionInput,
  InvalidName as SdkInvalidName,
  ListExecutionsCommand,
  RedriveExecutionCommand,
  SFNClient,
  SFNServiceException,
  StartExecutionCommand,
  StateMachineDoesNotExist as SdkStateMachineDoesNotExist,
  StopExecutionCommand,
  ValidationException as SdkValidationException,
} from '@aws-sdk/client-sfn';
import { createOrderApi, createStepFunctionsApi, listenLocalGateway, routeByAmzTarget, type StepFunctionsOperations } from '../../../local/api';
import { FakeOrderExecutions } from './fakeOrderExecutions';
import { FakeStepFunctions, FAKE_STATE_MACHINE_ARN } from './fakeStepFunctions';
import { call, listen, type RunningServer } from './httpClient';
import { rejection } from '../../support/rejection';
import { localSfnClient } from '../../support/sfnClient';
import { API_KEY, GENEROUS_PLAN, TEST_KEYS, validOrder } from './orderFixtures';

describe('Function: createStepFunctionsApi', () => {
  let clock: number;
  let fake: FakeStepFunctions;
  let endpoint: RunningServer;
  let client: SFNClient;
  let requests: Array<{ operation: string; status: number; errorType?: string }>;

  async function start(operations: StepFunctionsOperations): Promise<void> {
    await endpoint?.close();
    endpoint = await listen(createStepFunctionsApi({ operations, onRequest: (entry) => requests.push(entry) }));
    client = localSfnClient(`http://127.0.0.1:${endpoint.port}`);
  }

  beforeEach(async () => {
    clock = Date.UTC(2026, 0, 1, 12, 0, 0, 123);
    fake = new FakeStepFunctions(() => new Date(clock));
    requests = [];
    await start(fake);
  });

  afterEach(async () => {
    client.destroy();
    await endpoint.close();
  });

  describe('with the AWS SDK (@aws-sdk/client-sfn)', () => {
    it('StartExecution answers the execution ARN and its start date', async () => {
      const started = await client.send(new StartExecutionCommand({ stateMachineArn: FAKE_STATE_MACHINE_ARN, name: 'order-1', input: '{"orderId":"order-1"}' }));

      expect(started.executionArn).to.equal('arn:aws:states:us-east-1:000000000000:execution:OrderProcessing:order-1');
      expect(started.startDate?.getTime()).to.equal(clock);
      expect(requests).to.deep.equal([{ operation: 'StartExecution', status: 200 }]);
    });

    it('StartExecution is idempotent for the same name and input, and refuses another input', async () => {
      const request = { stateMachineArn: FAKE_STATE_MACHINE_ARN, name: 'order-1', input: '{"a":1}' };
      const first = await client.send(new StartExecutionCommand(request));
      const again = await client.send(new StartExecutionCommand(request));
      const error = await rejection(client.send(new StartExecutionCommand({ ...request, input: '{"a":2}' })));

      expect(again.executionArn).to.equal(first.executionArn);
      expect(error).to.be.instanceOf(SdkExecutionAlreadyExists);
      expect((error as Error).message).to.equal(`Execution Already Exists: '${first.executionArn}'`);
    });

    it('DescribeExecution reports status, dates, input, output, error and cause', async () => {
      const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn: FAKE_STATE_MACHINE_ARN, name: 'order-2', input: '{"x":1}' }));
      const running = await client.send(new DescribeExecutionCommand({ executionArn }));
      clock += 2_500;
      fake.finish(executionArn as string, { status: 'FAILED', error: 'PaymentDeclined', cause: 'card_declined' });

      const failed = await client.send(new DescribeExecutionCommand({ executionArn }));

      expect(running).to.deep.include({ executionArn, name: 'order-2', status: 'RUNNING', input: '{"x":1}', stateMachineArn: FAKE_STATE_MACHINE_ARN });
      expect(running.stopDate).to.equal(undefined);
      expect(failed).to.deep.include({ status: 'FAILED', error: 'PaymentDeclined', cause: 'card_declined' });
      expect(failed.startDate?.getTime()).to.equal(clock - 2_500);
      expect(failed.stopDate?.getTime()).to.equal(clock);
    });

    it('GetExecutionHistory pages events with their timestamps and details, in either order', async () => {
      const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn: FAKE_STATE_MACHINE_ARN, name: 'order-3' }));
      clock += 10;
      fake.finish(executionArn as string, { status: 'SUCCEEDED', output: '{}' });

      const firstPage = await client.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1 }));
      const secondPage = await client.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1, nextToken: firstPage.nextToken }));
      const reversed = await client.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true }));

      expect(firstPage.events?.map((event) => [event.id, event.type])).to.deep.equal([[1, 'ExecutionStarted']]);
      expect(firstPage.events?.[0]?.timestamp?.getTime()).to.equal(clock - 10);
      expect(firstPage.events?.[0]?.executionStartedEventDetails).to.deep.include({ input: '{}', inputDetails: { truncated: false } });
      expect(secondPage.events?.map((event) => [event.id, event.previousEventId, event.type])).to.deep.equal([[2, 1, 'ExecutionSucceeded']]);
      expect(secondPage.nextToken).to.equal(undefined);
      expect(reversed.events?.map((event) => event.id)).to.deep.equal([2, 1]);
    });

    it('ListExecutions filters by status', async () => {
      for (const name of ['a', 'b', 'c']) await client.send(new StartExecutionCommand({ stateMachineArn: FAKE_STATE_MACHINE_ARN, name }));
      fake.finish(`${FAKE_STATE_MACHINE_ARN.replace(':stateMachine:', ':execution:')}:b`, { status: 'SUCCEEDED', output: '{}' });

      const running = await client.send(new ListExecutionsCommand({ stateMachineArn: FAKE_STATE_MACHINE_ARN, statusFilter: 'RUNNING' }));

      expect(running.executions?.map((item) => [item.name, item.status])).to.deep.equal([
        ['a', 'RUNNING'],
        ['c', 'RUNNING'],
      ]);
      expect(running.executions?.[0]?.startDate).to.be.instanceOf(Date);
    });

    it('StopExecution aborts, then RedriveExecution restarts it', async () => {
      const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn: FAKE_STATE_MACHINE_ARN, name: 'order-4' }));
      clock += 1_000;

      const stopped = await client.send(new StopExecutionCommand({ executionArn, error: 'Operator', cause: 'stopped by hand' }));
      const aborted = await client.send(new DescribeExecutionCommand({ executionArn }));
      clock += 1_000;
      const redriven = await client.send(new RedriveExecutionCommand({ executionArn }));
      const running = await client.send(new DescribeExecutionCommand({ executionArn }));

      expect(stopped.stopDate?.getTime()).to.equal(clock - 1_000);
      expect(aborted).to.deep.include({ status: 'ABORTED', error: 'Operator', cause: 'stopped by hand' });
      expect(redriven.redriveDate?.getTime()).to.equal(clock);
      expect(running).to.deep.include({ status: 'RUNNING', redriveCount: 1 });
    });

    const errorCases: Array<[string, (client: SFNClient) => Promise<unknown>, new (...args: never[]) => SFNServiceException, string]> = [
      [
        'an unknown execution',
        (sdk) => sdk.send(new DescribeExecutionCommand({ executionArn: 'arn:aws:states:us-east-1:000000000000:execution:OrderProcessing:nope' })),
        SdkExecutionDoesNotExist,
        "Execution Does Not Exist: 'arn:aws:states:us-east-1:000000000000:execution:OrderProcessing:nope'",
      ],
      [
        'an unknown state machine',
        (sdk) => sdk.send(new StartExecutionCommand({ stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:Other' })),
        SdkStateMachineDoesNotExist,
        "State Machine Does Not Exist: 'arn:aws:states:us-east-1:000000000000:stateMachine:Other'",
      ],
      ['a malformed ARN', (sdk) => sdk.send(new DescribeExecutionCommand({ executionArn: 'not-an-arn' })), SdkInvalidArn, "Invalid Arn: 'not-an-arn'"],
      [
        'an execution name with a slash',
        (sdk) => sdk.send(new StartExecutionCommand({ stateMachineArn: FAKE_STATE_MACHINE_ARN, name: '../etc' })),
        SdkInvalidName,
        "Invalid Name: '../etc'",
      ],
      [
        'an input that is not JSON',
        (sdk) => sdk.send(new StartExecutionCommand({ stateMachineArn: FAKE_STATE_MACHINE_ARN, input: '{oops' })),
        SdkInvalidExecutionInput,
        'Invalid State Machine Execution Input:',
      ],
      [
        'an input over 256 KiB',
        (sdk) => sdk.send(new StartExecutionCommand({ stateMachineArn: FAKE_STATE_MACHINE_ARN, input: JSON.stringify('x'.repeat(256 * 1024)) })),
        SdkValidationException,
        "Value at 'input' failed to satisfy constraint",
      ],
      [
        'a page size over 1000',
        (sdk) => sdk.send(new ListExecutionsCommand({ stateMachineArn: FAKE_STATE_MACHINE_ARN, maxResults: 1001 })),
        SdkValidationException,
        "at 'maxResults' failed to satisfy constraint",
      ],
      [
        'a running execution redriven',
        async (sdk) => {
          const { executionArn } = await sdk.send(new StartExecutionCommand({ stateMachineArn: FAKE_STATE_MACHINE_ARN, name: 'busy' }));
          return sdk.send(new RedriveExecutionCommand({ executionArn }));
        },
        SdkExecutionNotRedrivable,
        'Execution is RUNNING and cannot be redriven',
      ],
    ];
    for (const [label, act, errorClass, message] of errorCases) {
      it(`surfaces ${errorClass.name} for ${label}`, async () => {
        const error = await rejection(act(client));

        expect(error).to.be.instanceOf(errorClass);
        expect((error as SFNServiceException).$metadata.httpStatusCode).to.equal(400);
        expect((error as Error).message).to.contain(message);
      });
    }
  });

  describe('over raw HTTP', () => {
    const post = (target: string | undefined, body: string | Buffer, contentType = 'application/x-amz-json-1.0') =>
      call(endpoint.port, {
        method: 'POST',
        path: '/',
        headers: { 'content-type': contentType, ...(target === undefined ? {} : { 'x-amz-target': target }) },
        body,
      });

    const cases: Array<[string, string | undefined, string | Buffer, number, string, string | undefined]> = [
      ['an unknown operation', 'AWSStepFunctions.DeleteStateMachine', '{}', 400, 'UnknownOperationException', undefined],
      ['another service’s target', 'DynamoDB_20120810.GetItem', '{}', 400, 'UnknownOperationException', undefined],
      ['a body that is not JSON', 'AWSStepFunctions.DescribeExecution', '{nope', 400, 'SerializationException', undefined],
      ['a JSON array body', 'AWSStepFunctions.DescribeExecution', '[]', 400, 'SerializationException', undefined],
      ['invalid UTF-8', 'AWSStepFunctions.DescribeExecution', Buffer.from([0x7b, 0xff, 0x7d]), 400, 'SerializationException', undefined],
      [
        'a missing required member',
        'AWSStepFunctions.DescribeExecution',
        '{}',
        400,
        'ValidationException',
        "1 validation error detected: Value null at 'executionArn' failed to satisfy constraint: Member must not be null",
      ],
      ['a member of the wrong type', 'AWSStepFunctions.GetExecutionHistory', '{"executionArn":"a","maxResults":"10"}', 400, 'SerializationException', "Unexpected value type for 'maxResults'"],
      [
        'a status outside the enum',
        'AWSStepFunctions.ListExecutions',
        '{"statusFilter":"DONE"}',
        400,
        'ValidationException',
        "1 validation error detected: Value 'DONE' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE]",
      ],
      ['a __proto__ member', 'AWSStepFunctions.DescribeExecution', '{"__proto__":{"executionArn":"x"}}', 400, 'ValidationException', undefined],
    ];
    for (const [label, target, body, status, type, message] of cases) {
      it(`answers ${status} ${type} for ${label}`, async () => {
        const reply = await post(target, body);

        expect(reply.status).to.equal(status);
        expect(reply.headers['content-type']).to.equal('application/x-amz-json-1.0');
        const json = reply.json as { __type: string; message: string };
        expect(json.__type).to.equal(type);
        if (message !== undefined) expect(json.message).to.equal(message);
        expect(({} as Record<string, unknown>).executionArn).to.equal(undefined);
      });
    }

    it('answers 404 UnknownOperationException off POST /', async () => {
      const reply = await call(endpoint.port, { path: '/', headers: { 'x-amz-target': 'AWSStepFunctions.ListExecutions' } });
      expect(reply.status).to.equal(404);
      expect((reply.json as { __type: string }).__type).to.equal('UnknownOperationException');
    });

    it('answers 413 to a body over 2 MiB', async () => {
      const reply = await post('AWSStepFunctions.StartExecution', JSON.stringify({ stateMachineArn: FAKE_STATE_MACHINE_ARN, input: 'x'.repeat(3 * 1024 * 1024) }));
      expect(reply.status).to.equal(413);
    });

    it('answers a port’s client error by its name even if it is not one of ours', async () => {
      const named = Object.assign(new Error('Execution Does Not Exist: x'), { name: 'ExecutionDoesNotExist' });
      await start({ ...operationsThrowing(named) });

      const reply = await post('AWSStepFunctions.DescribeExecution', JSON.stringify({ executionArn: 'arn:aws:states:us-east-1:000000000000:execution:M:x' }));

      expect(reply.status).to.equal(400);
      expect(reply.json).to.deep.equal({ __type: 'ExecutionDoesNotExist', message: 'Execution Does Not Exist: x' });
    });

    it('answers 500 InternalFailure, without details, when the port fails', async () => {
      await start(operationsThrowing(new Error('sqlite is locked at /secret/path')));

      const reply = await post('AWSStepFunctions.DescribeExecution', JSON.stringify({ executionArn: 'arn:aws:states:us-east-1:000000000000:execution:M:x' }));

      expect(reply.status).to.equal(500);
      expect((reply.json as { __type: string }).__type).to.equal('InternalFailure');
      expect(reply.text).not.to.contain('secret');
    });
  });
});

describe('Function: routeByAmzTarget', () => {
  it('sends X-Amz-Target requests to Step Functions and the rest to the order API', async () => {
    const gateway = await listenLocalGateway(
      routeByAmzTarget({
        orderApi: createOrderApi({ executions: new FakeOrderExecutions(), apiKeys: TEST_KEYS, usagePlan: GENEROUS_PLAN }),
        stepFunctionsApi: createStepFunctionsApi({ operations: new FakeStepFunctions() }),
      }),
    );
    try {
      const port = Number(new URL(gateway.url).port);
      const order = await call(port, {
        method: 'POST',
        path: '/orders',
        headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
        body: JSON.stringify(validOrder()),
      });
      const sfn = await call(port, {
        method: 'POST',
        path: '/',
        headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSStepFunctions.ListExecutions' },
        body: '{}',
      });

      expect(order.status).to.equal(200);
      expect(sfn.status).to.equal(200);
      expect(sfn.json).to.deep.equal({ executions: [] });
    } finally {
      await gateway.close();
    }
  });
});

function operationsThrowing(error: Error): StepFunctionsOperations {
  const fail = async (): Promise<never> => {
    throw error;
  };
  return {
    startExecution: fail,
    describeExecution: fail,
    getExecutionHistory: fail,
    listExecutions: fail,
    stopExecution: fail,
    redriveExecution: fail,
  };
}
