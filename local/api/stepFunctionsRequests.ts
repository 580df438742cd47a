/**
 * The Step Functions operations' request bodies (AWS JSON 1.0), as io-ts codecs, and their
 * decoding into AWS's errors: a missing required member is a ValidationException, a member of
 * the wrong JSON type a SerializationException, a value outside an enum a ValidationException.
 */
import * as t from 'io-ts';
import { isLeft } from 'fp-ts/Either';
import { SerializationException, ValidationException } from './stepFunctionsErrors';

const ExecutionStatusCodec = t.keyof({ RUNNING: null, SUCCEEDED: null, FAILED: null, TIMED_OUT: null, ABORTED: null, PENDING_REDRIVE: null });

function request<R extends t.Props, O extends t.Props>(required: R, optional: O) {
  return t.exact(t.intersection([t.type(required), t.partial(optional)]));
}

/** Each operation's request codec, by the name in `X-Amz-Target: AWSStepFunctions.<name>`. */
export const StepFunctionsRequests = {
  StartExecution: request({ stateMachineArn: t.string }, { name: t.string, input: t.string, traceHeader: t.string }),
  DescribeExecution: request({ executionArn: t.string }, { includedData: t.keyof({ ALL_DATA: null, METADATA_ONLY: null }) }),
  GetExecutionHistory: request(
    { executionArn: t.string },
    { maxResults: t.number, reverseOrder: t.boolean, nextToken: t.string, includeExecutionData: t.boolean },
  ),
  ListExecutions: request(
    {},
    {
      stateMachineArn: t.string,
      statusFilter: ExecutionStatusCodec,
      maxResults: t.number,
      nextToken: t.string,
      redriveFilter: t.keyof({ REDRIVEN: null, NOT_REDRIVEN: null }),
    },
  ),
  StopExecution: request({ executionArn: t.string }, { error: t.string, cause: t.string }),
  RedriveExecution: request({ executionArn: t.string }, { clientToken: t.string }),
} as const;

/** An operation served by the endpoint. */
export type StepFunctionsOperationName = keyof typeof StepFunctionsRequests;

/** Whether `name` is an operation served by the endpoint. */
export function isServedOperation(name: string): name is StepFunctionsOperationName {
  return Object.prototype.hasOwnProperty.call(StepFunctionsRequests, name);
}

/** Decodes an operation's request body, or throws the error AWS would answer. */
export function decodeRequest<N extends StepFunctionsOperationName>(
  operation: N,
  body: unknown,
): t.TypeOf<(typeof StepFunctionsRequests)[N]> {
  const codec: t.Decoder<unknown, t.TypeOf<(typeof StepFunctionsRequests)[N]>> = StepFunctionsRequests[operation];
  const decoded = codec.decode(body);
  if (!isLeft(decoded)) return decoded.right;
  const missing: string[] = [];
  const outsideEnum: string[] = [];
  let wrongType: string | undefined;
  for (const error of decoded.left) {
    // Every member of these requests is top-level: the failing entry's key is the member's name.
    const failing = error.context[error.context.length - 1];
    const field = failing?.key ?? '';
    const expected = failing?.type;
    if (error.value === undefined) missing.push(field);
    else if (expected instanceof t.KeyofType) outsideEnum.push(`Value '${String(error.value)}' at '${field}' failed to satisfy constraint: Member must satisfy enum value set: [${Object.keys(expected.keys).join(', ')}]`);
    else wrongType ??= field;
  }
  if (wrongType !== undefined) throw new SerializationException(`Unexpected value type for '${wrongType}'`);
  const problems = [...new Set(missing)].map((field) => `Value null at '${field}' failed to satisfy constraint: Member must not be null`).concat(outsideEnum);
  throw new ValidationException(`${problems.length} validation error${problems.length === 1 ? '' : 's'} detected: ${problems.join('; ')}`);
}
