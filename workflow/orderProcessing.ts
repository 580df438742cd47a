/**
 * THE order-processing workflow (DESIGN.md, FLOW.md), built with the typed DSL: every path
 * below is checked against the contracts' types, every Task's Parameters build exactly the
 * input its function decodes.
 */
import type {
  ChargeResult,
  Order,
  ReservationResult,
  TaskFunctionName,
  TaskInput,
  TaskOutput,
  TransientErrorName,
  ValidationResult,
} from './contracts';
import type { JsonPathStateMachineDefinition, Retrier } from './asl';
import { Retry, taskFunction, Workflow, type BuiltWorkflow, type CaughtError, type TaskFunction } from './dsl';

/** A step that threw (after its retries): recorded in place of its result. */
export interface StepError {
  status: 'ERROR';
  error: string;
  cause: string;
}

/** Which step failed and why: what OrderFailed reports. */
export interface Failure {
  step: string;
  error: string;
  cause: string;
}

/** The data after ValidateOrder. */
export type ValidatedOrder = Order & { validation: ValidationResult };

/** The data after ProcessOrder: each branch's result, or the error it caught. */
export type ProcessedOrder = ValidatedOrder & {
  results: { inventory: ReservationResult | StepError; payment: ChargeResult | StepError };
};

/** The data of an order on its way to OrderFailed. */
export type FailedOrder = Order & { failure: Failure };

const fn = <N extends TaskFunctionName>(name: N): TaskFunction<N, TaskInput<N>, TaskOutput<N>> =>
  taskFunction<TaskInput<N>, TaskOutput<N>>()(name);

/** The Lambda service's transient errors the workflow retries (FLOW.md). */
const LAMBDA_TRANSIENT_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
] as const;

/** The named transient error of the service behind each function (validation is pure). */
const SERVICE_TRANSIENT_ERROR: Record<TaskFunctionName, TransientErrorName | undefined> = {
  validateOrder: undefined,
  reserveInventory: 'InventoryUnavailable',
  releaseInventory: 'InventoryUnavailable',
  chargePayment: 'PaymentProcessorUnavailable',
  refundPayment: 'PaymentProcessorUnavailable',
  notifyCustomer: 'NotificationUnavailable',
};

/** Exponential backoff (1 s, ×2, capped at 8 s) with full jitter, on the task's transient errors. */
export function transientRetry(name: TaskFunctionName): Retrier {
  const serviceError = SERVICE_TRANSIENT_ERROR[name];
  return Retry.exponentialWithJitter([...LAMBDA_TRANSIENT_ERRORS, ...(serviceError ? [serviceError] : [])], {
    intervalSeconds: 1,
    maxAttempts: 4,
    backoffRate: 2,
    maxDelaySeconds: 8,
    jitter: 'FULL',
  });
}

