/**
 * Transient failures injected into the inventory service, for testing retries and
 * compensation (the payment processor has its own `transientRate`). A faulty call fails with
 * InventoryUnavailable either before reaching the store, or after it (the work is done but the
 * caller sees an error, as on a timed-out request): the workflow must retry the one and
 * compensate or replay the other. Draws are a pure function of (seed, function, orderId,
 * attempt), so a run repeats exactly.
 */
import { createHash } from 'node:crypto';
import { InventoryUnavailableError } from '../../handlers/errors';
import type { TaskHandler } from '../../handlers/shared/lazyHandler';
import type { TaskFunctionName } from '../../workflow/contracts';

/** Which faults to inject. */
export interface FaultInjection {
  /** Share of inventory calls (reserve and release) that fail transiently, in [0, 1]. @default 0 */
  readonly inventoryTransientRate?: number;
  /** @default 42 */
  readonly seed?: number;
}

const INVENTORY_FUNCTIONS: ReadonlySet<TaskFunctionName> = new Set(['reserveInventory', 'releaseInventory']);

/** Checks the rates: each a number in [0, 1]. */
export function checkFaultInjection(faults: FaultInjection): FaultInjection {
  const rate = faults.inventoryTransientRate ?? 0;
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) throw new RangeError('inventoryTransientRate must be a number between 0 and 1');
  return faults;
}

/**
 * Wraps a function's handlers (one per execution environment) so that they fail transiently
 * at the configured rate when it is an inventory function. Attempts are counted per order
 * across every environment of the function.
 */
export function faultInjector(name: TaskFunctionName, faults: FaultInjection): (handler: TaskHandler<unknown>) => TaskHandler<unknown> {
  const rate = faults.inventoryTransientRate ?? 0;
  if (rate === 0 || !INVENTORY_FUNCTIONS.has(name)) return (handler) => handler;
  const seed = faults.seed ?? 42;
  const attempts = new Map<string, number>();
  return (handler) => async (event, context) => {
    const orderId = orderIdOf(event);
    const attempt = (attempts.get(orderId) ?? 0) + 1;
    attempts.set(orderId, attempt);
    const [fault, when] = draws(seed, name, orderId, attempt);
    if (fault >= rate) return handler(event, context);
    const failure = new InventoryUnavailableError(`inventory unavailable (injected fault, attempt ${attempt})`);
    if (when < 0.5) throw failure;
    await handler(event, context);
    throw failure;
  };
}

function orderIdOf(event: unknown): string {
  const orderId = typeof event === 'object' && event !== null ? (event as { orderId?: unknown }).orderId : undefined;
  return typeof orderId === 'string' ? orderId : '';
}

/** Two uniform numbers in [0, 1) derived from the inputs. */
function draws(seed: number, name: string, orderId: string, attempt: number): [number, number] {
  const digest = createHash('sha256').update(`${seed}\u0000${name}\u0000${orderId}\u0000${attempt}`).digest();
  return [digest.readUIntBE(0, 6) / 2 ** 48, digest.readUIntBE(6, 6) / 2 ** 48];
}
