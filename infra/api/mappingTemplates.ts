/**
 * The API's VTL mapping templates: the bodies API Gateway sends to Step Functions and the
 * bodies it returns to the caller. The direct integration means no Lambda sits in between,
 * so these templates are the whole adapter.
 */

/**
 * A VTL expression that writes the string value of `expression` escaped for a JSON string.
 *
 * `$util.escapeJavaScript` turns `'` into `\'`, which JSON does not allow (a customer named
 * O'Brien, an order id with an apostrophe); the `replaceAll` undoes just that.
 */
const jsonEscaped = (expression: string): string => `$util.escapeJavaScript(${expression}).replaceAll("\\\\'", "'")`;

/** One case of an error template: when the `__type` matches `when` (a VTL condition on `$type`), answer `status` with `body`. */
interface ErrorCase {
  readonly when: string;
  readonly status: number;
  readonly body: string;
}

/** A 4xx response template: the first case whose condition holds on Step Functions' `__type`, else 500. */
const errorTemplate = (cases: readonly ErrorCase[]): string =>
  [
    "#set($type = \"$input.path('$.__type')\")",
    ...cases.flatMap(({ when, status, body }, i) => [`${i === 0 ? '#if' : '#elseif'}(${when})`, `#set($context.responseOverride.status = ${status})`, body]),
    '#else',
    '#set($context.responseOverride.status = 500)',
    '{"message": "Internal server error"}',
    '#end',
  ].join('\n');

/**
 * StartExecution's request: the body, as received, is the execution input; the order id
 * is the execution name, so a repeated order maps to the same execution.
 */
export const startExecutionRequestTemplate = (stateMachineArn: string): string =>
  [
    '{',
    `  "stateMachineArn": "${stateMachineArn}",`,
    `  "name": "${jsonEscaped("$input.path('$.orderId')")}",`,
    `  "input": "${jsonEscaped("$input.json('$')")}"`,
    '}',
  ].join('\n');

/** StartExecution succeeded: 200 with the execution's ARN and start date (seconds since the epoch). */
export const startExecutionResponseTemplate = (): string =>
  [
    '{',
    `  "executionArn": "$input.path('$.executionArn')",`,
    `  "startDate": $input.json('$.startDate')`,
    '}',
  ].join('\n');

/**
 * StartExecution failed with a 4xx. Step Functions names the error in `__type`:
 * - ExecutionAlreadyExists: the order id was used by a finished execution or with another
 *   body: 409, with Step Functions' message (which names the execution);
 * - InvalidExecutionInput: the body exceeds Step Functions' 256 KiB input limit: 413;
 * - throttling or too many running executions: 429;
 * - anything else is a fault of this integration, not of the caller: 500.
 */
export const startExecutionErrorTemplate = (): string =>
  errorTemplate([
    { when: "$type.contains('ExecutionAlreadyExists')", status: 409, body: `{"message": "Order already submitted", "detail": $input.json('$.message')}` },
    { when: "$type.contains('InvalidExecutionInput')", status: 413, body: '{"message": "Order too large"}' },
    { when: "$type.contains('Throttling') || $type.contains('ExecutionLimitExceeded')", status: 429, body: '{"message": "Too many requests"}' },
  ]);

/** DescribeExecution's request: the execution ARN is the machine's prefix plus the order id. */
export const describeExecutionRequestTemplate = (executionArnPrefix: string): string =>
  [
    '{',
    `  "executionArn": "${executionArnPrefix}${jsonEscaped("$input.params('orderId')")}"`,
    '}',
  ].join('\n');

/**
 * DescribeExecution succeeded: the order's status, when it started and stopped, its
 * output once it has one (Step Functions' JSON text, embedded as JSON), and why it failed.
 * The input stays out.
 */
export const describeExecutionResponseTemplate = (): string =>
  [
    '{',
    `  "orderId": "${jsonEscaped("$input.path('$.name')")}",`,
    `  "status": "$input.path('$.status')",`,
    `  "executionArn": "$input.path('$.executionArn')",`,
    `  "startDate": $input.json('$.startDate')`,
    `#if("$!input.path('$.stopDate')" != ""),`,
    `  "stopDate": $input.json('$.stopDate')`,
    '#end',
    `#if("$!input.path('$.output')" != ""),`,
    `  "output": $input.path('$.output')`,
    '#end',
    `#if("$!input.path('$.error')" != ""),`,
    `  "error": $input.json('$.error')`,
    '#end',
    `#if("$!input.path('$.cause')" != ""),`,
    `  "cause": $input.json('$.cause')`,
    '#end',
    '}',
  ].join('\n');

/**
 * DescribeExecution failed with a 4xx: an unknown execution (or an order id that cannot
 * be one) is 404; throttling 429; anything else 500.
 */
export const describeExecutionErrorTemplate = (): string =>
  errorTemplate([
    { when: "$type.contains('ExecutionDoesNotExist') || $type.contains('InvalidArn')", status: 404, body: '{"message": "Order not found"}' },
    { when: "$type.contains('Throttling')", status: 429, body: '{"message": "Too many requests"}' },
  ]);

/** A Step Functions 5xx: the caller may retry. */
export const serviceUnavailableTemplate = (): string => '{"message": "Service unavailable, retry later"}';
