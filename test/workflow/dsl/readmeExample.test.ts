import { expect } from 'chai';
// The README's DSL example, verbatim between the markers (so that it keeps compiling).
// README:start
import { Retry, Workflow, taskFunction } from '../../../workflow/dsl';

type Order = { orderId: string; total: number };
type Charged = Order & { payment: { status: 'APPROVED' | 'DECLINED' } };
const charge = taskFunction<{ orderId: string; amount: number }, Charged['payment']>()('chargePayment');

const wf = new Workflow<'chargePayment'>({ comment: 'Charge, then decide' });
const [order, charged] = [wf.states<Order>(), wf.states<Charged>()];
const flow = order
  .task('Charge', charge, { parameters: { 'orderId.$': '$.orderId', 'amount.$': '$.total' }, resultPath: '$.payment' })
  .retry(Retry.lambdaServiceExceptions({ jitter: 'FULL' }))
  .catchAll(order.fail('ChargeFailed', { error: 'ChargeFailed' }), { resultPath: '$.error' })
  .next(charged.choice('Approved?')
    .when(($) => $.stringEquals('$.payment.status', 'APPROVED'), charged.succeed('Done'))
    .otherwise(charged.fail('Declined', { error: 'PaymentDeclined' })));
const asl = wf.build(flow).render((fn) => `arn:aws:lambda:us-east-1:123456789012:function:${fn}`);
// README:end

describe('README example', () => {
  it('builds and renders', () => {
    expect(Object.keys(asl.States)).to.deep.equal(['Charge', 'Approved?', 'Done', 'Declined', 'ChargeFailed']);
    expect(asl.States.Charge).to.deep.include({ Resource: 'arn:aws:lambda:us-east-1:123456789012:function:chargePayment', Next: 'Approved?' });
  });
});
