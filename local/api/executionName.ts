/**
 * Step Functions' rule for execution names, which orderIds must follow since an order's
 * execution is named by its orderId: 1 to 80 characters, none of whitespace, brackets,
 * wildcards, the punctuation `" # % \ ^ | ~ \` $ & , ; : /`, or control characters.
 */
const FORBIDDEN = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/u;

/** The longest execution name Step Functions accepts. */
export const MAX_EXECUTION_NAME_LENGTH = 80;

/** Whether `name` can name a Step Functions execution. */
export function isValidExecutionName(name: string): boolean {
  return name.length >= 1 && name.length <= MAX_EXECUTION_NAME_LENGTH && !FORBIDDEN.test(name);
}
