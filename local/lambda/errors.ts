/**
 * Lambda's service exceptions: failures of the Invoke call itself, before or around the
 * function (unknown function, throttling, oversize request). Step Functions reports them with
 * a `Lambda.` prefix (`Lambda.TooManyRequestsException`), which is what Retry policies match.
 * A function's own error is not one of these: it is a successful Invoke whose payload carries
 * `{ errorType, errorMessage, trace }` (see {@link InvocationRecord}).
 */
export abstract class LambdaServiceError extends Error {
  /** The HTTP status Lambda's Invoke API answers with. */
  public abstract readonly statusCode: number;
  /** The request id Lambda would have assigned to the failed Invoke call. */
  public readonly requestId: string;

  protected constructor(message: string, requestId: string, options?: ErrorOptions) {
    super(message, options);
    this.requestId = requestId;
  }

  /** The error name Step Functions gives this exception, e.g. `Lambda.ResourceNotFoundException`. */
  public get aslError(): string {
    return `Lambda.${this.name}`;
  }

  /**
   * The cause text Step Functions reports beside {@link aslError}: the SDK's message with its
   * service details, e.g. `Rate Exceeded. (Service: AWSLambda; Status Code: 429; Error Code:
   * TooManyRequestsException; Request ID: …; Proxy: null)`.
   */
  public get aslCause(): string {
    return (
      `${this.message} (Service: AWSLambda; Status Code: ${this.statusCode}; ` +
      `Error Code: ${this.name}; Request ID: ${this.requestId}; Proxy: null)`
    );
  }
}

/** The function does not exist (Invoke answers 404). */
export class ResourceNotFoundException extends LambdaServiceError {
  public readonly statusCode = 404;

  public constructor(functionArn: string, requestId: string, options?: ErrorOptions) {
    super(`Function not found: ${functionArn}`, requestId, options);
    this.name = 'ResourceNotFoundException';
  }
}

/** Why Lambda throttled an Invoke. */
export type ThrottleReason = 'ConcurrentInvocationLimitExceeded' | 'ReservedFunctionConcurrentInvocationLimitExceeded';

/** Every concurrent execution is busy (Invoke answers 429). */
export class TooManyRequestsException extends LambdaServiceError {
  public readonly statusCode = 429;
  /** Lambda's `Reason` field. */
  public readonly reason: ThrottleReason;

  public constructor(reason: ThrottleReason, requestId: string, options?: ErrorOptions) {
    super('Rate Exceeded.', requestId, options);
    this.name = 'TooManyRequestsException';
    this.reason = reason;
  }
}

/** The request payload is over the synchronous limit (Invoke answers 413). */
export class RequestEntityTooLargeException extends LambdaServiceError {
  public readonly statusCode = 413;

  public constructor(limitBytes: number, requestId: string, options?: ErrorOptions) {
    super(`Request must be smaller than ${limitBytes} bytes for the InvokeFunction operation`, requestId, options);
    this.name = 'RequestEntityTooLargeException';
  }
}

/** The payload given to `invoke` cannot be serialised as JSON (Invoke answers 400). */
export class InvalidRequestContentException extends LambdaServiceError {
  public readonly statusCode = 400;

  public constructor(detail: string, requestId: string, options?: ErrorOptions) {
    super(`Could not parse request body into json: ${detail}`, requestId, options);
    this.name = 'InvalidRequestContentException';
  }
}

/**
 * Lambda itself failed (Invoke answers 500): here, the worker thread hosting the execution
 * environments stopped while the invocation ran. Step Functions reports it as
 * `Lambda.ServiceException`, which the workflow's Retry covers.
 */
export class ServiceException extends LambdaServiceError {
  public readonly statusCode = 500;

  public constructor(detail: string, requestId: string, options?: ErrorOptions) {
    super(`The Lambda service encountered an internal error: ${detail}`, requestId, options);
    this.name = 'ServiceException';
  }
}