function buildOrderProcessing(): BuiltWorkflow<Order, TaskFunctionName> {
  const wf = new Workflow<TaskFunctionName>({
    comment: 'Order processing: validate, reserve stock and charge in parallel, compensate on failure, notify the customer.',
  });

  // ---- endings ----
  const failed = wf.states<FailedOrder>();
  const orderFailed = failed.fail('OrderFailed', { errorPath: '$.failure.error', causePath: '$.failure.cause' });
  const notifyFailure = failed
    .task('NotifyFailure', fn('notifyCustomer'), {
      parameters: { 'orderId.$': '$.orderId', outcome: 'FAILED', 'customer.$': '$.customer', 'reason.$': '$.failure.cause' },
      resultPath: '$.notification',
    })
    .retry(transientRetry('notifyCustomer'))
    // A failed notification does not change the outcome: the order has failed either way.
    .catchAll(orderFailed, { resultPath: '$.notificationError' })
    .next(orderFailed);

  const processed = wf.states<ProcessedOrder>();
  const orderSucceeded = processed.succeed('OrderSucceeded');
  const notifySuccess = processed
    .task('NotifySuccess', fn('notifyCustomer'), {
      parameters: { 'orderId.$': '$.orderId', outcome: 'SUCCEEDED', 'customer.$': '$.customer' },
      resultPath: '$.notification',
    })
    .retry(transientRetry('notifyCustomer'))
    // A failed notification never turns a successful order into a failed one.
    .catchAll(orderSucceeded, { resultPath: '$.notificationError' })
    .next(orderSucceeded);

  // A caught error, recorded in place of the step's result (FLOW.md: {status: ERROR, error, cause}).
  const caught = wf.states<CaughtError>();
  const stepError = { status: 'ERROR', 'error.$': '$.Error', 'cause.$': '$.Cause' } as const;

  // ---- compensation: undo only what may have been done ----
  const compensating = wf.states<ProcessedOrder & { failure: Failure }>();
  const releaseInventory = compensating
    .task('ReleaseInventory', fn('releaseInventory'), { parameters: { 'orderId.$': '$.orderId' } })
    .retry(transientRetry('releaseInventory'))
    .catchAll(caught.pass('ReleaseFailed', { parameters: stepError }));
  const refundPayment = compensating
    .task('RefundPayment', fn('refundPayment'), { parameters: { 'orderId.$': '$.orderId' } })
    .retry(transientRetry('refundPayment'))
    .catchAll(caught.pass('RefundFailed', { parameters: stepError }));
  const compensate = compensating
    .parallel(
      'Compensate',
      [
        compensating
          .choice('ShouldReleaseInventory', { comment: 'An errored reservation may still have reserved: release is idempotent.' })
          .when(($) => $.or($.stringEquals('$.results.inventory.status', 'RESERVED'), $.stringEquals('$.results.inventory.status', 'ERROR')), releaseInventory)
          .otherwise(compensating.pass('NothingToRelease', { result: { status: 'SKIPPED' } })),
        compensating
          .choice('ShouldRefundPayment', { comment: 'An errored charge may still have captured: refund voids or refunds.' })
          .when(($) => $.or($.stringEquals('$.results.payment.status', 'APPROVED'), $.stringEquals('$.results.payment.status', 'ERROR')), refundPayment)
          .otherwise(compensating.pass('NothingToRefund', { result: { status: 'SKIPPED' } })),
      ],
      { resultSelector: { 'inventory.$': '$[0]', 'payment.$': '$[1]' }, resultPath: '$.compensation' },
    )
    // Compensation steps catch their own errors; this only guards against the unexpected.
    .catchAll(notifyFailure, { resultPath: '$.compensationError' })
    .next(notifyFailure);

  // ---- evaluation: why did the order fail? ----
  const recordInventoryError = processed
    .pass('RecordInventoryError', {
      parameters: {
        step: 'ReserveInventory',
        'error.$': '$.results.inventory.error',
        'cause.$': "States.Format('ReserveInventory failed: {}', $.results.inventory.cause)",
      },
      resultPath: '$.failure',
    })
    .next(compensate);
  const recordOutOfStock = processed
    .pass('RecordOutOfStock', {
      parameters: {
        step: 'ReserveInventory',
        error: 'OutOfStock',
        'cause.$': "States.Format('ReserveInventory found too little stock: {}', States.JsonToString($.results.inventory.lines))",
      },
      resultPath: '$.failure',
    })
    .next(compensate);
  const recordPaymentError = processed
    .pass('RecordPaymentError', {
      parameters: {
        step: 'ChargePayment',
        'error.$': '$.results.payment.error',
        'cause.$': "States.Format('ChargePayment failed: {}', $.results.payment.cause)",
      },
      resultPath: '$.failure',
    })
    .next(compensate);
  const recordPaymentDeclined = processed
    .pass('RecordPaymentDeclined', {
      parameters: {
        step: 'ChargePayment',
        error: 'PaymentDeclined',
        'cause.$': "States.Format('ChargePayment was declined: {}', $.results.payment.declineReason)",
      },
      resultPath: '$.failure',
    })
    .next(compensate);
  const evaluateResults = processed
    .choice('EvaluateResults')
    .when(
      ($) => $.and($.stringEquals('$.results.inventory.status', 'RESERVED'), $.stringEquals('$.results.payment.status', 'APPROVED')),
      notifySuccess,
    )
    .when(($) => $.stringEquals('$.results.inventory.status', 'ERROR'), recordInventoryError)
    .when(($) => $.stringEquals('$.results.inventory.status', 'OUT_OF_STOCK'), recordOutOfStock)
    .when(($) => $.stringEquals('$.results.payment.status', 'ERROR'), recordPaymentError)
    // By the contracts, the only combination left is a reserved order whose payment was declined.
    .otherwise(recordPaymentDeclined);

  // ---- processing: reserve stock and charge, side by side ----
  const validated = wf.states<ValidatedOrder>();
  const processOrder = validated
    .parallel(
      'ProcessOrder',
      [
        validated
          .task('ReserveInventory', fn('reserveInventory'), { parameters: { 'orderId.$': '$.orderId', 'items.$': '$.items' } })
          .retry(transientRetry('reserveInventory'))
          .catchAll(caught.pass('InventoryErrored', { parameters: stepError })),
        validated
          .task('ChargePayment', fn('chargePayment'), {
            parameters: {
              'orderId.$': '$.orderId',
              'amount.$': '$.total',
              'currency.$': '$.currency',
              'paymentToken.$': '$.paymentToken',
            },
          })
          .retry(transientRetry('chargePayment'))
          .catchAll(caught.pass('PaymentErrored', { parameters: stepError })),
      ],
      { resultSelector: { 'inventory.$': '$[0]', 'payment.$': '$[1]' }, resultPath: '$.results' },
    )
    // The branches catch their own errors; should the state itself fail, both steps count as errored
    // (so both are compensated: release and refund are idempotent no-ops when nothing was done).
    .catchAll(
      wf.states<ValidatedOrder & { processingError: CaughtError }>().pass('RecordProcessingError', {
        parameters: {
          inventory: { status: 'ERROR', 'error.$': '$.processingError.Error', 'cause.$': '$.processingError.Cause' },
          payment: { status: 'ERROR', 'error.$': '$.processingError.Error', 'cause.$': '$.processingError.Cause' },
        },
        resultPath: '$.results',
      }),
      { resultPath: '$.processingError' },
    )
    .next(evaluateResults);

  // ---- validation ----
  const notifyRejected = validated
    .pass('RecordRejection', {
      parameters: {
        step: 'ValidateOrder',
        error: 'InvalidOrder',
        'cause.$': "States.Format('ValidateOrder rejected the order: {}', States.JsonToString($.validation.errors))",
      },
      resultPath: '$.failure',
    })
    .next(
      wf
        .states<ValidatedOrder & { failure: Failure }>()
        .task('NotifyRejected', fn('notifyCustomer'), {
          parameters: {
            'orderId.$': '$.orderId',
            outcome: 'REJECTED',
            'customer.$': '$.customer',
            'errors.$': '$.validation.errors',
          },
          resultPath: '$.notification',
        })
        .retry(transientRetry('notifyCustomer'))
        .catchAll(orderFailed, { resultPath: '$.notificationError' })
        .next(orderFailed),
    );
  const checkValidation = validated
    .choice('CheckValidation')
    .when(($) => $.booleanEquals('$.validation.valid', true), processOrder)
    .otherwise(notifyRejected);

  const order = wf.states<Order>();
  const validateOrder = order
    .task('ValidateOrder', fn('validateOrder'), { parameters: { 'order.$': '$' }, resultPath: '$.validation' })
    .retry(transientRetry('validateOrder'))
    // Nothing was done yet: no compensation, straight to the failure notice.
    .catchAll(
      wf
        .states<Order & { caught: CaughtError }>()
        .pass('RecordValidationError', {
          parameters: {
            step: 'ValidateOrder',
            'error.$': '$.caught.Error',
            'cause.$': "States.Format('ValidateOrder failed: {}', $.caught.Cause)",
          },
          resultPath: '$.failure',
        })
        .next(notifyFailure),
      { resultPath: '$.caught' },
    )
    .next(checkValidation);

  return wf.build(validateOrder);
}

/** The order-processing workflow, built (its graph checked). */
export const orderProcessing: BuiltWorkflow<Order, TaskFunctionName> = buildOrderProcessing();

/**
 * The order-processing ASL definition, with each task's `Resource` from `resolve` (a Lambda
 * ARN on AWS, a local ARN locally).
 */
export function renderOrderProcessing(resolve: (fn: TaskFunctionName) => string): JsonPathStateMachineDefinition {
  return orderProcessing.render(resolve);
}

/** A placeholder Lambda ARN for `fn`: `arn:aws:lambda:us-east-1:123456789012:function:<fn>`. */
export function placeholderLambdaArn(fn: string): string {
  return `arn:aws:lambda:us-east-1:123456789012:function:${fn}`;
}
