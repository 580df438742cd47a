/**
 * The sample orders of `examples/orders/`, one per outcome, and orders generated from them
 * (the same content under a fresh orderId), for `submit`, `load`, the tests and the benchmark.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isLeft } from 'fp-ts/Either';
import { Order } from '../../../workflow/contracts';
import { formatDecodeErrors } from '../../../workflow/decodeErrors';

/** The outcome a sample order leads to. */
export type OrderKind = 'success' | 'rejected' | 'declined' | 'out-of-stock';
export const ORDER_KINDS: readonly OrderKind[] = ['success', 'rejected', 'declined', 'out-of-stock'];

/** Where the sample orders are. */
export const EXAMPLES_DIR = path.resolve(__dirname, '../../../examples/orders');

/** A file that does not hold an order. */
export class InvalidOrderFileError extends Error {
  public constructor(file: string, detail: string, options?: ErrorOptions) {
    super(`${file} does not hold an order: ${detail}`, options);
    this.name = 'InvalidOrderFileError';
  }
}

/** Whether `text` names an order kind. */
export function isOrderKind(text: string): text is OrderKind {
  return (ORDER_KINDS as readonly string[]).includes(text);
}

/** Reads and decodes an order file. */
export function readOrderFile(file: string): Order {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InvalidOrderFileError(file, error instanceof Error ? error.message : String(error), { cause: error });
  }
  const decoded = Order.decode(parsed);
  if (isLeft(decoded)) throw new InvalidOrderFileError(file, formatDecodeErrors(decoded.left).join('; '));
  return decoded.right;
}

const samples = new Map<OrderKind, Order>();

/** The sample order of a kind, as in `examples/orders/<kind>.json`. */
export function sampleOrder(kind: OrderKind): Order {
  let order = samples.get(kind);
  if (order === undefined) {
    order = readOrderFile(path.join(EXAMPLES_DIR, `${kind}.json`));
    samples.set(kind, order);
  }
  return order;
}

/** A fresh orderId: `ord-<time>-<random>`, valid as an execution name. */
export function newOrderId(prefix = 'ord'): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(5).toString('hex')}`;
}

/** The sample order of a kind under another orderId. */
export function generatedOrder(kind: OrderKind, orderId: string = newOrderId()): Order {
  return { ...sampleOrder(kind), orderId };
}

/** A mix of kinds by weight, e.g. `success=80,declined=10,out-of-stock=5,rejected=5`. */
export type OrderMix = Readonly<Partial<Record<OrderKind, number>>>;

/** The mix `load` uses unless told otherwise. */
export const DEFAULT_MIX: OrderMix = { success: 85, declined: 5, 'out-of-stock': 5, rejected: 5 };

/** Parses `kind=weight,…`; throws a RangeError naming the bad part. */
export function parseMix(text: string): OrderMix {
  const mix: Partial<Record<OrderKind, number>> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const [kind, weight] = part.split('=');
    const value = Number(weight);
    if (kind === undefined || !isOrderKind(kind) || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`bad mix entry '${part}': expected kind=weight with kind one of ${ORDER_KINDS.join(', ')}`);
    }
    mix[kind] = value;
  }
  if (Object.values(mix).every((w) => w === 0)) throw new RangeError('the mix needs at least one positive weight');
  return mix;
}

/**
 * The kind of the i-th order of a run: a deterministic spread that follows the weights at any
 * point of the run (so a short run or a crashed run still has the mix).
 */
export function kindAt(mix: OrderMix, index: number): OrderKind {
  const entries = ORDER_KINDS.map((kind) => [kind, mix[kind] ?? 0] as const).filter(([, w]) => w > 0);
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  // Golden-ratio sequence: evenly spread fractions in [0, 1).
  let point = ((index * 0.6180339887498949) % 1) * total;
  for (const [kind, weight] of entries) {
    if (point < weight) return kind;
    point -= weight;
  }
  return entries[entries.length - 1]![0];
}
