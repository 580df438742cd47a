/**
 * The API's two routes as data: which Step Functions action each calls, with which
 * request template, and how its responses map to the caller's.
 */
import { executionArnPrefix } from '../iam/grants';
import {
  describeExecutionErrorTemplate,
  describeExecutionRequestTemplate,
  describeExecutionResponseTemplate,
  serviceUnavailableTemplate,
  startExecutionErrorTemplate,
  startExecutionRequestTemplate,
  startExecutionResponseTemplate,
} from './mappingTemplates';

/** One integration response: Step Functions statuses matching `selectionPattern` → `statusCode`. */
export interface IntegrationResponseDefinition {
  readonly statusCode: string;
  /** A regex over Step Functions' HTTP status; absent for the default (2xx) response. */
  readonly selectionPattern?: string;
  readonly template: string;
}

/** A route's direct Step Functions integration. */
export interface RouteDefinition {
  /** Names the route's resources. */
  readonly name: string;
  readonly httpMethod: 'POST' | 'GET';
  /** The Step Functions API action the route calls. */
  readonly action: 'StartExecution' | 'DescribeExecution';
  /** The request mapping template, for the deployed state machine. */
  readonly requestTemplate: (stateMachineArn: string) => string;
  readonly integrationResponses: readonly IntegrationResponseDefinition[];
  /** Every status the route can answer with (mapping templates may override to these). */
  readonly methodStatuses: readonly string[];
}

/** `POST /orders`: start the order's execution, named by its order id. */
export const SUBMIT_ORDER_ROUTE: RouteDefinition = {
  name: 'submit-order',
  httpMethod: 'POST',
  action: 'StartExecution',
  requestTemplate: startExecutionRequestTemplate,
  integrationResponses: [
    { statusCode: '200', template: startExecutionResponseTemplate() },
    { statusCode: '400', selectionPattern: '4\\d{2}', template: startExecutionErrorTemplate() },
    { statusCode: '503', selectionPattern: '5\\d{2}', template: serviceUnavailableTemplate() },
  ],
  methodStatuses: ['200', '400', '409', '413', '429', '500', '503'],
};

/** `GET /orders/{orderId}`: the order's execution status. */
export const ORDER_STATUS_ROUTE: RouteDefinition = {
  name: 'order-status',
  httpMethod: 'GET',
  action: 'DescribeExecution',
  requestTemplate: (stateMachineArn) => describeExecutionRequestTemplate(executionArnPrefix(stateMachineArn)),
  integrationResponses: [
    { statusCode: '200', template: describeExecutionResponseTemplate() },
    { statusCode: '400', selectionPattern: '4\\d{2}', template: describeExecutionErrorTemplate() },
    { statusCode: '503', selectionPattern: '5\\d{2}', template: serviceUnavailableTemplate() },
  ],
  methodStatuses: ['200', '400', '404', '429', '500', '503'],
};

/** The URI of a direct Step Functions action integration. */
export const stepFunctionsActionUri = (partition: string, region: string, action: RouteDefinition['action']): string =>
  `arn:${partition}:apigateway:${region}:states:action/${action}`;
