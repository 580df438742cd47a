import { expect } from 'chai';
import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  RedriveExecutionCommand,
  SFNClient,
  StartExecutionCommand,
  StateMachineDoesNotExist,
  StopExecutionCommand,
  type HistoryEvent,
} from '@aws-sdk/client-sfn';
import type { OrderSystem } from '../../../local/system';
import type { OrderClient } from '../../../local/system/client/orderClient';
import { generatedOrder } from '../../../local/system/client/sampleOrders';
import { rejection } from '../../support/rejection';
import { localSfnClient } from '../../support/sfnClient';
import { startTestSystem, tempDataDir } from './support';

describe('Step Functions API of local mode, through @aws-sdk/client-sfn', function () {
  this.timeout(40_000);
  let dir: ReturnType<typeof tempDataDir>;
  let system: OrderSystem;
  let client: OrderClient;
  let sfn: SFNClient;

  before(async () => {
    dir = tempDataDir();
    // Real retry intervals (1 s and up), so that an execution retrying a charge is still running when stopped.
    ({ system, client } = await startTestSystem(dir.path, { timeScale: 1 }));
    sfn = localSfnClient(system.url);
  });

  after(async () => {
    sfn.destroy();
    client.close();
    await system.stop({ drainMs: 100 });
    dir.remove();
  });

  async function finished(executionArn: string): Promise<string | undefined> {
    for (let i = 0; i < 200; i++) {
      const d = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      if (d.status !== 'RUNNING') return d.status;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return undefined;
  }

  it('starts an order, describes it, lists it and pages through its history', async () => {
    // Prepare
    const order = generatedOrder('success');

    // Act
    const started = await sfn.send(new StartExecutionCommand({ stateMachineArn: system.stateMachineArn, name: order.orderId, input: JSON.stringify(order) }));
    const status = await finished(started.executionArn!);
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));
    const listed = await sfn.send(new ListExecutionsCommand({ stateMachineArn: system.stateMachineArn, statusFilter: 'SUCCEEDED' }));
    const events: HistoryEvent[] = [];
    let nextToken: string | undefined;
    do {
      const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn: started.executionArn, maxResults: 10, nextToken }));
      events.push(...(page.events ?? []));
      nextToken = page.nextToken;
    } while (nextToken !== undefined);

    // Assess
    expect(started.executionArn).to.equal(system.executionArnOf(order.orderId));
    expect(started.startDate).to.be.instanceOf(Date);
    expect(status).to.equal('SUCCEEDED');
    expect(described.stopDate!.getTime()).to.be.at.least(described.startDate!.getTime());
    expect(JSON.parse(described.output!)).to.have.property('orderId', order.orderId);
    expect(JSON.parse(described.input!)).to.deep.equal(order);
    expect(listed.executions?.map((e) => e.name)).to.include(order.orderId);
    expect(events[0]?.type).to.equal('ExecutionStarted');
    expect(events.at(-1)?.type).to.equal('ExecutionSucceeded');
    expect(events.map((e) => e.id)).to.deep.equal(events.map((_, i) => i + 1));
    const scheduled = events.filter((e) => e.type === 'LambdaFunctionScheduled').map((e) => e.lambdaFunctionScheduledEventDetails?.resource);
    expect(scheduled).to.include('arn:aws:lambda:us-east-1:000000000000:function:validateOrder');
    expect(events.filter((e) => e.type === 'TaskStateEntered').map((e) => e.stateEnteredEventDetails?.name)).to.include.members(['ValidateOrder', 'ReserveInventory', 'ChargePayment', 'NotifySuccess']);
  });

  it('refuses a finished execution’s name with another input: ExecutionAlreadyExists', async () => {
    const order = generatedOrder('declined');
    const started = await sfn.send(new StartExecutionCommand({ stateMachineArn: system.stateMachineArn, name: order.orderId, input: JSON.stringify(order) }));
    expect(await finished(started.executionArn!)).to.equal('FAILED');
    const error = await rejection(sfn.send(new StartExecutionCommand({ stateMachineArn: system.stateMachineArn, name: order.orderId, input: JSON.stringify({ ...order, total: 1 }) })));
    expect(error).to.be.instanceOf(ExecutionAlreadyExists);
  });

  it('answers ExecutionDoesNotExist and StateMachineDoesNotExist as AWS does', async () => {
    const missing = await rejection(sfn.send(new DescribeExecutionCommand({ executionArn: system.executionArnOf('no-such-order') })));
    const machine = await rejection(
      sfn.send(new StartExecutionCommand({ stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:NoSuchMachine', input: '{}' })),
    );
    expect(missing).to.be.instanceOf(ExecutionDoesNotExist);
    expect((missing as Error).message).to.equal(`Execution Does Not Exist: '${system.executionArnOf('no-such-order')}'`);
    expect(machine).to.be.instanceOf(StateMachineDoesNotExist);
  });

  it('stops an order that is retrying its charge, and redrives it', async () => {
    // Prepare: a processor that always fails transiently, so ChargePayment keeps retrying.
    const order = { ...generatedOrder('success'), paymentToken: 'tok_processingError' };
    const accepted = await client.submit(order);

    // Act
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stopped = await sfn.send(new StopExecutionCommand({ executionArn: accepted.executionArn, error: 'Operator', cause: 'stopped by the test' }));
    const afterStop = await sfn.send(new DescribeExecutionCommand({ executionArn: accepted.executionArn }));
    const redriven = await sfn.send(new RedriveExecutionCommand({ executionArn: accepted.executionArn }));
    const afterRedrive = await sfn.send(new DescribeExecutionCommand({ executionArn: accepted.executionArn }));
    await sfn.send(new StopExecutionCommand({ executionArn: accepted.executionArn }));

    // Assess
    expect(stopped.stopDate).to.be.instanceOf(Date);
    expect(afterStop).to.include({ status: 'ABORTED', error: 'Operator', cause: 'stopped by the test', redriveStatus: 'REDRIVABLE' });
    expect(redriven.redriveDate).to.be.instanceOf(Date);
    expect(afterRedrive).to.include({ status: 'RUNNING', redriveCount: 1 });
  });
});
