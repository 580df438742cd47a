/**
 * The Invoke API's front door, before any function runs: finds the function named by the
 * request, serialises the payload within the synchronous limit, and takes a concurrency slot.
 * Shared by the in-process runtime and the worker-hosted one, so both refuse the same requests
 * with the same service exceptions.
 */
import { randomUUID } from 'node:crypto';
import { ConcurrencyLimiter, type ThrottleBehaviour } from './concurrency';
import { InvalidRequestContentException, RequestEntityTooLargeException, ResourceNotFoundException, TooManyRequestsException } from './errors';
import { functionArn, parseFunctionReference, type FunctionReference, type LambdaLocation } from './functionArn';
import { MAX_SYNC_REQUEST_BYTES } from './limits';
import { cachedBy } from '../common/boundedCache';
import { textExceedsBytes } from '../common/utf8';

/** An admitted request: the function's name, the event as JSON text, and its request id. */
export interface AdmittedRequest {
  readonly name: string;
  readonly event: string;
  readonly requestId: string;
}

/** References remembered once read: a workflow names the same few ARNs over and over. */
const MAX_REMEMBERED_REFERENCES = 256;

/** Admits Invoke requests to a set of functions, at most `concurrency` at once. */
export class InvokeGate {
  private readonly limiter: ConcurrencyLimiter;
  private readonly read: (reference: string) => FunctionReference | undefined;

  public constructor(
    private readonly location: LambdaLocation,
    concurrency: number,
    private readonly whenThrottled: ThrottleBehaviour,
    private readonly knows: (name: string) => boolean,
  ) {
    this.limiter = new ConcurrencyLimiter(concurrency);
    this.read = cachedBy((reference: string) => parseFunctionReference(reference, location), MAX_REMEMBERED_REFERENCES);
  }

  /** Invocations running now. */
  public get inFlight(): number {
    return this.limiter.inFlight;
  }

  /**
   * Runs `run` for the request once admitted, holding a concurrency slot until it settles.
   * @throws ResourceNotFoundException, TooManyRequestsException, RequestEntityTooLargeException,
   *   InvalidRequestContentException
   */
  public async admit<T>(reference: string, payload: unknown, run: (request: AdmittedRequest) => Promise<T>): Promise<T> {
    const requestId = randomUUID();
    const event = serializeRequest(payload, requestId);
    const parsed = this.read(reference);
    const known = parsed !== undefined && (parsed.qualifier === undefined || parsed.qualifier === '$LATEST') && this.knows(parsed.name);
    if (parsed === undefined || !known) {
      throw new ResourceNotFoundException(reference.startsWith('arn:') ? reference : functionArn(this.location, reference), requestId);
    }
    if (this.whenThrottled === 'queue') await this.limiter.acquire();
    else if (!this.limiter.tryAcquire()) throw new TooManyRequestsException('ConcurrentInvocationLimitExceeded', requestId);
    try {
      return await run({ name: parsed.name, event, requestId });
    } finally {
      this.limiter.release();
    }
  }
}

/** The request as Lambda receives it: JSON text within the synchronous limit. */
function serializeRequest(payload: unknown, requestId: string): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(payload);
  } catch (error) {
    throw new InvalidRequestContentException(error instanceof Error ? error.message : String(error), requestId, { cause: error });
  }
  // An empty Invoke payload reaches the handler as `{}`.
  const event = json ?? '{}';
  if (textExceedsBytes(event, MAX_SYNC_REQUEST_BYTES)) {
    throw new RequestEntityTooLargeException(MAX_SYNC_REQUEST_BYTES, requestId);
  }
  return event;
}
