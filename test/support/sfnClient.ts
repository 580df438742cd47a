/** An AWS SDK Step Functions client aimed at a local endpoint, as the tests and tools use it. */
import { SFNClient } from '@aws-sdk/client-sfn';

/**
 * A client of the Step Functions API at `endpoint`: dummy credentials (local mode does not check
 * them) and one attempt per call, so that an error answer reaches the test instead of a retry.
 */
export function localSfnClient(endpoint: string): SFNClient {
  return new SFNClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
}
