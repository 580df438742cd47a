import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { METRICS_NAMESPACE, type Observability } from '../../../handlers/shared/observability';

/** Real Powertools instances, created inside a test so their output can be captured. */
export function testObservability(serviceName = 'test'): Observability {
  return { logger: new Logger({ serviceName }), metrics: new Metrics({ namespace: METRICS_NAMESPACE, serviceName }) };
}
