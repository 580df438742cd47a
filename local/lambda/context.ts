/**
 * The `context` object a handler receives, with the fields of the Node.js runtime's context
 * (structurally a `Context` from `@types/aws-lambda`).
 */

/** The Lambda context handed to a handler. */
export interface LambdaContext {
  callbackWaitsForEmptyEventLoop: boolean;
  readonly functionName: string;
  readonly functionVersion: string;
  readonly invokedFunctionArn: string;
  /** A string, as the Node.js runtime passes it. */
  readonly memoryLimitInMB: string;
  readonly awsRequestId: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
  /** Milliseconds left before the function times out (never negative). */
  getRemainingTimeInMillis(): number;
  /** Deprecated callback-era completion methods; they settle the invocation. */
  done(error?: Error, result?: unknown): void;
  fail(error: Error | string): void;
  succeed(messageOrObject: unknown): void;
}

/** What {@link createLambdaContext} needs to know about one invocation. */
export interface ContextFacts {
  readonly functionName: string;
  readonly functionArn: string;
  readonly memoryMb: number;
  readonly requestId: string;
  readonly logStreamName: string;
  /** Epoch milliseconds at which the invocation times out. */
  readonly deadline: number;
  readonly now: () => number;
  /** Settles the invocation from the deprecated callback methods. */
  readonly settle: (outcome: { error: unknown } | { result: unknown }) => void;
}

/** Builds one invocation's context. */
export function createLambdaContext(facts: ContextFacts): LambdaContext {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: facts.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: facts.functionArn,
    memoryLimitInMB: String(facts.memoryMb),
    awsRequestId: facts.requestId,
    logGroupName: `/aws/lambda/${facts.functionName}`,
    logStreamName: facts.logStreamName,
    getRemainingTimeInMillis: () => Math.max(0, facts.deadline - facts.now()),
    done: (error, result) => facts.settle(error === undefined || error === null ? { result } : { error }),
    fail: (error) => facts.settle({ error }),
    succeed: (result) => facts.settle({ result }),
  };
}
