/**
 * Which AWS SDK failures are worth retrying: throttling, server-side errors and network
 * failures. Everything else (validation, missing table, access denied) is permanent.
 */

const TRANSIENT_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'Throttling',
  'RequestLimitExceeded',
  'InternalServerError',
  'InternalFailure',
  'InternalError',
  'ServiceUnavailable',
  'TransactionConflictException',
  'KMSThrottlingException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);

const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/** True when the error is one a later retry may not hit. */
export function isTransientAwsError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { name, $metadata, $retryable, code } = error as Error & {
    $metadata?: { httpStatusCode?: number };
    $retryable?: unknown;
    code?: string;
  };
  if (TRANSIENT_NAMES.has(name) || $retryable !== undefined) return true;
  if (code !== undefined && TRANSIENT_CODES.has(code)) return true;
  return ($metadata?.httpStatusCode ?? 0) >= 500;
}

/** True when a DynamoDB condition expression failed. */
export function isConditionFailed(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/**
 * Runs an AWS call, turning transient failures into the service's retryable error.
 */
export async function mapTransient<R>(makeError: (message: string, options: ErrorOptions) => Error, run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (error) {
    if (isTransientAwsError(error)) {
      throw makeError(`AWS call failed transiently: ${(error as Error).name}`, { cause: error });
    }
    throw error;
  }
}

/** Runs a conditional write: true when it applied, false when its condition failed. */
export async function conditionApplied(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}
