import type { ErrorNames, JitterStrategy, Retrier } from '../asl';
import { StatesErrors } from './errorNames';

/** Options of a retry policy, in the DSL's spelling. */
export interface RetryOptions {
  /** @default 1 */
  readonly intervalSeconds?: number;
  /** @default 3 */
  readonly maxAttempts?: number;
  /** @default 2 */
  readonly backoffRate?: number;
  /** Caps the exponential interval. */
  readonly maxDelaySeconds?: number;
  /** @default 'NONE' */
  readonly jitter?: JitterStrategy;
}

/** The Lambda service's own transient errors, as AWS lists them for retrying. */
export const LAMBDA_SERVICE_EXCEPTIONS = [
  'Lambda.ClientExecutionTimeoutException',
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
] as const satisfies ErrorNames;

/** Builds a `Retry` entry for `errors`. */
export function retryOn(errors: ErrorNames, options: RetryOptions = {}): Retrier {
  return {
    ErrorEquals: [...errors],
    ...(options.intervalSeconds !== undefined && { IntervalSeconds: options.intervalSeconds }),
    ...(options.maxAttempts !== undefined && { MaxAttempts: options.maxAttempts }),
    ...(options.backoffRate !== undefined && { BackoffRate: options.backoffRate }),
    ...(options.maxDelaySeconds !== undefined && { MaxDelaySeconds: options.maxDelaySeconds }),
    ...(options.jitter !== undefined && { JitterStrategy: options.jitter }),
  };
}

/** Named retry presets. */
export const Retry = {
  /**
   * AWS's recommended retry for Lambda service exceptions (Step Functions best practices):
   * 2 s, 6 attempts, backoff 2. Options override the preset.
   */
  lambdaServiceExceptions(options: RetryOptions = {}): Retrier {
    return retryOn(LAMBDA_SERVICE_EXCEPTIONS, { intervalSeconds: 2, maxAttempts: 6, backoffRate: 2, ...options });
  },

  /** Exponential backoff with full jitter, capped at `maxDelaySeconds`: for transient errors. */
  exponentialWithJitter(errors: ErrorNames, options: RetryOptions = {}): Retrier {
    return retryOn(errors, { intervalSeconds: 1, maxAttempts: 4, backoffRate: 2, maxDelaySeconds: 30, jitter: 'FULL', ...options });
  },

  /** Retries `States.ALL` (keep it last): a catch-all with a few spaced attempts. */
  everything(options: RetryOptions = {}): Retrier {
    return retryOn([StatesErrors.ALL], { intervalSeconds: 1, maxAttempts: 2, backoffRate: 2, ...options });
  },
} as const;
