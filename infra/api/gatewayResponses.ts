/**
 * The API's own error responses (requests rejected before reaching Step Functions), all
 * as JSON with a `message`. These templates are not VTL: only `$context` substitution.
 */

/** One gateway response: which API Gateway error, with which status and body. */
export interface GatewayResponseDefinition {
  readonly responseType: string;
  /** Absent for the defaults: they keep the status of the error they stand for. */
  readonly statusCode?: string;
  readonly template: string;
}

/** API Gateway's own message for the error (already a quoted JSON string). */
const messageBody = '{"message":$context.error.messageString}';

/** A body that failed the request model also says why (API Gateway's validation message). */
const validationBody = '{"message":$context.error.messageString,"errors":["$context.error.validationErrorString"]}';

/**
 * Every gateway response the API customizes. With API keys and no authorizer, a missing
 * authentication token only means an unknown route: answered as 404, like the local API.
 */
export const GATEWAY_RESPONSES: readonly GatewayResponseDefinition[] = [
  { responseType: 'BAD_REQUEST_BODY', statusCode: '400', template: validationBody },
  { responseType: 'BAD_REQUEST_PARAMETERS', statusCode: '400', template: validationBody },
  { responseType: 'INVALID_API_KEY', statusCode: '403', template: messageBody },
  { responseType: 'ACCESS_DENIED', statusCode: '403', template: messageBody },
  { responseType: 'MISSING_AUTHENTICATION_TOKEN', statusCode: '404', template: '{"message":"Not Found"}' },
  { responseType: 'RESOURCE_NOT_FOUND', statusCode: '404', template: '{"message":"Not Found"}' },
  { responseType: 'REQUEST_TOO_LARGE', statusCode: '413', template: messageBody },
  { responseType: 'UNSUPPORTED_MEDIA_TYPE', statusCode: '415', template: messageBody },
  { responseType: 'THROTTLED', statusCode: '429', template: messageBody },
  { responseType: 'QUOTA_EXCEEDED', statusCode: '429', template: messageBody },
  { responseType: 'INTEGRATION_FAILURE', statusCode: '504', template: messageBody },
  { responseType: 'INTEGRATION_TIMEOUT', statusCode: '504', template: messageBody },
  { responseType: 'DEFAULT_4XX', template: messageBody },
  { responseType: 'DEFAULT_5XX', template: messageBody },
];

/** The access log line: one JSON object per request, no body (it holds customer data). */
export const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  apiKeyId: '$context.identity.apiKeyId',
  httpMethod: '$context.httpMethod',
  resourcePath: '$context.resourcePath',
  status: '$context.status',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationStatus: '$context.integration.status',
  integrationLatency: '$context.integration.latency',
  errorType: '$context.error.responseType',
  errorMessage: '$context.error.message',
  xrayTraceId: '$context.xrayTraceId',
});
