import { expect } from 'chai';
import { runLoad } from '../../../../local/system/client/loadRun';
import type { JsonResponse } from '../../../../local/system/client/httpJson';
import type { OrderClient, OrderStatus } from '../../../../local/system/client/orderClient';

/**
 * An order API that accepts every order and reports each finished with the stop date it is
 * given, in the order submitted: what runLoad computes its rates from.
 */
function finishedAt(stopDatesSec: readonly number[]): OrderClient {
  const submitted: string[] = [];
  const client = {
    postOrder(order: { orderId: string }): Promise<JsonResponse> {
      submitted.push(order.orderId);
      return Promise.resolve({ status: 200, headers: {}, body: { executionArn: `arn:${order.orderId}`, startDate: 0 } });
    },
    status(orderId: string): Promise<OrderStatus> {
      const stopDate = stopDatesSec[submitted.indexOf(orderId)]!;
      return Promise.resolve({ orderId, status: 'SUCCEEDED', executionArn: `arn:${orderId}`, startDate: stopDate - 0.01, stopDate });
    },
    runningExecutions: () => Promise.resolve(0),
  };
  return client as unknown as OrderClient;
}

describe('Function: runLoad', () => {
  it('reports the completion rate over the span of stop dates, and the throughput from the first send', async () => {
    // Prepare: four orders that finish 0.1 s apart, the first 2 s after the run began
    const begin = Date.now() / 1000;
    const stops = [begin + 2, begin + 2.1, begin + 2.2, begin + 2.3];

    // Act
    const summary = await runLoad(finishedAt(stops), { count: 4, concurrency: 2, mix: { success: 1 } });

    // Assess: three intervals in 0.3 s; four orders in the 2.3 s since the run began
    expect(summary).to.include({ accepted: 4, succeeded: 4, unfinished: 0 });
    expect(summary.completionsPerSec).to.be.closeTo(10, 0.01);
    expect(summary.throughputPerSec).to.be.closeTo(4 / 2.3, 0.05);
  });

  it('has no completion rate for fewer than two finished orders', async () => {
    const summary = await runLoad(finishedAt([Date.now() / 1000 + 1]), { count: 1, concurrency: 1, mix: { success: 1 } });

    expect(summary.succeeded).to.equal(1);
    expect(summary.completionsPerSec).to.be.NaN;
  });
});
