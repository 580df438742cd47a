import { expect } from 'chai';
import { InvalidEventError } from '../../../handlers/errors';
import type { LambdaContext } from '../../../handlers/shared/observability';
import { createValidateOrderHandler } from '../../../handlers/validation/handler';
import type { ValidationResult } from '../../../workflow/contracts';
import { captureStdout, emfMetrics } from '../support/captureStdout';
import { deeplyNested, HOSTILE_EVENTS } from '../support/hostileEvents';
import { testObservability } from '../support/observability';
import { anOrder, CARD_NUMBERS } from '../support/orders';

describe('Function: validateOrder handler', () => {
  const run = (event: unknown) => captureStdout(() => createValidateOrderHandler({ observability: testObservability('order-validation') })(event));

  it('returns valid for a valid order, logs it and counts it', async () => {
    // Act
    const { result, records } = await run({ order: anOrder() });
    const again = await run({ order: anOrder() });
    // Assess
    expect(result).to.deep.equal({ valid: true, errors: [] });
    expect(again.result).to.deep.equal(result);
    const log = records.find((record) => record.message === 'order validated');
    expect(log).to.include({ orderId: 'ord-1001', step: 'validateOrder', outcome: 'VALID', level: 'INFO', service: 'order-validation' });
    expect(emfMetrics(records).map(({ name, namespace }) => `${namespace}/${name}`)).to.deep.equal(['OrderWorkflow/OrdersValidated']);
  });

  it('adds the Lambda context (request id, function name) to its logs', async () => {
    // Prepare
    const context: LambdaContext = {
      callbackWaitsForEmptyEventLoop: true,
      functionName: 'validateOrder',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:validateOrder',
      memoryLimitInMB: '256',
      awsRequestId: 'req-123',
      logGroupName: '/aws/lambda/validateOrder',
      logStreamName: 'stream',
      getRemainingTimeInMillis: () => 3000,
      done: () => undefined,
      fail: () => undefined,
      succeed: () => undefined,
    };
    // Act
    const { records } = await captureStdout(() =>
      createValidateOrderHandler({ observability: testObservability('order-validation') })({ order: anOrder() }, context),
    );
    // Assess
    expect(records.find((record) => record.message === 'order validated')).to.include({
      function_request_id: 'req-123',
      function_name: 'validateOrder',
    });
  });

  it('lists every problem and counts OrdersRejected by rule', async () => {
    const { result, records } = await run({ order: anOrder({ currency: 'XYZ', total: 1, customer: { id: 'c', name: 'n', email: 'x' } }) });
    expect(result).to.deep.equal({
      valid: false,
      errors: [
        { field: 'customer.email', code: 'INVALID_EMAIL', message: 'customer.email must be a valid email address' },
        { field: 'currency', code: 'UNKNOWN_CURRENCY', message: 'currency is not one the shop accepts' },
      ],
    } satisfies ValidationResult);
    const rejected = emfMetrics(records).filter(({ name }) => name === 'OrdersRejected');
    expect(rejected.map(({ dimensions }) => dimensions.rule)).to.deep.equal(['INVALID_EMAIL', 'UNKNOWN_CURRENCY']);
  });

  it('strips unknown fields, so a smuggled cardNumber field is ignored and never logged', async () => {
    const { result, lines } = await run({ order: { ...anOrder(), cardNumber: CARD_NUMBERS[0] }, extra: true });
    expect(result).to.deep.equal({ valid: true, errors: [] });
    expect(lines.join('\n')).to.not.include(CARD_NUMBERS[0]);
  });

  for (const card of CARD_NUMBERS) {
    it(`rejects a card number (${card.slice(0, 4)}…) and never echoes or logs it`, async () => {
      const { result, lines } = await run({ order: anOrder({ paymentToken: card, orderId: card.replace(/\D/g, '') }) });
      expect(result?.valid).to.equal(false);
      expect(result?.errors.map(({ code }) => code)).to.deep.equal(['CARD_NUMBER_FORBIDDEN', 'CARD_NUMBER_FORBIDDEN']);
      const everything = JSON.stringify(result) + lines.join('\n');
      expect(everything).to.not.include(card);
      expect(everything).to.not.include(card.replace(/\D/g, ''));
    });
  }

  describe('hostile events', () => {
    const cases = [
      ...HOSTILE_EVENTS.map(({ name, event }) => ({ name, event })),
      { name: 'order without items', event: { order: { ...anOrder(), items: undefined } } },
      { name: 'quantity as a string', event: { order: anOrder({ items: [{ sku: 'A', quantity: '1' as unknown as number, unitPrice: 1 }] }) } },
      { name: 'a deeply nested customer', event: { order: { ...anOrder(), customer: deeplyNested(5_000) } } },
      { name: '100 000 items of the wrong type', event: { order: { ...anOrder(), items: Array.from({ length: 100_000 }, () => 1) } } },
    ];
    for (const { name, event } of cases) {
      it(`rejects ${name} with a named error naming the fields`, async () => {
        const { error, lines } = await run(event);
        expect(error).to.be.instanceOf(InvalidEventError);
        const invalid = error as InvalidEventError;
        expect(invalid.name).to.equal('InvalidEvent');
        expect(invalid.details.length).to.be.within(1, 21);
        for (const detail of invalid.details) expect(detail).to.match(/^(\(root\)|order(\.\w+|\[\d+\])*): expected .+, got .+$|^… and \d+ more$/);
        expect(invalid.message.length).to.be.below(5_000);
        expect(lines.join('\n')).to.not.include('4242424242424242');
        expect(lines.some((line) => line.includes('"message":"step failed"') && line.includes('"error":"InvalidEvent"'))).to.equal(true);
      });
    }
  });
});
