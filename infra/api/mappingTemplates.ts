/**
 * The API's VTL mapping templates: the bodies API Gateway sends to Step Functions and the
 * bodies it returns to the caller. The direct integration means no Lambda sits in between,
 * so these templates are the whole adapter.
 */

/**
 * StartExecution's request: the body, as received, is the execution input; the order id
 * is the execution name, so a repeated order maps to the same execution.
 *
 * `$util.escapeJavaScript` turns `'` into `\'`, which JSON does not allow (a customer named
 * O'Brien, an order id with an apostrophe); the `replaceAll` undoes just that.
 */
export const startExecutionRequestTemplate = (stateMachineArn: string): string =>
  [
    '{',
    `  "stateMachineArn": "${stateMachineArn}",`,
    `  "name": "$util.escapeJavaScript($input.path('$.orderId')).replaceAll("\\\\'", "'")",`,
    `  "input": "$util.escapeJavaScript($input.json('$')).replaceAll("\\\\'", "'")"`,
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
  [
    "#set($type = \"$input.path('$.__type')\")",
    "#if($type.contains('ExecutionAlreadyExists'))",
    '#set($context.responseOverride.status = 409)',
    `{"message": "Order already submitted", "detail": $input.json('$.message')}`,
    "#elseif($type.contains('InvalidExecutionInput'))",
    '#set($context.responseOverride.status = 413)',
    '{"message": "Order too large"}',
    "#elseif($type.contains('Throttling') || $type.contains('ExecutionLimitExceeded'))",
    '#set($context.responseOverride.status = 429)',
    '{"message": "Too many requests"}',
    '#else',
    '#set($context.responseOverride.status = 500)',
    '{"message": "Internal server error"}',
    '#end',
  ].join('\n');

/** DescribeExecution's request: the execution ARN is the machine's prefix plus the order id. */
export const describeExecutionRequestTemplate = (executionArnPrefix: string): string =>
  [
    '{',
    `  "executionArn": "${executionArnPrefix}$util.escapeJavaScript($input.params('orderId')).replaceAll("\\\\'", "'")"`,
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
    `  "orderId": "$util.escapeJavaScript($input.path('$.name')).replaceAll("\\\\'", "'")",`,
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
  [
    "#set($type = \"$input.path('$.__type')\")",
    "#if($type.contains('ExecutionDoesNotExist') || $type.contains('InvalidArn'))",
    '#set($context.responseOverride.status = 404)',
    '{"message": "Order not found"}',
    "#elseif($type.contains('Throttling'))",
    '#set($context.responseOverride.status = 429)',
    '{"message": "Too many requests"}',
    '#else',
    '#set($context.responseOverride.status = 500)',
    '{"message": "Internal server error"}',
    '#end',
  ].join('\n');

/** A Step Functions 5xx: the caller may retry. */
export const serviceUnavailableTemplate = (): string => '{"message": "Service unavailable, retry later"}';
