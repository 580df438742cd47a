import { expect } from 'chai';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { readEmfLine } from '../../../local/dashboard/metrics/emf';
import { captureStdout } from '../../handlers/support/captureStdout';

describe('Function: readEmfLine', () => {
  it('reads what Powertools Metrics writes: a single metric with its own dimension, and stored ones', async () => {
    // Prepare
    const captured = await captureStdout(async () => {
      const metrics = new Metrics({ namespace: 'OrderWorkflow', serviceName: 'payment' });
      const single = metrics.singleMetric();
      single.addDimension('reason', 'CARD_EXPIRED');
      single.addMetric('PaymentsDeclined', MetricUnit.Count, 1);
      metrics.addMetric('NotificationsFailed', MetricUnit.Count, 2);
      metrics.publishStoredMetrics();
    });
    // Act
    const points = captured.lines.flatMap(readEmfLine);
    // Assess
    expect(points.map((p) => [p.namespace, p.name, p.value, p.unit, p.dimensions])).to.deep.equal([
      ['OrderWorkflow', 'PaymentsDeclined', 1, 'Count', { service: 'payment', reason: 'CARD_EXPIRED' }],
      ['OrderWorkflow', 'NotificationsFailed', 2, 'Count', { service: 'payment' }],
    ]);
    for (const p of points) expect(p.timestamp).to.be.a('number');
  });

  const aws = (metrics: unknown[], dims: string[][] = [['service']]) => ({ Timestamp: 5, CloudWatchMetrics: [{ Namespace: 'N', Dimensions: dims, Metrics: metrics }] });
  const cases: Array<[string, string, Array<[string, number]>]> = [
    ['a plain log line', '{"level":"INFO","message":"hi"}', []],
    ['not JSON', 'START RequestId: 1 Version: $LATEST', []],
    ['broken JSON mentioning _aws', '{"_aws": ', []],
    ['no timestamp', JSON.stringify({ _aws: { CloudWatchMetrics: [] }, M: 1 }), []],
    ['an array of values', JSON.stringify({ _aws: aws([{ Name: 'M' }]), service: 's', M: [1, 2, 3] }), [['M', 1], ['M', 2], ['M', 3]]],
    ['a value that is not a number', JSON.stringify({ _aws: aws([{ Name: 'M' }]), service: 's', M: 'x' }), []],
    ['two metrics', JSON.stringify({ _aws: aws([{ Name: 'A' }, { Name: 'B' }]), service: 's', A: 1, B: 4 }), [['A', 1], ['B', 4]]],
    ['two dimension sets: one datapoint each', JSON.stringify({ _aws: aws([{ Name: 'A' }], [['service'], ['service', 'sku']]), service: 's', sku: 'k', A: 1 }), [['A', 1], ['A', 1]]],
  ];
  for (const [name, line, want] of cases) {
    it(`reads ${name}`, () => {
      expect(readEmfLine(line).map((p) => [p.name, p.value])).to.deep.equal(want);
    });
  }
});
