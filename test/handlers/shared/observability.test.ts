import { expect } from 'chai';
import { countBy } from '../../../handlers/shared/observability';
import { captureStdout, emfMetrics } from '../support/captureStdout';
import { testObservability } from '../support/observability';

describe('Function: countBy', () => {
  it('prints one EMF line per call, each with only its own dimension, when one instance is reused', async () => {
    // Prepare
    const { metrics } = testObservability('payment');

    // Act
    const { records } = await captureStdout(async () => {
      countBy(metrics, 'PaymentsDeclined', 'reason', 'insufficient_funds');
      countBy(metrics, 'PaymentsDeclined', 'reason', 'expired_card');
      countBy(metrics, 'OutOfStock', 'sku', 'BOOK-1');
    });

    // Assess
    expect(emfMetrics(records)).to.deep.equal([
      { name: 'PaymentsDeclined', namespace: 'OrderWorkflow', dimensions: { service: 'payment', reason: 'insufficient_funds' } },
      { name: 'PaymentsDeclined', namespace: 'OrderWorkflow', dimensions: { service: 'payment', reason: 'expired_card' } },
      { name: 'OutOfStock', namespace: 'OrderWorkflow', dimensions: { service: 'payment', sku: 'BOOK-1' } },
    ]);
    expect(records.map((record) => record.PaymentsDeclined ?? record.OutOfStock)).to.deep.equal([1, 1, 1]);
    expect(records.filter((record) => 'reason' in record && 'sku' in record)).to.deep.equal([]);
  });
});
