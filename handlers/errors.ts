/**
 * Named errors thrown by the services. The workflow matches on `name`: the transient ones
 * (see `TransientErrorName` in workflow/contracts.ts) are retried with backoff, the others
 * are caught and lead to compensation.
 */
import type { TransientErrorName } from '../workflow/contracts';

/** An event that does not decode. `details` holds one `field: expected X, got Y` per problem. */
export class InvalidEventError extends Error {
  /** The decoder's messages, each naming the field. */
  public readonly details: readonly string[];

  public constructor(step: string, details: readonly string[], options?: ErrorOptions) {
    super(`Invalid ${step} event: ${details.join('; ')}`, options);
    this.name = 'InvalidEvent';
    this.details = details;
  }
}

/** Base of the retryable errors: the same call may succeed later. */
export abstract class TransientError extends Error {
  public abstract override readonly name: TransientErrorName;
}

/** The inventory store could not be reached or was busy. Retryable. */
export class InventoryUnavailableError extends TransientError {
  public override readonly name = 'InventoryUnavailable' as const;
}

/** The payment processor failed transiently (timeout, 5xx). Retryable. */
export class PaymentProcessorUnavailableError extends TransientError {
  public override readonly name = 'PaymentProcessorUnavailable' as const;
}

/** The notification channel failed transiently. Retryable. */
export class NotificationUnavailableError extends TransientError {
  public override readonly name = 'NotificationUnavailable' as const;
}

/** A reservation request that no store could serve (e.g. a non-positive quantity). */
export class InvalidReservationError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InvalidReservation';
  }
}

/** The order was compensated (released or voided) before this late call arrived. */
export class OrderCompensatedError extends Error {
  public constructor(orderId: string, what: string, options?: ErrorOptions) {
    super(`Order ${orderId} was already compensated: ${what}`, options);
    this.name = 'OrderCompensated';
  }
}

/** The same orderId was charged again with a different amount or currency. */
export class IdempotencyConflictError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'IdempotencyConflict';
  }
}

/** A required setting is missing from the environment. */
export class ConfigurationError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ConfigurationError';
  }
}
