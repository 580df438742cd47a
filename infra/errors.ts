/** Errors the deployment program raises before it creates anything. */

/** A stack config value is outside what the program accepts. */
export class InvalidSettingError extends Error {
  /** The full config key, e.g. `order-workflow:stateMachineType`. */
  public readonly key: string;

  public constructor(key: string, message: string, options?: ErrorOptions) {
    super(`${key}: ${message}`, options);
    this.name = 'InvalidSettingError';
    this.key = key;
  }
}

/** A handler entry could not be bundled into a Lambda deployment package. */
export class HandlerBundleError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'HandlerBundleError';
  }
}
