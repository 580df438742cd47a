/**
 * The JSON Schema of `POST /orders` bodies: the Order codec's, with the order id narrowed
 * to what Step Functions accepts as an execution name (the API uses it as one).
 */
import { Order } from '../../workflow/contracts';
import { codecToJsonSchema, refineProperty, type JsonSchema } from './jsonSchema';

/**
 * An execution name, as Step Functions defines it: none of whitespace, brackets, wildcards,
 * the punctuation `" # % \ ^ | ~ \` $ & , ; : /`, or control characters.
 */
export const EXECUTION_NAME_PATTERN = '^[^\\s<>{}\\[\\]?*"#%\\\\^|~`$&,;:/\\u0000-\\u001f\\u007f-\\u009f]+$';
/** Step Functions' limit on an execution name's length. */
export const EXECUTION_NAME_MAX_LENGTH = 80;

/** The request model's schema. */
export const orderRequestSchema = (): JsonSchema => ({
  $schema: 'http://json-schema.org/draft-04/schema#',
  title: 'Order',
  ...refineProperty(codecToJsonSchema(Order), 'orderId', {
    minLength: 1,
    maxLength: EXECUTION_NAME_MAX_LENGTH,
    pattern: EXECUTION_NAME_PATTERN,
  }),
});
