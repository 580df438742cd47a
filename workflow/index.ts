/**
 * What the workflow IS: the strict ASL model, the typed builder, and the order-processing
 * workflow built with it. Pure: no I/O.
 */
export * from './asl';
export * from './dsl';
export {
  orderProcessing,
  placeholderLambdaArn,
  renderOrderProcessing,
  transientRetry,
  type FailedOrder,
  type Failure,
  type ProcessedOrder,
  type StepError,
  type ValidatedOrder,
} from './orderProcessing';
