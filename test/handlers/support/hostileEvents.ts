/**
 * Hostile events every handler must reject with a named error (never crash, never echo a
 * card number): wrong types, missing fields, huge strings, deep nesting.
 */

/** An object nested `depth` levels deep. */
export function deeplyNested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { value };
  return value;
}

/** Events that no task's contract accepts. */
export const HOSTILE_EVENTS: ReadonlyArray<{ name: string; event: unknown }> = [
  { name: 'null', event: null },
  { name: 'a string', event: 'order' },
  { name: 'a number', event: 4242424242424242 },
  { name: 'an array', event: [1, 2, 3] },
  { name: 'an empty object', event: {} },
  { name: 'orderId as a number', event: { orderId: 42 } },
  { name: 'orderId as a card number', event: { orderId: 4242424242424242 } },
  { name: 'a huge string', event: { orderId: { huge: 'x'.repeat(1_000_000) } } },
  { name: 'deep nesting', event: { orderId: deeplyNested(5_000) } },
];
